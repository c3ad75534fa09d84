import { useMemo, useState } from 'react'
import { Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { Link, useSearchParams } from 'react-router'
import { downloadFile, listReconRuns, listReconSpecs, reconItemsExportUrl, type ReconRunFilters } from '../api/endpoints'
import { errorMessage } from '../api/http'
import { RECON_RUN_STATES, type ReconRun } from '../api/types'
import { useAuth } from '../auth/AuthContext'
import { ReconNav } from '../components/ReconNav'
import { formatDateTime, humanize } from '../lib/format'
import { canWorkRecon } from '../lib/modules'
import { filterRuns, RUN_SORTS, RUN_STATE_COLORS, runExceptions, sortRuns } from '../lib/recon'
import { nextSort, sortParamToState } from './ClientsListPage'

const col = createColumnHelper<ReconRun>()
const NOWRAP = new Set(['id', 'state', 'created_at', 'exceptions', 'matched'])

/** The page header every Reconciliation list shares: title, the section tabs, the write buttons. */
export function ReconHeader({ children }: { children?: React.ReactNode }) {
  const { user } = useAuth()
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Reconciliation</Title>
          <Text size="sm" c="dimmed">
            {user?.role === 'client_user'
              ? "Your organisation's record comparisons and the differences found"
              : 'Compare two record sets with a saved spec; every difference becomes an item someone resolves'}
          </Text>
        </div>
        <Group gap="xs">{children}</Group>
      </Group>
      <ReconNav />
    </Stack>
  )
}

