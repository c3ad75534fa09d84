import { useMemo, useState } from 'react'
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import {
  createColumnHelper,
  getCoreRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table'
import { Link } from 'react-router'
import {
  clientExportUrl,
  listClients,
  listIndustries,
  startClientExportJob,
  type ClientFilters,
} from '../api/endpoints'
import { errorMessage } from '../api/http'
import { CLIENT_STATUSES, type Client, type Job } from '../api/types'
import { useAuth } from '../auth/AuthContext'
import { ExportButtons } from '../components/ExportButtons'
import { ExportJobPanel } from '../components/ExportJobPanel'
import { ListTable, RowCells, showingText, SortableHeaderRows } from '../components/ListTable'
import { canEditClients } from '../lib/modules'
import { formatDateTime, humanize, STATUS_COLORS } from '../lib/format'
import { useDebouncedUrlSearch, useUrlParams } from '../lib/urlParams'

const SORTABLE = ['legal_name', 'dba', 'industry', 'status', 'updated_at'] as const

/** `-updated_at` → [{id:'updated_at', desc:true}] */
export function sortParamToState(sort: string): SortingState {
  if (!sort) return []
  const desc = sort.startsWith('-')
  return [{ id: desc ? sort.slice(1) : sort, desc }]
}

/** Next sort when a header is clicked: ascending → descending → ascending … */
export function nextSort(current: string, column: string): string {
  if (current === column) return `-${column}`
  return column
}

const col = createColumnHelper<Client>()
/** Columns whose cells never wrap (badges and dates). */
const NOWRAP = new Set(['status', 'updated_at'])

export function ClientsListPage() {
  const { user } = useAuth()
  const { params, update } = useUrlParams()
  const filters: ClientFilters = {
    q: params.get('q') ?? '',
    status: params.get('status'),
    industry: params.get('industry'),
    archived: (params.get('archived') as ClientFilters['archived']) ?? 'false',
    sort: params.get('sort') ?? 'legal_name',
  }
  const [search, setSearch] = useDebouncedUrlSearch(params, update)
  const [job, setJob] = useState<Job | null>(null)
  const [startingJob, setStartingJob] = useState(false)

  const industries = useQuery({ queryKey: ['industries'], queryFn: listIndustries, staleTime: 300_000 })

  const list = useInfiniteQuery({
    queryKey: ['clients', filters],
    queryFn: ({ pageParam }) => listClients(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  })

  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data])
  const total = list.data?.pages[0]?.total

  const columns = useMemo(
    () => [
      col.accessor('legal_name', {
        header: 'Legal name',
        cell: (c) => (
          <Link className="row-link" to={`/clients/${c.row.original.id}`}>
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor('dba', { header: 'DBA', cell: (c) => c.getValue() || <Text c="dimmed" span>—</Text> }),
      col.accessor('industry', { header: 'Industry', cell: (c) => c.getValue() || <Text c="dimmed" span>—</Text> }),
      col.accessor('status', {
        header: 'Status',
        cell: (c) => (
          <Group gap={4} wrap="nowrap" preventGrowOverflow={false}>
            <Badge variant="light" color={STATUS_COLORS[c.getValue()] ?? 'gray'} style={{ flexShrink: 0, minWidth: 'max-content' }}>
              {humanize(c.getValue())}
            </Badge>
            {c.row.original.archived && (
              <Badge variant="outline" color="gray" style={{ flexShrink: 0, minWidth: 'max-content' }}>
                Archived
              </Badge>
            )}
          </Group>
        ),
      }),
      col.accessor('updated_at', { header: 'Updated', cell: (c) => formatDateTime(c.getValue()) }),
    ],
    [],
  )

  const sorting = sortParamToState(filters.sort ?? '')
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    state: { sorting },
  })

  async function startJob() {
    setStartingJob(true)
    try {
      setJob(await startClientExportJob())
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not start the export', message: errorMessage(e) })
    } finally {
      setStartingJob(false)
    }
  }

  const internal = canEditClients(user?.role)
  const industryOptions = industries.data ?? []

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Clients</Title>
          <Text size="sm" c="dimmed">
            {user?.role === 'client_user' ? 'Your organisation' : 'Employers served by the firm'}
          </Text>
        </div>
        <Group gap="xs">
          {internal && (
            <Button component={Link} to="/clients/import" variant="default">
              Import CSV
            </Button>
          )}
          {internal && (
            <Button component={Link} to="/clients/new">
              New client
            </Button>
          )}
        </Group>
      </Group>

      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Search"
            placeholder="Legal name, DBA, tax id…"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={280}
            type="search"
          />
          <Select
            label="Status"
            placeholder="Any status"
            clearable
            data={CLIENT_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
            value={filters.status ?? null}
            onChange={(v) => update({ status: v })}
            w={170}
          />
          <Select
            label="Industry"
            placeholder="Any industry"
            clearable
            searchable
            data={
              filters.industry && !industryOptions.includes(filters.industry)
                ? [filters.industry, ...industryOptions]
                : industryOptions
            }
            value={filters.industry ?? null}
            onChange={(v) => update({ industry: v })}
            w={220}
          />
          <Checkbox
            label="Show archived"
            checked={filters.archived === 'all'}
            onChange={(e) => update({ archived: e.currentTarget.checked ? 'all' : null })}
            mb={8}
          />
          <Group gap="xs" ml="auto">
            <ExportButtons url={(format) => clientExportUrl(format, filters)} filename="clients" />
            {user?.role !== 'worker' && (
              <Button variant="light" onClick={startJob} loading={startingJob}>
                Export all to XLSX (background job)
              </Button>
            )}
          </Group>
        </Group>
      </Paper>

      {job && <ExportJobPanel key={job.id} initial={job} onClose={() => setJob(null)} />}

      <ListTable
        query={list}
        errorTitle="Could not load clients"
        label="Clients"
        minWidth={760}
        striped
        head={
          <SortableHeaderRows table={table} sortable={SORTABLE} onSort={(id) => update({ sort: nextSort(filters.sort ?? '', id) })} />
        }
        colSpan={columns.length}
        empty={rows.length === 0}
        emptyText="No clients match these filters."
        loadingLabel="Loading clients"
        count={list.data ? showingText(rows.length, total, 'clients') : ''}
        countTestId="clients-count"
      >
        {table.getRowModel().rows.map((r) => (
          <Table.Tr key={r.id} data-testid="client-row">
            <RowCells row={r} nowrap={NOWRAP} />
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  )
}
