import { Fragment, useEffect, useMemo, useState } from 'react'
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { useSearchParams } from 'react-router'
import {
  downloadFile,
  listReconItems,
  listUsers,
  reconItemsExportUrl,
  type ReconItemFilters,
} from '../api/endpoints'
import { errorMessage } from '../api/http'
import { RECON_ITEM_KINDS, RECON_ITEM_STATUSES, type Page, type ReconItem } from '../api/types'
import { formatDateTime, humanize } from '../lib/format'
import { ITEM_STATUS_COLORS, itemSummary, KIND_COLORS, KIND_LABELS, validAssignee } from '../lib/recon'
import { nextSort, sortParamToState } from '../pages/ClientsListPage'
import { ReconItemActionModal, type ItemAction } from './ReconItemActionModal'
import { ReconItemDetails } from './ReconItemDetails'

const SORTABLE = ['key', 'kind', 'status', 'updated_at'] as const
const col = createColumnHelper<ReconItem>()
const NOWRAP = new Set(['kind', 'status', 'updated_at', 'actions', 'expand'])
const STAFF_ROLES = new Set(['admin', 'manager', 'coordinator'])

/** Reads the item filters a run page keeps in its URL (`kind`, `status`, `assignee`, `q`, `sort`). */
export function itemFiltersFromParams(params: URLSearchParams): ReconItemFilters {
  const kind = params.get('kind')
  const status = params.get('status')
  return {
    kind: kind && (RECON_ITEM_KINDS as readonly string[]).includes(kind) ? kind : null,
    status: status && (RECON_ITEM_STATUSES as readonly string[]).includes(status) ? status : null,
    assignee: validAssignee(params.get('assignee')),
    q: params.get('q') ?? '',
    sort: params.get('sort') ?? 'key',
  }
}

