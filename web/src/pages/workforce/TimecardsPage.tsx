import { useState } from 'react'
import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { ApiError, errorMessage } from '../../api/http'
import {
  listRecords,
  report,
  reportExportUrl,
  saveTimecard,
  timecardAction,
  type Hours,
  type Row,
} from '../../api/workforce'
import { useAuth } from '../../auth/AuthContext'
import { ExportButtons } from '../../components/ExportButtons'
import { useUrlParams } from '../../lib/urlParams'
import { StatusBadge } from './RecordListPage'
import { ReminderButton } from './ReminderButton'
import { WorkforceNav } from './WorkforceNav'

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
const TYPES: (keyof Hours)[] = ['regular', 'overtime', 'double_time']

/** The Monday on or before `d` (ISO weeks), as YYYY-MM-DD. */
export function mondayOf(d: Date): string {
  const copy = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()))
  const back = (copy.getUTCDay() + 6) % 7
  copy.setUTCDate(copy.getUTCDate() - back)
  return copy.toISOString().slice(0, 10)
}

/** Sum of hour strings in hundredths, so 0.1 × 7 is 0.70, not 0.7000000000000001. */
export function totalHours(hours: Hours): string {
  let hundredths = 0
  for (const t of TYPES) for (const v of hours[t]) hundredths += Math.round(Number(v || 0) * 100)
  return (hundredths / 100).toFixed(2)
}

