import { useMemo, useState, type ReactNode } from 'react'
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { Link } from 'react-router'
import { exportUrl, listRecords, startExportJob, type Row } from '../../api/workforce'
import type { Job } from '../../api/types'
import { ExportJobPanel } from '../../components/ExportJobPanel'
import { ExportButtons } from '../../components/ExportButtons'
import { ListTable, RowCells, showingText, SortableHeaderRows } from '../../components/ListTable'
import { formatDateTime, humanize } from '../../lib/format'
import { useDebouncedUrlSearch, useUrlParams } from '../../lib/urlParams'
import { nextSort, sortParamToState } from '../ClientsListPage'
import { WorkforceNav } from './WorkforceNav'

export const WF_STATUS_COLORS: Record<string, string> = {
  requested: 'gray',
  onboarding: 'blue',
  ready: 'cyan',
  active: 'green',
  ending: 'yellow',
  ended: 'orange',
  offboarded: 'dark',
  cancelled: 'red',
  waiting: 'blue',
  needs_details: 'orange',
  converted: 'green',
  draft: 'gray',
  submitted: 'blue',
  approved: 'green',
  rejected: 'red',
  pending_approval: 'orange',
  final: 'green',
  inactive: 'gray',
  open: 'blue',
  sent_to_payroll: 'cyan',
  awaiting_worker: 'yellow',
  awaiting_client: 'yellow',
  resolved: 'green',
  published: 'green',
}

export function StatusBadge({ value }: { value: unknown }) {
  const v = String(value ?? '')
  return (
    <Badge variant="light" color={WF_STATUS_COLORS[v] ?? 'gray'} style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {humanize(v)}
    </Badge>
  )
}

/** Lists longer than this export their XLSX in the background, with a progress bar. */
export const BACKGROUND_EXPORT_ROWS = 500

export interface ColumnSpec {
  key: string
  header: string
  kind?: 'status' | 'datetime' | 'link' | 'flag'
}

export interface FilterSpec {
  key: string
  label: string
  options: string[]
}

/**
 * A workforce list (programmes, workers, PSRs, assignments, timecards): search, filters and sort in the URL,
 * keyset "Load more", CSV and XLSX exports of exactly what is listed.
 */
export function RecordListPage({
  title,
  subtitle,
  path,
  detailPath,
  columns,
  sortable,
  filters,
  defaultSort,
  noun,
  actions,
}: {
  title: string
  subtitle: string
  path: string
  detailPath: string
  columns: ColumnSpec[]
  sortable: string[]
  filters: FilterSpec[]
  defaultSort: string
  noun: string
  actions?: ReactNode
}) {
  const { params, update } = useUrlParams()
  const [job, setJob] = useState<Job | null>(null)
  const [search, setSearch] = useDebouncedUrlSearch(params, update)
  const query: Record<string, string | null> = { q: params.get('q'), sort: params.get('sort') ?? defaultSort }
  for (const f of filters) query[f.key] = params.get(f.key)

  const list = useInfiniteQuery({
    queryKey: ['wf', path, query],
    queryFn: ({ pageParam }) => listRecords(path, query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  })
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data])
  const col = createColumnHelper<Row>()
  const tableColumns = useMemo(
    () =>
      columns.map((c) =>
        col.accessor((r) => r[c.key], {
          id: c.key,
          header: c.header,
          cell: (cell) => {
            const v = cell.getValue()
            if (c.kind === 'status') return <StatusBadge value={v} />
            if (c.kind === 'datetime') return formatDateTime(v as string)
            if (c.kind === 'flag') return v ? <Badge color="orange" variant="light">VMS update pending</Badge> : null
            if (c.kind === 'link') {
              return (
                <Link className="row-link" to={`${detailPath}/${cell.row.original.id}`}>
                  {String(v ?? `#${cell.row.original.id}`)}
                </Link>
              )
            }
            if (Array.isArray(v)) return v.join(', ')
            return v === null || v === undefined || v === '' ? <Text c="dimmed" span>—</Text> : String(v)
          },
        }),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [columns, detailPath],
  )
  const table = useReactTable({
    data: rows,
    columns: tableColumns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    state: { sorting: sortParamToState(query.sort ?? '') },
  })
  const nowrap = new Set(columns.filter((c) => c.kind === 'status' || c.kind === 'datetime').map((c) => c.key))

  return (
    <Stack gap="md">
      <WorkforceNav />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{title}</Title>
          <Text size="sm" c="dimmed">
            {subtitle}
          </Text>
        </div>
        <Group gap="xs">{actions}</Group>
      </Group>
      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={260}
            type="search"
          />
          {filters.map((f) => (
            <Select
              key={f.key}
              label={f.label}
              placeholder="Any"
              clearable
              data={f.options.map((o) => ({ value: o, label: humanize(o) }))}
              value={query[f.key] ?? null}
              onChange={(v) => update({ [f.key]: v })}
              w={180}
            />
          ))}
          <Group gap="xs" ml="auto">
            <ExportButtons
              url={(format) => exportUrl(path, format, query)}
              filename={path.replace(/\//g, '-')}
              xlsxInBackground={
                (list.data?.pages[0]?.total ?? 0) > BACKGROUND_EXPORT_ROWS
                  ? async () => setJob(await startExportJob(path, query))
                  : undefined
              }
            />
            <Button variant="subtle" onClick={() => list.refetch()}>
              Refresh
            </Button>
          </Group>
        </Group>
      </Paper>
      {job && <ExportJobPanel key={job.id} initial={job} onClose={() => setJob(null)} />}
      <ListTable
        query={list}
        errorTitle={`Could not load ${noun}`}
        label={title}
        minWidth={900}
        striped
        head={
          <SortableHeaderRows
            table={table}
            sortable={sortable}
            onSort={(id) => update({ sort: nextSort(query.sort ?? '', id) })}
          />
        }
        colSpan={columns.length}
        empty={rows.length === 0}
        emptyText={`No ${noun} match these filters.`}
        loadingLabel={`Loading ${noun}`}
        count={list.data ? showingText(rows.length, list.data.pages[0]?.total, noun) : ''}
        countTestId={`${noun.replace(/\s/g, '-')}-count`}
      >
        {table.getRowModel().rows.map((r) => (
          <Table.Tr key={r.id} data-testid="wf-row">
            <RowCells row={r} nowrap={nowrap} />
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  )
}
