import { useMemo } from 'react'
import { Badge, Group, Paper, Select, Table, TextInput } from '@mantine/core'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { Link } from 'react-router'
import { listScorecards, scorecardExportUrl, type Scorecard, type ScorecardFilters } from '../../api/quality'
import { ExportButtons } from '../../components/ExportButtons'
import { ListTable, RowCells, showingText, SortableHeaderRows } from '../../components/ListTable'
import { formatDateTime } from '../../lib/format'
import type { Period } from '../../lib/period'
import { useDebouncedUrlSearch, useUrlParams } from '../../lib/urlParams'
import { nextSort, sortParamToState } from '../ClientsListPage'

const SORTABLE = ['agent', 'total_pct', 'solved_at', 'created_at'] as const
const BANDS = [
  { value: '0-59', label: 'Below 60 %' },
  { value: '60-79', label: '60–79 %' },
  { value: '80-100', label: '80 % and up' },
]
const NOWRAP = new Set(['total_pct', 'solved_at', 'created_at'])
const col = createColumnHelper<Scorecard>()

/** Every scorecard of cases solved in the period: search, score band, sort, export. */
export function QualityScorecards({ period }: { period: Period }) {
  const { params, update } = useUrlParams()
  const band = params.get('band')
  const [min, max] = band ? band.split('-') : [null, null]
  const filters: ScorecardFilters = { q: params.get('q') ?? '', from: period.from, to: period.to, min_pct: min, max_pct: max, sort: params.get('sort') ?? '-created_at' }
  const [search, setSearch] = useDebouncedUrlSearch(params, update)
  const list = useInfiniteQuery({
    queryKey: ['scorecards', filters],
    queryFn: ({ pageParam }) => listScorecards(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  })
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data])
  const columns = useMemo(() => [
    col.accessor('case_id', { header: 'Case', cell: (c) => <Link className="row-link" to={`/service-desk/cases/${c.getValue()}`}>{`#${c.getValue()} ${c.row.original.case_subject}`}</Link> }),
    col.accessor('agent_name', { id: 'agent', header: 'Agent' }),
    col.accessor('queue_name', { header: 'Queue' }),
    col.accessor('total_pct', { header: 'Score', cell: (c) => <Badge variant="light" color={c.getValue() >= 80 ? 'teal' : c.getValue() >= 60 ? 'yellow' : 'red'}>{`${c.getValue()} %`}</Badge> }),
    col.accessor('reviewer_name', { header: 'Reviewer' }),
    col.accessor('solved_at', { header: 'Solved', cell: (c) => formatDateTime(c.getValue()) }),
    col.accessor('created_at', { header: 'Reviewed', cell: (c) => formatDateTime(c.getValue()) }),
    col.accessor('comment', { header: 'Comment' }),
  ], [])
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, state: { sorting: sortParamToState(filters.sort ?? '') } })
  return (
    <>
      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label="Search" placeholder="Case, agent, reviewer" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} type="search" />
          <Select label="Score" placeholder="Any" clearable data={BANDS} value={band} onChange={(v) => update({ band: v })} w={160} />
          <Group gap="xs" ml="auto"><ExportButtons url={(f) => scorecardExportUrl(f, filters)} filename="scorecards" /></Group>
        </Group>
      </Paper>
      <ListTable query={list} errorTitle="Could not load scorecards" label="Scorecards" minWidth={900} striped
        head={<SortableHeaderRows table={table} sortable={SORTABLE} onSort={(id) => update({ sort: nextSort(filters.sort ?? '', id) })} />}
        colSpan={columns.length} empty={rows.length === 0} emptyText="No scorecards match." loadingLabel="Loading scorecards"
        count={list.data ? showingText(rows.length, list.data.pages[0]?.total, 'scorecards') : ''} countTestId="scorecards-count">
        {table.getRowModel().rows.map((r) => (
          <Table.Tr key={r.id} data-testid="scorecard-row"><RowCells row={r} nowrap={NOWRAP} /></Table.Tr>
        ))}
      </ListTable>
    </>
  )
}