/** The exceptions of one run: filters in the URL, cursor pages, export, expandable details and the actions. */
export function ReconItemsTable({ runId, editable }: { runId: number; editable: boolean }) {
  const queryClient = useQueryClient()
  const [params, setParams] = useSearchParams()
  const filters: ReconItemFilters = { ...itemFiltersFromParams(params), run_id: runId }
  const [search, setSearch] = useState(filters.q ?? '')
  const [debounced] = useDebouncedValue(search, 300)
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set())
  const [target, setTarget] = useState<{ item: ReconItem; action: ItemAction } | null>(null)
  const [modalOpen, setModalOpen] = useState(false)
  const [downloading, setDownloading] = useState<string | null>(null)

  function update(patch: Record<string, string | null>) {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k)
      else next.set(k, v)
    }
    setParams(next, { replace: true })
  }

  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced.trim()) update({ q: debounced.trim() || null })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced])

  const users = useQuery({ queryKey: ['users'], queryFn: () => listUsers(), staleTime: 300_000, enabled: editable })
  const staff = useMemo(
    () =>
      (users.data?.items ?? [])
        .filter((u) => STAFF_ROLES.has(u.role))
        .map((u) => ({ value: String(u.id), label: `${u.name} (${u.email})` })),
    [users.data],
  )

  const list = useInfiniteQuery({
    queryKey: ['recon-items', filters],
    queryFn: ({ pageParam }) => listReconItems(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  })
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data])
  const total = list.data?.pages[0]?.total

  function open(item: ReconItem, action: ItemAction) {
    setTarget({ item, action })
    setModalOpen(true)
  }

  function toggle(id: number) {
    setExpanded((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }

  const columns = useMemo(
    () => [
      col.display({
        id: 'expand',
        header: '',
        cell: (c) => {
          const open = expanded.has(c.row.original.id)
          return (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-expanded={open}
              aria-label={`${open ? 'Hide' : 'Show'} details of ${c.row.original.key}`}
              onClick={() => toggle(c.row.original.id)}
            >
              {open ? '▾' : '▸'}
            </ActionIcon>
          )
        },
      }),
      col.accessor('key', {
        header: 'Key',
        cell: (c) => (
          <Text size="sm" ff="monospace" fw={500} style={{ overflowWrap: 'break-word' }}>
            {c.getValue()}
          </Text>
        ),
      }),
      col.accessor('kind', {
        header: 'Kind',
        cell: (c) => (
          <Badge variant="light" color={KIND_COLORS[c.getValue()] ?? 'gray'} style={{ flexShrink: 0, minWidth: 'max-content' }}>
            {KIND_LABELS[c.getValue()] ?? humanize(c.getValue())}
          </Badge>
        ),
      }),
      col.accessor('status', {
        header: 'Status',
        cell: (c) => (
          <Badge variant="dot" color={ITEM_STATUS_COLORS[c.getValue()] ?? 'gray'} style={{ minWidth: 'max-content' }}>
            {humanize(c.getValue())}
          </Badge>
        ),
      }),
      col.accessor((r) => r.assignee?.name ?? '', {
        id: 'assignee',
        header: 'Assignee',
        cell: (c) => c.getValue() || <Text c="dimmed" span size="sm">—</Text>,
      }),
      col.display({
        id: 'differences',
        header: 'Differences',
        cell: (c) => (
          <Text size="sm" lineClamp={2} title={itemSummary(c.row.original)} style={{ wordBreak: 'break-word' }}>
            {itemSummary(c.row.original) || '—'}
          </Text>
        ),
      }),
      col.accessor('updated_at', { header: 'Updated', cell: (c) => formatDateTime(c.getValue()) }),
      ...(editable
        ? [
            col.display({
              id: 'actions',
              header: 'Actions',
              cell: (c) => {
                const item = c.row.original
                if (item.status === 'resolved') return <Text size="xs" c="dimmed">closed</Text>
                return (
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="default" onClick={() => open(item, 'assign')} aria-label={`Assign ${item.key}`}>
                      Assign
                    </Button>
                    <Button size="compact-xs" variant="light" onClick={() => open(item, 'resolve')} aria-label={`Resolve ${item.key}`}>
                      Resolve
                    </Button>
                    {item.status === 'open' && (
                      <Button size="compact-xs" variant="subtle" color="gray" onClick={() => open(item, 'accept')} aria-label={`Accept ${item.key}`}>
                        Accept
                      </Button>
                    )}
                  </Group>
                )
              },
            }),
          ]
        : []),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [expanded, editable],
  )

  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    state: { sorting: sortParamToState(filters.sort ?? '') },
  })

  async function exportFile(format: 'csv' | 'xlsx') {
    setDownloading(format)
    try {
      await downloadFile(reconItemsExportUrl(format, filters), `exceptions.${format}`)
    } catch (e) {
      notifications.show({ color: 'red', title: 'Export failed', message: errorMessage(e) })
    } finally {
      setDownloading(null)
    }
  }

  function onChanged(saved: ReconItem) {
    // show the change at once, then let the server say what the filtered list holds now
    queryClient.setQueriesData<InfiniteData<Page<ReconItem>>>({ queryKey: ['recon-items'] }, (old) =>
      old
        ? { ...old, pages: old.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.id === saved.id ? saved : i)) })) }
        : old,
    )
    setTarget((t) => (t && t.item.id === saved.id ? { ...t, item: saved } : t))
    void queryClient.invalidateQueries({ queryKey: ['recon-items'] })
  }

  // items go to staff only, so "me" means something only to those who work them
  const assigneeOptions = [
    ...(editable ? [{ value: 'me', label: 'Assigned to me' }] : []),
    { value: 'none', label: 'Unassigned' },
    ...staff,
  ]
  if (filters.assignee && !assigneeOptions.some((o) => o.value === filters.assignee)) {
    assigneeOptions.push({ value: filters.assignee, label: `User #${filters.assignee}` })
  }

  return (
    <>
      <Group justify="space-between" align="flex-end" mt="xs">
        <Title order={3}>Exceptions</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => exportFile('csv')} loading={downloading === 'csv'}>
            Export CSV
          </Button>
          <Button variant="default" onClick={() => exportFile('xlsx')} loading={downloading === 'xlsx'}>
            Export XLSX
          </Button>
        </Group>
      </Group>

      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Search key"
            placeholder="Key contains…"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={240}
            type="search"
          />
          <Select
            label="Kind"
            placeholder="Any kind"
            clearable
            data={RECON_ITEM_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            value={filters.kind ?? null}
            onChange={(v) => update({ kind: v })}
            w={170}
          />
          <Select
            label="Status"
            placeholder="Any status"
            clearable
            data={RECON_ITEM_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
            value={filters.status ?? null}
            onChange={(v) => update({ status: v })}
            w={150}
          />
          <Select
            label="Assignee"
            placeholder="Anyone"
            clearable
            searchable
            data={assigneeOptions}
            value={filters.assignee ?? null}
            onChange={(v) => update({ assignee: v })}
            w={240}
          />
        </Group>
      </Paper>

      {list.isError && (
        <Alert color="red" variant="light" title="Could not load the exceptions">
          {errorMessage(list.error)}
        </Alert>
      )}

      <Paper withBorder radius="sm" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={900}>
          <Table
            highlightOnHover
            verticalSpacing={6}
            aria-label="Exceptions"
            aria-busy={list.isFetching}
            style={{ opacity: list.isPlaceholderData ? 0.55 : 1, transition: 'opacity 120ms' }}
          >
            <Table.Thead bg="gray.1">
              {table.getHeaderGroups().map((hg) => (
                <Table.Tr key={hg.id}>
                  {hg.headers.map((h) => {
                    const id = h.column.id
                    const sortable = (SORTABLE as readonly string[]).includes(id)
                    const dir = h.column.getIsSorted()
                    return (
                      <Table.Th
                        key={h.id}
                        className={sortable ? 'sortable-header' : undefined}
                        aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                        w={id === 'expand' ? 36 : undefined}
                      >
                        {sortable ? (
                          <button
                            type="button"
                            onClick={() => update({ sort: nextSort(filters.sort ?? '', id) })}
                            title={`Sort by ${String(h.column.columnDef.header)}`}
                          >
                            {flexRender(h.column.columnDef.header, h.getContext())}
                            <span aria-hidden="true" style={{ opacity: dir ? 1 : 0.3 }}>
                              {dir === 'desc' ? '▼' : '▲'}
                            </span>
                          </button>
                        ) : (
                          flexRender(h.column.columnDef.header, h.getContext())
                        )}
                      </Table.Th>
                    )
                  })}
                </Table.Tr>
              ))}
            </Table.Thead>
            <Table.Tbody>
              {table.getRowModel().rows.map((r) => (
                <Fragment key={r.id}>
                  <Table.Tr data-testid="item-row" data-item-id={r.original.id} bg={expanded.has(r.original.id) ? 'indigo.0' : undefined}>
                    {r.getVisibleCells().map((c) => (
                      <Table.Td key={c.id} style={NOWRAP.has(c.column.id) ? { whiteSpace: 'nowrap' } : undefined}>
                        {flexRender(c.column.columnDef.cell, c.getContext())}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                  {expanded.has(r.original.id) && (
                    <Table.Tr>
                      <Table.Td />
                      <Table.Td colSpan={columns.length - 1}>
                        <ReconItemDetails item={r.original} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
              {!list.isPending && rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={columns.length}>
                    <Text c="dimmed" ta="center" py="lg">
                      No exceptions match these filters.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {list.isPending && (
                <Table.Tr>
                  <Table.Td colSpan={columns.length}>
                    <Group justify="center" py="lg">
                      <Loader size="sm" aria-label="Loading exceptions" />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="items-count">
          {list.data
            ? `Showing ${rows.length.toLocaleString()}${total !== undefined ? ` of ${total.toLocaleString()}` : ''} exceptions`
            : ''}
        </Text>
        {list.hasNextPage && (
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        )}
      </Group>

      {editable && (
        <ReconItemActionModal
          item={target?.item ?? null}
          action={target?.action ?? null}
          opened={modalOpen}
          staff={staff}
          onClose={() => setModalOpen(false)}
          onChanged={onChanged}
        />
      )}
    </>
  )
}
