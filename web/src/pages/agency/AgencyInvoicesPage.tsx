import { useMemo } from 'react'
import { Anchor, Badge, Group, Paper, Select, Table, TextInput } from '@mantine/core'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { Link } from 'react-router'
import { AGENCY } from '../../api/agency'
import { invoices, STAGE_COLOR, type InvoiceDetail, type InvoiceFilters } from '../../api/agencyBilling'
import { ExportButtons } from '../../components/ExportButtons'
import { ListTable, RowCells, showingText, SortableHeaderRows } from '../../components/ListTable'
import { humanize } from '../../lib/format'
import { useDebouncedUrlSearch, useUrlParams } from '../../lib/urlParams'
import { nextSort, sortParamToState } from '../ClientsListPage'
import { AgencyHeader } from './AgencyNav'
import { BackgroundExport } from './BackgroundExport'

const SORTABLE = ['number', 'issue_date', 'due_date', 'status'] as const
const NOWRAP = new Set(['number', 'issue_date', 'due_date', 'stage'])
const col = createColumnHelper<InvoiceDetail>()

/** Invoices and credit notes: search, filter, sort, export; each opens to its deliveries and payments. */
export function AgencyInvoicesPage() {
  const { params, update } = useUrlParams()
  const filters: InvoiceFilters = {
    q: params.get('q') ?? '',
    status: params.get('status'),
    kind: params.get('kind'),
    delivery_status: params.get('delivery_status'),
    sort: params.get('sort') ?? '-issue_date',
  }
  const [search, setSearch] = useDebouncedUrlSearch(params, update)
  const list = useInfiniteQuery({
    queryKey: ['agency', 'invoices', filters],
    queryFn: ({ pageParam }) => invoices.list(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  })
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data])
  const columns = useMemo(() => [
    col.accessor('number', {
      header: 'Number',
      cell: (c) => <Anchor component={Link} to={`/agency/invoices/${c.row.original.id}`}>{c.getValue() ?? `Draft #${c.row.original.id}`}</Anchor>,
    }),
    col.accessor('kind', { header: 'Kind', cell: (c) => humanize(c.getValue()) }),
    col.accessor('job_number', { header: 'Job' }),
    col.accessor('issue_date', { header: 'Issued' }),
    col.accessor('due_date', { header: 'Due' }),
    col.accessor('total', { header: 'Total', cell: (c) => `${c.getValue()} ${c.row.original.currency}` }),
    col.accessor('paid', { header: 'Paid' }),
    col.accessor((i) => i.payment?.outstanding ?? '', { id: 'outstanding', header: 'Outstanding' }),
    col.accessor('delivered_to', { header: 'Sent to' }),
    col.accessor('stage', { header: 'Stage', cell: (c) => <Badge color={STAGE_COLOR[c.getValue()]}>{humanize(c.getValue())}</Badge> }),
  ], [])
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, state: { sorting: sortParamToState(filters.sort ?? '') } })
  return (
    <>
      <AgencyHeader title="Agency — invoices" />
      <Paper withBorder p="sm" radius="sm" mb="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label="Search" placeholder="Number, job" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={220} type="search" />
          <Select label="Status" placeholder="Any" clearable data={['draft', 'issued']} value={filters.status ?? null} onChange={(v) => update({ status: v })} w={130} />
          <Select label="Kind" placeholder="Any" clearable data={[{ value: 'invoice', label: 'Invoice' }, { value: 'credit_note', label: 'Credit note' }]} value={filters.kind ?? null} onChange={(v) => update({ kind: v })} w={150} />
          <Select label="Delivery" placeholder="Any" clearable data={['not_sent', 'sent', 'delivered', 'bounced']} value={filters.delivery_status ?? null} onChange={(v) => update({ delivery_status: v })} w={150} />
          <Group gap="xs" ml="auto">
            <ExportButtons url={(format) => invoices.exportUrl(format, filters)} filename="invoices" />
            <BackgroundExport path={`${AGENCY}/invoices`} query={{ ...filters, q: filters.q || undefined }} />
          </Group>
        </Group>
      </Paper>
      <ListTable
        query={list}
        errorTitle="Could not load invoices"
        label="Invoices"
        minWidth={1100}
        striped
        head={<SortableHeaderRows table={table} sortable={SORTABLE} onSort={(id) => update({ sort: nextSort(filters.sort ?? '', id) })} />}
        colSpan={columns.length}
        empty={rows.length === 0}
        emptyText="No invoices match these filters."
        loadingLabel="Loading invoices"
        count={list.data ? showingText(rows.length, list.data.pages[0]?.total, 'invoices') : ''}
        countTestId="invoices-count"
      >
        {table.getRowModel().rows.map((r) => (
          <Table.Tr key={r.id} data-testid="invoice-row">
            <RowCells row={r} nowrap={NOWRAP} />
          </Table.Tr>
        ))}
      </ListTable>
    </>
  )
}
