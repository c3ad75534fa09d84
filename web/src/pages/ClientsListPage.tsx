import { useEffect, useMemo, useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table'
import { Link, useSearchParams } from 'react-router'
import {
  clientExportUrl,
  downloadFile,
  listClients,
  listIndustries,
  startClientExportJob,
  type ClientFilters,
} from '../api/endpoints'
import { errorMessage } from '../api/http'
import { CLIENT_STATUSES, type Client, type Job } from '../api/types'
import { useAuth } from '../auth/AuthContext'
import { ExportJobPanel } from '../components/ExportJobPanel'
import { canEditClients } from '../lib/modules'
import { formatDateTime, humanize, STATUS_COLORS } from '../lib/format'

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
  const [params, setParams] = useSearchParams()
  const filters: ClientFilters = {
    q: params.get('q') ?? '',
    status: params.get('status'),
    industry: params.get('industry'),
    archived: (params.get('archived') as ClientFilters['archived']) ?? 'false',
    sort: params.get('sort') ?? 'legal_name',
  }
  const [search, setSearch] = useState(filters.q ?? '')
  const [debounced] = useDebouncedValue(search, 300)
  const [job, setJob] = useState<Job | null>(null)
  const [downloading, setDownloading] = useState<string | null>(null)
  const [startingJob, setStartingJob] = useState(false)

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

  async function exportFile(format: 'csv' | 'xlsx') {
    setDownloading(format)
    try {
      await downloadFile(clientExportUrl(format, filters), `clients.${format}`)
    } catch (e) {
      notifications.show({ color: 'red', title: 'Export failed', message: errorMessage(e) })
    } finally {
      setDownloading(null)
    }
  }

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
            <Button variant="default" onClick={() => exportFile('csv')} loading={downloading === 'csv'}>
              Export CSV
            </Button>
            <Button variant="default" onClick={() => exportFile('xlsx')} loading={downloading === 'xlsx'}>
              Export XLSX
            </Button>
            {user?.role !== 'worker' && (
              <Button variant="light" onClick={startJob} loading={startingJob}>
                Export all to XLSX (background job)
              </Button>
            )}
          </Group>
        </Group>
      </Paper>

      {job && <ExportJobPanel key={job.id} initial={job} onClose={() => setJob(null)} />}

      {list.isError && (
        <Alert color="red" variant="light" title="Could not load clients">
          {errorMessage(list.error)}
        </Alert>
      )}

      <Paper withBorder radius="sm" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={760}>
          <Table
            striped
            highlightOnHover
            verticalSpacing={6}
            aria-label="Clients"
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
                <Table.Tr key={r.id} data-testid="client-row">
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
                      No clients match these filters.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {list.isPending && (
                <Table.Tr>
                  <Table.Td colSpan={columns.length}>
                    <Group justify="center" py="lg">
                      <Loader size="sm" aria-label="Loading clients" />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="clients-count">
          {list.data ? `Showing ${rows.length.toLocaleString()}${total !== undefined ? ` of ${total.toLocaleString()}` : ''} clients` : ''}
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
