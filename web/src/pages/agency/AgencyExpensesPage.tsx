import { useMemo, useState } from 'react'
import { Anchor, Badge, Button, Group, Paper, Select, Table, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { Link } from 'react-router'
import { AGENCY } from '../../api/agency'
import { EXPENSE_STATES, expenses, type Expense, type ExpenseFilters } from '../../api/agencyBilling'
import { downloadFile } from '../../api/endpoints'
import { errorMessage } from '../../api/http'
import { useAuth } from '../../auth/AuthContext'
import { ExportButtons } from '../../components/ExportButtons'
import { ListTable, RowCells, showingText, SortableHeaderRows } from '../../components/ListTable'
import { amountText } from '../../lib/format'
import { useDebouncedUrlSearch, useUrlParams } from '../../lib/urlParams'
import { nextSort, sortParamToState } from '../ClientsListPage'
import { AgencyHeader } from './AgencyNav'
import { BackgroundExport } from './BackgroundExport'
import { EXPENSE_CATEGORIES, ExpenseForm } from './ExpenseForm'

const SORTABLE = ['expense_date', 'supplier', 'job', 'state'] as const
const STATE_COLOR: Record<string, string> = { submitted: 'blue', approved: 'green', rejected: 'red', invoiced: 'grape' }
const col = createColumnHelper<Expense>()
const NOWRAP = new Set(['expense_date', 'job', 'state', 'actions'])

/** Job expenses: search, filter, sort, export; record, correct, approve or reject, receipts. */
export function AgencyExpensesPage() {
  const { user } = useAuth()
  const admin = user?.role === 'admin'
  const { params, update } = useUrlParams()
  const filters: ExpenseFilters = {
    q: params.get('q') ?? '',
    job_id: params.get('job_id'),
    state: params.get('state'),
    category: params.get('category'),
    billable: params.get('billable'),
    sort: params.get('sort') ?? '-expense_date',
  }
  const [search, setSearch] = useDebouncedUrlSearch(params, update)
  const [editing, setEditing] = useState<Expense | 'new' | null>(null)
  const qc = useQueryClient()
  const refresh = () => qc.invalidateQueries({ queryKey: ['agency'] })
  const list = useInfiniteQuery({
    queryKey: ['agency', 'expenses', filters],
    queryFn: ({ pageParam }) => expenses.list(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  })
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data])
  const columns = useMemo(() => {
    const act = (label: string, fn: () => Promise<unknown>) => async () => {
      try {
        await fn()
        await qc.invalidateQueries({ queryKey: ['agency'] })
      } catch (e) {
        notifications.show({ color: 'red', title: label, message: errorMessage(e) })
      }
    }
    return [
      col.accessor('expense_date', { header: 'Date' }),
      col.accessor('job_number', { id: 'job', header: 'Job', cell: (c) => <Anchor component={Link} to={`/agency/jobs/${c.row.original.job_id}`}>{c.getValue()}</Anchor> }),
      col.accessor('supplier', { header: 'Supplier' }),
      col.accessor('description', { header: 'Description' }),
      col.accessor('category', { header: 'Category' }),
      col.accessor('cost', { header: 'Cost', cell: (c) => `${amountText(c.getValue())} ${c.row.original.currency}` }),
      col.accessor('markup_percent', { header: 'Mark-up %' }),
      col.accessor('amount', { header: 'Billed', cell: (c) => (c.row.original.billable ? c.getValue() : <Badge size="xs" color="gray">not billable</Badge>) }),
      col.accessor('state', { header: 'State', cell: (c) => <Badge color={STATE_COLOR[c.getValue()]} title={c.row.original.reject_reason} style={{ minWidth: 'max-content' }}>{c.getValue()}</Badge> }),
      col.display({
        id: 'actions',
        header: '',
        cell: (c) => {
          const x = c.row.original
          return (
            <Group gap={4} wrap="nowrap">
              {x.has_receipt && <Button size="compact-xs" variant="subtle" onClick={() => downloadFile(expenses.receiptUrl(x), x.receipt_name)}>Receipt</Button>}
              {!x.frozen && <Button size="compact-xs" variant="default" onClick={() => setEditing(x)}>Edit</Button>}
              {admin && x.state === 'submitted' && <Button size="compact-xs" color="green" onClick={act('Approve', () => expenses.decide(x, 'approve'))}>Approve</Button>}
              {admin && x.state === 'submitted' && (
                <Button size="compact-xs" color="red" variant="light" onClick={act('Reject', async () => {
                  const reason = window.prompt('Why is the expense rejected?')
                  if (reason) await expenses.decide(x, 'reject', reason)
                })}>Reject</Button>
              )}
              {x.state === 'rejected' && <Button size="compact-xs" variant="default" onClick={act('Resubmit', () => expenses.decide(x, 'resubmit'))}>Resubmit</Button>}
            </Group>
          )
        },
      }),
    ]
  }, [admin, qc])
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, state: { sorting: sortParamToState(filters.sort ?? '') } })
  return (
    <>
      <AgencyHeader title="Agency — expenses" />
      <Paper withBorder p="sm" radius="sm" mb="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label="Search" placeholder="Job, supplier, description" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} type="search" />
          <Select label="State" placeholder="Any" clearable data={[...EXPENSE_STATES]} value={filters.state ?? null} onChange={(v) => update({ state: v })} w={150} />
          <Select label="Category" placeholder="Any" clearable data={EXPENSE_CATEGORIES} value={filters.category ?? null} onChange={(v) => update({ category: v })} w={150} />
          <Select label="Billable" placeholder="Any" clearable data={[{ value: '1', label: 'Billable' }, { value: '0', label: 'Not billable' }]} value={filters.billable ?? null} onChange={(v) => update({ billable: v })} w={140} />
          <Group gap="xs" ml="auto">
            <ExportButtons url={(format) => expenses.exportUrl(format, filters)} filename="expenses" />
            <BackgroundExport path={`${AGENCY}/expenses`} query={{ ...filters, q: filters.q || undefined }} />
            <Button onClick={() => setEditing('new')}>Record expense</Button>
          </Group>
        </Group>
      </Paper>
      <ListTable
        query={list}
        errorTitle="Could not load expenses"
        label="Expenses"
        minWidth={1100}
        striped
        head={<SortableHeaderRows table={table} sortable={SORTABLE} onSort={(id) => update({ sort: nextSort(filters.sort ?? '', id) })} />}
        colSpan={columns.length}
        empty={rows.length === 0}
        emptyText="No expenses match these filters."
        loadingLabel="Loading expenses"
        count={list.data ? showingText(rows.length, list.data.pages[0]?.total, 'expenses') : ''}
        countTestId="expenses-count"
      >
        {table.getRowModel().rows.map((r) => (
          <Table.Tr key={r.id} data-testid="expense-row">
            <RowCells row={r} nowrap={NOWRAP} />
          </Table.Tr>
        ))}
      </ListTable>
      {editing && (
        <ExpenseForm expense={editing === 'new' ? null : editing} jobId={filters.job_id ? Number(filters.job_id) : undefined}
          onClose={() => setEditing(null)} onSaved={refresh} />
      )}
    </>
  )
}
