import { useMemo, useState } from 'react'
import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { auditExportUrl, listAuditEvents, startAuditVerify, type AuditFilters, type AuditVerifyJob } from '../../api/audit'
import { getJob, listUsers } from '../../api/endpoints'
import { errorMessage } from '../../api/http'
import type { AuditEvent } from '../../api/types'
import { useAuth } from '../../auth/AuthContext'
import { AuditActionBadge, AuditChanges } from '../../components/AuditChanges'
import { ExportButtons } from '../../components/ExportButtons'
import { JobProgress, jobFinished, jobPercent } from '../../components/JobProgress'
import { ListTable, RowCells, showingText, SortableHeaderRows } from '../../components/ListTable'
import { formatDateTime, humanize } from '../../lib/format'
import { useDebouncedUrlSearch, useUrlParams } from '../../lib/urlParams'
import { nextSort, sortParamToState } from '../ClientsListPage'

const col = createColumnHelper<AuditEvent>()
const NOWRAP = new Set(['at', 'seq'])

/** Checks the whole hash chain in the background and says whether it is intact, or where it breaks. */
function VerifyChain() {
  const [jobId, setJobId] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: async () => (await getJob(jobId!)) as AuditVerifyJob,
    enabled: jobId !== null,
    refetchInterval: (q) => (jobFinished(q.state.data) ? false : 500),
  })
  async function start() {
    setStarting(true)
    setError(null)
    try {
      setJobId((await startAuditVerify()).id)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setStarting(false)
    }
  }
  const j = job.data
  const result = j?.state === 'succeeded' ? j.result : null
  return (
    <Stack gap="xs" w={420}>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => void start()} loading={starting || (j !== undefined && !jobFinished(j))}>
          Verify the chain
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {j && (
        <JobProgress
          testId="audit-verify-job"
          title="Checking the audit chain"
          state={j.state}
          stateText={j.state === 'failed' ? j.message || 'failed' : j.message || humanize(j.state)}
          aside={<Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{jobPercent(j)} %</Text>}
          pct={jobPercent(j)}
          progressLabel="Chain check progress"
          progressTestId="audit-verify-progress"
        >
          {result && (
            <Text size="sm" mt="xs" c={result.ok ? 'green.8' : 'red'} fw={600} data-testid="audit-verify-result">
              {result.ok
                ? `Intact: ${result.events.toLocaleString()} events, each sealed by the hash of the one before.`
                : `Broken at event ${result.first_bad_seq}: ${result.problem}.`}
            </Text>
          )}
        </JobProgress>
      )}
    </Stack>
  )
}

/** The audit trail: every write, who made it, when and what changed; filtered, searched, exported. */
export function AuditPage() {
  const { user } = useAuth()
  const { params, update } = useUrlParams()
  const sort = params.get('sort') ?? '-at'
  const [search, setSearch] = useDebouncedUrlSearch(params, update)
  const filters: AuditFilters = {
    q: params.get('q') ?? '',
    entity: params.get('entity'),
    action: params.get('action'),
    actor_id: params.get('actor_id'),
    from: params.get('from'),
    to: params.get('to'),
    sort,
  }
  const canVerify = user?.role === 'admin' || user?.role === 'manager'
  const internal = canVerify || user?.role === 'coordinator'
  const users = useQuery({ queryKey: ['users'], queryFn: () => listUsers(), staleTime: 300_000, retry: false, enabled: internal })
  const names = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, u.name])), [users.data])

  const list = useInfiniteQuery({
    queryKey: ['audit', 'all', filters],
    queryFn: ({ pageParam }) => listAuditEvents(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  })
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data])

  const columns = useMemo(
    () => [
      col.accessor('id', { id: 'seq', header: '#' }),
      col.accessor('at', { header: 'Time', cell: (c) => formatDateTime(c.getValue()) }),
      col.accessor((e) => e.actor?.name ?? 'System', { id: 'actor', header: 'Who' }),
      col.accessor('action', { header: 'Action', cell: (c) => <AuditActionBadge action={c.getValue()} /> }),
      col.accessor((e) => `${humanize(e.entity)} #${e.entity_id}`, { id: 'record', header: 'Record' }),
      col.display({ id: 'changes', header: 'Changes', cell: (c) => <AuditChanges event={c.row.original} names={names} /> }),
    ],
    [names],
  )
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, state: { sorting: sortParamToState(sort) } })
  const filtered = Boolean(filters.q || filters.entity || filters.action || filters.actor_id || filters.from || filters.to)

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div style={{ flex: 1 }}>
          <Title order={2}>Audit trail</Title>
          <Text size="sm" c="dimmed">
            Every change to concord's records: who made it, when, and the values before and after. Each event is sealed by the hash of the one before it.
          </Text>
        </div>
        {canVerify && <VerifyChain />}
      </Group>

      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label="Search" placeholder="Record id, request id or name…" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} type="search" />
          <TextInput label="Record type" placeholder="e.g. client, assignment" value={filters.entity ?? ''} onChange={(e) => update({ entity: e.currentTarget.value || null })} w={170} />
          <TextInput label="Action" placeholder="e.g. update" value={filters.action ?? ''} onChange={(e) => update({ action: e.currentTarget.value || null })} w={140} />
          {internal && (
            <Select
              label="Who"
              placeholder="Anyone"
              clearable
              searchable
              data={(users.data?.items ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
              value={filters.actor_id ?? null}
              onChange={(v) => update({ actor_id: v })}
              w={190}
            />
          )}
          <TextInput type="date" label="From (UTC day)" value={filters.from ?? ''} max={filters.to ?? undefined} onChange={(e) => update({ from: e.currentTarget.value || null })} />
          <TextInput type="date" label="To (UTC day)" value={filters.to ?? ''} min={filters.from ?? undefined} onChange={(e) => update({ to: e.currentTarget.value || null })} />
          <Group gap="xs" ml="auto">
            <ExportButtons url={(format) => auditExportUrl(format, filters)} filename="audit" />
          </Group>
        </Group>
      </Paper>

      <ListTable
        query={list}
        errorTitle="Could not load the audit trail"
        label="Audit trail"
        minWidth={1000}
        striped
        head={<SortableHeaderRows table={table} sortable={['at']} onSort={(id) => update({ sort: nextSort(sort, id) })} />}
        colSpan={columns.length}
        empty={rows.length === 0}
        emptyText={filtered ? 'No events match these filters.' : 'Nothing has been recorded yet.'}
        loadingLabel="Loading the audit trail"
        count={list.data ? showingText(rows.length, undefined, rows.length === 1 ? 'event' : 'events') : ''}
        countTestId="audit-count"
      >
        {table.getRowModel().rows.map((r) => (
          <Table.Tr key={r.id} data-testid="audit-event-row" style={{ verticalAlign: 'top' }}>
            <RowCells row={r} nowrap={NOWRAP} />
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  )
}
