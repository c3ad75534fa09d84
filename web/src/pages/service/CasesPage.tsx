import { useMemo, useState } from 'react'
import { Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { Link } from 'react-router'
import { CASE_PRIORITIES, CASE_STATUSES, caseExportUrl, listCases, SLA_STATES, type CaseFilters, type ServiceCase } from '../../api/service'
import { useAuth } from '../../auth/AuthContext'
import { ExportButtons } from '../../components/ExportButtons'
import { ListTable, RowCells, showingText, SortableHeaderRows } from '../../components/ListTable'
import { formatDateTime, humanize } from '../../lib/format'
import { useDebouncedUrlSearch, useUrlParams } from '../../lib/urlParams'
import { nextSort, sortParamToState } from '../ClientsListPage'
import { NewCaseModal } from './NewCaseModal'
import { NotificationsPanel } from './NotificationsPanel'
import { SlaBadge } from './SlaBadge'

const SORTABLE = ['subject', 'priority', 'status', 'sla_due_at', 'updated_at', 'created_at'] as const
const PRIORITY_COLORS: Record<string, string> = { urgent: 'red', high: 'orange', normal: 'blue', low: 'gray' }
const col = createColumnHelper<ServiceCase>()
const NOWRAP = new Set(['priority', 'status', 'sla_state', 'updated_at'])

/** The case list: my work, a queue's work or everything in scope, with SLA badges. */
export function CasesPage() {
  const { user } = useAuth()
  const internal = user?.role === 'admin' || user?.role === 'manager' || user?.role === 'coordinator'
  const { params, update } = useUrlParams()
  const [creating, setCreating] = useState(false)
  const view = params.get('view') ?? (internal ? 'mine' : 'all')
  const filters: CaseFilters = {
    q: params.get('q') ?? '',
    status: params.get('status') === 'all' ? null : params.get('status') ?? 'active',
    priority: params.get('priority'),
    sla_state: params.get('sla_state'),
    assignee_id: view === 'mine' ? 'me' : null,
    sort: params.get('sort') ?? 'sla_due_at',
  }
  const [search, setSearch] = useDebouncedUrlSearch(params, update)
  const list = useInfiniteQuery({
    queryKey: ['cases', filters],
    queryFn: ({ pageParam }) => listCases(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  })
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data])
  const columns = useMemo(
    () => [
      col.accessor('id', { header: '#', cell: (c) => `#${c.getValue()}` }),
      col.accessor('subject', {
        header: 'Subject',
        cell: (c) => (
          <Link className="row-link" to={`/service-desk/cases/${c.row.original.id}`}>
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor('requester_name', { header: 'Requester' }),
      col.accessor('priority', {
        header: 'Priority',
        cell: (c) => <Badge variant="light" color={PRIORITY_COLORS[c.getValue()] ?? 'gray'}>{c.getValue()}</Badge>,
      }),
      col.accessor('status', { header: 'Status', cell: (c) => humanize(c.getValue()) }),
      col.accessor('sla_state', { header: 'SLA', cell: (c) => <SlaBadge state={c.getValue()} due={c.row.original.sla_due_at} /> }),
      col.accessor('queue_name', { header: 'Queue' }),
      col.accessor('assignee_name', { header: 'Assignee', cell: (c) => c.getValue() || <Text c="dimmed" span>—</Text> }),
      col.accessor('updated_at', { header: 'Updated', cell: (c) => formatDateTime(c.getValue()) }),
    ],
    [],
  )
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, state: { sorting: sortParamToState(filters.sort ?? '') } })
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Service desk</Title>
          <Text size="sm" c="dimmed">{internal ? 'Cases from every channel, due soonest first' : 'Your questions and requests'}</Text>
        </div>
        {user?.role === 'admin' || user?.role === 'manager' ? (
          <Group gap="xs">
            <Button component={Link} to="/service-desk/board" variant="default">Supervisor’s board</Button>
            <Button component={Link} to="/service-desk/quality" variant="default">Quality reviews</Button>
            <Button component={Link} to="/service-desk/dashboard" variant="default">Manager’s dashboard</Button>
            <Button component={Link} to="/service-desk/settings" variant="default">Settings</Button>
          </Group>
        ) : null}
        {!internal && <Button onClick={() => setCreating(true)}>New case</Button>}
      </Group>
      {creating && <NewCaseModal onClose={() => setCreating(false)} />}
      {internal && <NotificationsPanel />}
      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          {internal && (
            <SegmentedControl value={view} onChange={(v) => update({ view: v })} data={[{ value: 'mine', label: 'My work' }, { value: 'all', label: 'All cases' }]} />
          )}
          <TextInput label="Search" placeholder="Subject, requester, #number" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} type="search" />
          <Select label="Status" clearable data={[{ value: 'active', label: 'Active (not solved)' }, ...CASE_STATUSES.map((s) => ({ value: s, label: humanize(s) }))]} value={filters.status ?? null} onChange={(v) => update({ status: v ?? 'all' })} w={190} />
          <Select label="Priority" placeholder="Any" clearable data={CASE_PRIORITIES.map((p) => ({ value: p, label: humanize(p) }))} value={filters.priority ?? null} onChange={(v) => update({ priority: v })} w={130} />
          <Select label="SLA" placeholder="Any" clearable data={SLA_STATES.map((s) => ({ value: s, label: humanize(s) }))} value={filters.sla_state ?? null} onChange={(v) => update({ sla_state: v })} w={140} />
          <Group gap="xs" ml="auto">
            <ExportButtons url={(format) => caseExportUrl(format, filters)} filename="cases" />
          </Group>
        </Group>
      </Paper>
      <ListTable
        query={list}
        errorTitle="Could not load cases"
        label="Cases"
        minWidth={980}
        striped
        head={<SortableHeaderRows table={table} sortable={SORTABLE} onSort={(id) => update({ sort: nextSort(filters.sort ?? '', id) })} />}
        colSpan={columns.length}
        empty={rows.length === 0}
        emptyText="No cases match these filters."
        loadingLabel="Loading cases"
        count={list.data ? showingText(rows.length, list.data.pages[0]?.total, 'cases') : ''}
        countTestId="cases-count"
      >
        {table.getRowModel().rows.map((r) => (
          <Table.Tr key={r.id} data-testid="case-row">
            <RowCells row={r} nowrap={NOWRAP} />
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  )
}