export function ReconRunsPage() {
  const { user } = useAuth()
  const [params, setParams] = useSearchParams()
  const filters: ReconRunFilters = { spec_id: params.get('spec_id'), state: params.get('state') }
  const q = params.get('q') ?? ''
  const sort = params.get('sort') ?? '-id'
  const [downloading, setDownloading] = useState<string | null>(null)

  function update(patch: Record<string, string | null>) {
    const next = new URLSearchParams(params)
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k)
      else next.set(k, v)
    }
    setParams(next, { replace: true })
  }

  const specs = useQuery({ queryKey: ['recon-specs', 'all'], queryFn: () => listReconSpecs(undefined, null, 500), staleTime: 60_000 })
  const list = useInfiniteQuery({
    queryKey: ['recon-runs', filters],
    queryFn: ({ pageParam }) => listReconRuns(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    // keep queued and running runs moving on the list
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((r) => r.state === 'queued' || r.state === 'running')) ? 2000 : false,
  })
  const loaded = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data])
  const rows = useMemo(() => sortRuns(filterRuns(loaded, q), sort), [loaded, q, sort])
  const total = list.data?.pages[0]?.total

  const columns = useMemo(
    () => [
      col.accessor('id', {
        header: 'Run',
        cell: (c) => (
          <Link className="row-link" to={`/reconciliation/runs/${c.getValue()}`}>
            #{c.getValue()}
          </Link>
        ),
      }),
      col.accessor('spec_name', {
        header: 'Spec',
        cell: (c) => (
          <Link className="row-link" to={`/reconciliation/specs/${c.row.original.spec_id}`}>
            {c.getValue()}
          </Link>
        ),
      }),
      col.display({
        id: 'inputs',
        header: 'Inputs (left → right)',
        cell: (c) => (
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {c.row.original.left.name || '—'} <Text span c="dimmed">→</Text> {c.row.original.right.name || '—'}
          </Text>
        ),
      }),
      col.accessor('state', {
        header: 'State',
        cell: (c) => (
          <Badge variant="light" color={RUN_STATE_COLORS[c.getValue()] ?? 'gray'} style={{ minWidth: 'max-content' }}>
            {humanize(c.getValue())}
          </Badge>
        ),
      }),
      col.accessor((r) => runExceptions(r.summary), {
        id: 'exceptions',
        header: 'Exceptions',
        cell: (c) => (c.row.original.state === 'succeeded' ? c.getValue().toLocaleString() : <Text c="dimmed" span>—</Text>),
      }),
      col.accessor((r) => r.summary?.matched ?? null, {
        id: 'matched',
        header: 'Matched',
        cell: (c) => (c.getValue() === null ? <Text c="dimmed" span>—</Text> : c.getValue()!.toLocaleString()),
      }),
      col.accessor('created_at', { header: 'Started', cell: (c) => formatDateTime(c.getValue()) }),
    ],
    [],
  )
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    state: { sorting: sortParamToState(sort) },
  })

  async function exportFile(format: 'csv' | 'xlsx') {
    setDownloading(format)
    try {
      await downloadFile(reconItemsExportUrl(format, { spec_id: filters.spec_id }), `exceptions.${format}`)
    } catch (e) {
      notifications.show({ color: 'red', title: 'Export failed', message: errorMessage(e) })
    } finally {
      setDownloading(null)
    }
  }

  const specOptions = (specs.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name }))
  if (filters.spec_id && !specOptions.some((o) => o.value === filters.spec_id)) {
    specOptions.unshift({ value: filters.spec_id, label: `Spec #${filters.spec_id}` })
  }
  const editable = canWorkRecon(user?.role)

  return (
    <Stack gap="md">
      <ReconHeader>
        {editable && (
          <Button
            component={Link}
            to={filters.spec_id ? `/reconciliation/runs/new?spec_id=${filters.spec_id}` : '/reconciliation/runs/new'}
          >
            Start a run
          </Button>
        )}
      </ReconHeader>

      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Search"
            placeholder="Run #, spec, file name…"
            value={q}
            onChange={(e) => update({ q: e.currentTarget.value })}
            w={240}
            type="search"
          />
          <Select
            label="Spec"
            placeholder="Any spec"
            clearable
            searchable
            data={specOptions}
            value={filters.spec_id ?? null}
            onChange={(v) => update({ spec_id: v })}
            w={240}
          />
          <Select
            label="State"
            placeholder="Any state"
            clearable
            data={RECON_RUN_STATES.map((s) => ({ value: s, label: humanize(s) }))}
            value={filters.state ?? null}
            onChange={(v) => update({ state: v })}
            w={150}
          />
          <Group gap="xs" ml="auto">
            <Button variant="default" onClick={() => exportFile('csv')} loading={downloading === 'csv'}>
              Export exceptions CSV
            </Button>
            <Button variant="default" onClick={() => exportFile('xlsx')} loading={downloading === 'xlsx'}>
              Export exceptions XLSX
            </Button>
          </Group>
        </Group>
      </Paper>

      {list.isError && (
        <Alert color="red" variant="light" title="Could not load runs">
          {errorMessage(list.error)}
        </Alert>
      )}

      <Paper withBorder radius="sm" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={820}>
          <Table
            striped
            highlightOnHover
            verticalSpacing={6}
            aria-label="Runs"
            aria-busy={list.isFetching}
            style={{ opacity: list.isPlaceholderData ? 0.55 : 1, transition: 'opacity 120ms' }}
          >
            <Table.Thead bg="gray.1">
              {table.getHeaderGroups().map((hg) => (
                <Table.Tr key={hg.id}>
                  {hg.headers.map((h) => {
                    const id = h.column.id
                    const sortable = (RUN_SORTS as readonly string[]).includes(id)
                    const dir = h.column.getIsSorted()
                    return (
                      <Table.Th
                        key={h.id}
                        className={sortable ? 'sortable-header' : undefined}
                        aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                      >
                        {sortable ? (
                          <button
                            type="button"
                            onClick={() => update({ sort: nextSort(sort, id) })}
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
                <Table.Tr key={r.id} data-testid="run-row">
                  {r.getVisibleCells().map((c) => (
                    <Table.Td key={c.id} style={NOWRAP.has(c.column.id) ? { whiteSpace: 'nowrap' } : undefined}>
                      {flexRender(c.column.columnDef.cell, c.getContext())}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              {!list.isPending && rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={columns.length}>
                    <Text c="dimmed" ta="center" py="lg">
                      {loaded.length === 0 && !filters.spec_id && !filters.state
                        ? editable
                          ? 'No runs yet. Save a spec, then start a run on two files.'
                          : 'No runs yet.'
                        : 'No runs match these filters.'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {list.isPending && (
                <Table.Tr>
                  <Table.Td colSpan={columns.length}>
                    <Group justify="center" py="lg">
                      <Loader size="sm" aria-label="Loading runs" />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="runs-count">
          {list.data
            ? `Showing ${rows.length.toLocaleString()}${total !== undefined ? ` of ${total.toLocaleString()}` : ''} runs` +
              (q && list.hasNextPage ? ' (search and sort cover the runs loaded so far)' : '')
            : ''}
        </Text>
        {list.hasNextPage && (
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        )}
      </Group>
    </Stack>
  )
}