function EntryTab() {
  const assignments = useQuery({
    queryKey: ['wf-time-assignments'],
    queryFn: () => listRecords('assignments', { status: 'active' }, null, 500),
  })
  const [assignment, setAssignment] = useState<string | null>(null)
  const [week, setWeek] = useState(mondayOf(new Date()))
  const [hours, setHours] = useState<Hours>({ regular: Array(7).fill(''), overtime: Array(7).fill(''), double_time: Array(7).fill('') })
  const [saved, setSaved] = useState<Row | null>(null)
  const [error, setError] = useState<string | null>(null)
  async function save(submit: boolean) {
    if (!assignment) return
    setError(null)
    try {
      const clean = Object.fromEntries(TYPES.map((t) => [t, hours[t].map((v) => v || '0')])) as Hours
      let t = await saveTimecard(Number(assignment), week, clean)
      if (submit) t = await timecardAction('timecards', t, 'submit')
      setSaved(t)
    } catch (e) {
      const fields = e instanceof ApiError ? e.fieldErrors.map((f) => `${f.field}: ${f.message}`) : []
      setError([errorMessage(e), ...fields].join(' · '))
    }
  }
  return (
    <Stack>
      <Group align="flex-end">
        <Select
          label="Assignment"
          w={360}
          searchable
          data={(assignments.data?.items ?? []).map((a) => ({
            value: String(a.id),
            label: `${String(a.worker_name)} — ${String(a.title)} (${String(a.client_name)})`,
          }))}
          value={assignment}
          onChange={setAssignment}
          data-testid="tc-assignment"
        />
        <TextInput label="Week starting (Monday)" value={week} onChange={(e) => setWeek(e.currentTarget.value)} w={180} data-testid="tc-week" />
      </Group>
      <Table withTableBorder w="auto">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {DAYS.map((d) => (
              <Table.Th key={d}>{d}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {TYPES.map((t) => (
            <Table.Tr key={t}>
              <Table.Td>{t.replace('_', ' ')}</Table.Td>
              {DAYS.map((d, i) => (
                <Table.Td key={d}>
                  <TextInput
                    size="xs"
                    w={60}
                    aria-label={`${t} ${d}`}
                    value={hours[t][i]}
                    onChange={(e) => {
                      const next = { ...hours, [t]: [...hours[t]] }
                      next[t][i] = e.currentTarget.value
                      setHours(next)
                    }}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Text>
          Total <b data-testid="tc-total">{totalHours(hours)}</b> h
        </Text>
        <Button variant="default" onClick={() => save(false)} disabled={!assignment}>
          Save draft
        </Button>
        <Button onClick={() => save(true)} disabled={!assignment} data-testid="tc-submit">
          Submit
        </Button>
      </Group>
      {saved && (
        <Alert color="green" data-testid="tc-saved">
          Timecard for the week of {String(saved.week_start)}: {String(saved.total_hours)} h, <StatusBadge value={saved.status} />
        </Alert>
      )}
      {error && <Alert color="red">{error}</Alert>}
    </Stack>
  )
}

function ApprovalsTab() {
  const pending = useQuery({ queryKey: ['wf-pending'], queryFn: () => report('pending-approvals') })
  const byManager = useQuery({ queryKey: ['wf-pending-mgr'], queryFn: () => report('pending-by-manager') })
  async function decide(t: Row, action: 'approve' | 'reject') {
    try {
      const reason = action === 'reject' ? window.prompt('Why is the timecard rejected?') ?? '' : ''
      if (action === 'reject' && !reason) return
      await timecardAction('timecards', t, action, reason)
      pending.refetch()
      byManager.refetch()
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) })
    }
  }
  return (
    <Stack>
      <Group gap="xs">
        {(byManager.data?.items ?? []).map((m) => (
          <Badge key={String(m.manager_name)} size="lg" variant="light" color={Number(m.oldest_days) > 7 ? 'red' : 'blue'}>
            {String(m.manager_name || 'No manager')}: {String(m.count)} (oldest {String(m.oldest_days)} d)
          </Badge>
        ))}
        <ExportButtons url={(f) => reportExportUrl('pending-approvals', f)} filename="pending-approvals" />
      </Group>
      <Table withTableBorder striped data-testid="pending-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Worker</Table.Th>
            <Table.Th>Week</Table.Th>
            <Table.Th>Hours</Table.Th>
            <Table.Th>Manager</Table.Th>
            <Table.Th>Age (days)</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(pending.data?.items ?? []).map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{String(t.worker_name)}</Table.Td>
              <Table.Td>{String(t.week_start)}</Table.Td>
              <Table.Td>{String(t.total_hours)}</Table.Td>
              <Table.Td>{String(t.manager_name ?? '')}</Table.Td>
              <Table.Td>{String(t.age_days)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Button size="xs" onClick={() => decide(t, 'approve')} data-testid={`approve-${t.id}`}>
                    Approve
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => decide(t, 'reject')}>
                    Reject
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

function ReportTab({ name, columns, query }: { name: string; columns: string[]; query?: Record<string, string | undefined> }) {
  const r = useQuery({ queryKey: ['wf-report', name, query], queryFn: () => report(name, query) })
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid={`${name}-count`}>
          {r.data ? `${r.data.total} rows` : 'Loading…'}
        </Text>
        <ExportButtons url={(f) => reportExportUrl(name, f, query)} filename={name} />
      </Group>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c}>{c.replace(/_/g, ' ')}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(r.data?.items ?? []).map((row, i) => (
            <Table.Tr key={i}>
              {columns.map((c) => (
                <Table.Td key={c}>
                  {c === 'worker_name' && row.assignment_id ? (
                    <Anchor component={Link} to={`/workforce/assignments/${String(row.assignment_id)}`}>
                      {String(row[c])}
                    </Anchor>
                  ) : (
                    String(row[c] ?? '')
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

export function TimecardsPage() {
  const { user } = useAuth()
  const { params, update } = useUrlParams()
  const canApprove = user?.role !== 'worker'
  const internal = user?.role === 'admin' || user?.role === 'manager' || user?.role === 'coordinator'
  const lastWeek = mondayOf(new Date(Date.now() - 7 * 86400_000))
  const [week, setWeek] = useState(lastWeek)
  return (
    <Stack gap="md">
      <WorkforceNav />
      <Group justify="space-between">
        <Title order={2}>Timecards</Title>
        {internal && (
          <Button component={Link} to="/workforce/timecards/import" variant="light" data-testid="timecard-import-link">
            Import from the VMS
          </Button>
        )}
      </Group>
      <Tabs value={params.get('tab') ?? (user?.role === 'client_user' ? 'approvals' : 'entry')} onChange={(v) => update({ tab: v })}>
        <Tabs.List>
          {user?.role !== 'client_user' && <Tabs.Tab value="entry">Enter time</Tabs.Tab>}
          {canApprove && <Tabs.Tab value="approvals">Approvals pending</Tabs.Tab>}
          {canApprove && <Tabs.Tab value="missing">Missing</Tabs.Tab>}
          <Tabs.Tab value="rejected">Rejected</Tabs.Tab>
        </Tabs.List>
        <Paper p="sm">
          <Tabs.Panel value="entry">
            <EntryTab />
          </Tabs.Panel>
          <Tabs.Panel value="approvals">
            {internal && <ReminderButton report="pending-approvals" />}
            <ApprovalsTab />
          </Tabs.Panel>
          <Tabs.Panel value="missing">
            <Stack>
              {internal && <ReminderButton report="missing-timecards" weekStart={week} />}
              <TextInput label="Week starting (Monday)" value={week} onChange={(e) => setWeek(e.currentTarget.value)} w={200} />
              <ReportTab
                name="missing-timecards"
                query={{ week_start: week }}
                columns={['worker_name', 'client_name', 'title', 'manager_name', 'week_start', 'timecard_status']}
              />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="rejected">
            {internal && <ReminderButton report="rejected" />}
            <ReportTab name="rejected" columns={['kind', 'worker_name', 'client_name', 'week_start', 'total_hours', 'amount', 'reject_reason', 'decided_by']} />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </Stack>
  )
}
