import { Fragment, useMemo, useState } from 'react'
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import {
  listReconItems,
  listUsers,
  reconItemsExportUrl,
  type ReconItemFilters,
} from '../api/endpoints'
import { RECON_ITEM_KINDS, RECON_ITEM_STATUSES, type Page, type ReconItem } from '../api/types'
import { formatDateTime, humanize } from '../lib/format'
import { ITEM_STATUS_COLORS, itemSummary, KIND_COLORS, KIND_LABELS, validAssignee } from '../lib/recon'
import { useDebouncedUrlSearch, useUrlParams } from '../lib/urlParams'
import { nextSort, sortParamToState } from '../pages/ClientsListPage'
import { ExportButtons } from './ExportButtons'
import { ListTable, RowCells, showingText, SortableHeaderRows } from './ListTable'
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
  const { params, update } = useUrlParams()
  const filters: ReconItemFilters = { ...itemFiltersFromParams(params), run_id: runId }
  const [search, setSearch] = useDebouncedUrlSearch(params, update)
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set())
  const [target, setTarget] = useState<{ item: ReconItem; action: ItemAction } | null>(null)
  const [modalOpen, setModalOpen] = useState(false)

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
          <ExportButtons url={(format) => reconItemsExportUrl(format, filters)} filename="exceptions" />
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

      <ListTable
        query={list}
        errorTitle="Could not load the exceptions"
        label="Exceptions"
        minWidth={900}
        head={
          <SortableHeaderRows
            table={table}
            sortable={SORTABLE}
            onSort={(id) => update({ sort: nextSort(filters.sort ?? '', id) })}
            widths={{ expand: 36 }}
          />
        }
        colSpan={columns.length}
        empty={rows.length === 0}
        emptyText="No exceptions match these filters."
        loadingLabel="Loading exceptions"
        count={list.data ? showingText(rows.length, total, 'exceptions') : ''}
        countTestId="items-count"
      >
        {table.getRowModel().rows.map((r) => (
          <Fragment key={r.id}>
            <Table.Tr data-testid="item-row" data-item-id={r.original.id} bg={expanded.has(r.original.id) ? 'indigo.0' : undefined}>
              <RowCells row={r} nowrap={NOWRAP} />
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
      </ListTable>

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
