import { useMemo } from 'react'
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { Link } from 'react-router'
import { listReconRuns, listReconSpecs, reconRunsExportUrl, type ReconRunFilters } from '../api/endpoints'
import { RECON_RUN_STATES, type ReconRun } from '../api/types'
import { useAuth } from '../auth/AuthContext'
import { ExportButtons } from '../components/ExportButtons'
import { ListTable, RowCells, showingText, SortableHeaderRows } from '../components/ListTable'
import { ReconNav } from '../components/ReconNav'
import { formatDateTime, humanize } from '../lib/format'
import { canWorkRecon } from '../lib/modules'
import { RUN_SORTS, RUN_STATE_COLORS, runExceptions } from '../lib/recon'
import { useUrlParams } from '../lib/urlParams'
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
  const { params, update } = useUrlParams()
  const q = params.get('q') ?? ''
  const sort = params.get('sort') ?? '-id'
  const filters: ReconRunFilters = { spec_id: params.get('spec_id'), state: params.get('state'), q, sort }

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
  const rows = loaded
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
            placeholder="Spec or file name…"
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
            <ExportButtons url={(format) => reconRunsExportUrl(format, filters)} filename="reconciliation-runs" what="runs" />
          </Group>
        </Group>
      </Paper>

      <ListTable
        query={list}
        errorTitle="Could not load runs"
        label="Runs"
        minWidth={820}
        striped
        head={<SortableHeaderRows table={table} sortable={RUN_SORTS} onSort={(id) => update({ sort: nextSort(sort, id) })} />}
        colSpan={columns.length}
        empty={rows.length === 0}
        emptyText={
          loaded.length === 0 && !filters.spec_id && !filters.state
            ? editable
              ? 'No runs yet. Save a spec, then start a run on two files.'
              : 'No runs yet.'
            : 'No runs match these filters.'
        }
        loadingLabel="Loading runs"
        count={
          list.data
            ? showingText(rows.length, total, 'runs')
            : ''
        }
        countTestId="runs-count"
      >
        {table.getRowModel().rows.map((r) => (
          <Table.Tr key={r.id} data-testid="run-row">
            <RowCells row={r} nowrap={NOWRAP} />
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  )
}
