import { useState } from 'react'
import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, Select, Table, Text, Textarea, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { agency, minutesText } from '../../api/agency'
import { downloadFile } from '../../api/endpoints'
import { errorMessage } from '../../api/http'
import { AgencyHeader, STATUS_COLOR } from './AgencyNav'
import { EstimateEditor } from './EstimateEditor'

const NEXT: Record<string, string[]> = {
  open: ['in_progress', 'on_hold', 'cancelled'], in_progress: ['on_hold', 'completed', 'cancelled'],
  on_hold: ['in_progress', 'cancelled'], completed: ['invoiced', 'in_progress'], invoiced: ['closed'],
}

/** One job: alerts, budget vs actual, estimates with revisions, time, status reports and invoices. */
export function AgencyJobPage() {
  const id = Number(useParams().id)
  const qc = useQueryClient()
  const job = useQuery({ queryKey: ['agency', 'job', id], queryFn: () => agency.job(id) })
  const estimates = useQuery({ queryKey: ['agency', 'job', id, 'estimates'], queryFn: () => agency.estimates(id) })
  const time = useQuery({ queryKey: ['agency', 'job', id, 'time'], queryFn: () => agency.time({ job_id: id, limit: 100, sort: '-work_date' }) })
  const reports = useQuery({ queryKey: ['agency', 'job', id, 'reports'], queryFn: () => agency.statusReports(id) })
  const invoices = useQuery({ queryKey: ['agency', 'job', id, 'invoices'], queryFn: () => agency.invoices({ job_id: id }) })
  const refresh = () => qc.invalidateQueries({ queryKey: ['agency'] })
  // While the editor saves a draft (and the list reloads it), "Send LOE" would send the version before it.
  const [estimateSaving, setEstimateSaving] = useState(false)
  const act = (label: string, fn: () => Promise<unknown>) => async () => {
    try {
      await fn()
      await refresh()
    } catch (e) {
      notifications.show({ color: 'red', title: label, message: errorMessage(e) })
    }
  }
  if (job.isError) return <Alert color="red" title="Could not load the job">{errorMessage(job.error)}</Alert>
  const j = job.data
  if (!j) return null
  return (
    <>
      <AgencyHeader title={`${j.number} — ${j.title}`} />
      <Group mb="sm">
        <Badge size="lg" color={STATUS_COLOR[j.status]}>{j.status.replace('_', ' ')}</Badge>
        <Text>{j.client_name}</Text>
        <Text>Due {j.due_date ?? '—'}</Text>
        <Text>Budget {j.budget} · Actual {j.actual} {j.currency}</Text>
        {(NEXT[j.status] ?? []).map((s) => (
          <Button key={s} size="xs" variant="default" onClick={act('Status', () => agency.setJobStatus(j, s))}>→ {s.replace('_', ' ')}</Button>
        ))}
      </Group>
      {j.alerts.map((a) => (
        <Alert key={a.code} color={a.code.includes('budget') || a.code.includes('overdue') ? 'red' : 'yellow'} mb="xs" data-testid="job-alert">
          {a.message}
        </Alert>
      ))}
      <Paper withBorder p="md" mb="md">
        <Title order={4}>Estimates (LOEs)</Title>
        <Table>
          <Table.Thead><Table.Tr><Table.Th>Number</Table.Th><Table.Th>Rev</Table.Th><Table.Th>Status</Table.Th><Table.Th>Total</Table.Th><Table.Th>Approval</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(estimates.data?.items ?? []).map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.number}</Table.Td>
                <Table.Td>{e.revision}</Table.Td>
                <Table.Td><Badge color={STATUS_COLOR[e.status]}>{e.status}</Badge></Table.Td>
                <Table.Td>{e.totals.total}</Table.Td>
                <Table.Td>{e.approval ? `${e.approval.approved_by} (${e.approval.method}) ${e.approval.approved_at}` : ''}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {e.status === 'draft' && <Button size="compact-xs" disabled={estimateSaving} onClick={act('Send', () => agency.estimateAction(e, 'send'))}>Send LOE</Button>}
                    {e.status === 'sent' && <Button size="compact-xs" color="green" onClick={act('Approve', () => agency.estimateAction(e, 'approve', { approved_by: 'Client (by e-mail)', method: 'email' }))}>Record approval</Button>}
                    {['sent', 'approved', 'declined'].includes(e.status) && <Button size="compact-xs" variant="default" onClick={act('Revise', () => agency.revise(e))}>Revise</Button>}
                    {e.status === 'approved' && e.kind === 'original' && <Button size="compact-xs" variant="default" onClick={act('Change order', () => agency.changeOrder(e))}>Change order</Button>}
                    <Button size="compact-xs" variant="subtle" onClick={() => downloadFile(agency.loeUrl(e, e.status !== 'draft'), `LOE-${e.number}-r${e.revision}.pdf`)}>LOE PDF</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <EstimateEditor job={j} drafts={(estimates.data?.items ?? []).filter((e) => e.status === 'draft')} onSaved={refresh} onSaving={setEstimateSaving} />
      </Paper>
      <Paper withBorder p="md" mb="md">
        <Title order={4}>Time</Title>
        <Table>
          <Table.Tbody>
            {(time.data?.items ?? []).slice(0, 20).map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{t.work_date}</Table.Td><Table.Td>{t.person}</Table.Td><Table.Td>{t.service}</Table.Td>
                <Table.Td>{minutesText(t.minutes)}</Table.Td>
                <Table.Td>{t.late && <Badge color="red" size="xs">late</Badge>} <Badge size="xs" color={t.frozen ? 'gray' : 'blue'}>{t.state}</Badge></Table.Td>
                <Table.Td>{!t.frozen && <Button size="compact-xs" variant="default" onClick={act('Approve time', () => agency.approveTime(t))}>Approve</Button>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md" mb="md">
        <Title order={4}>Status reports</Title>
        {reports.data && <StatusReportForm jobId={id} narrative={reports.data.draft.narrative} onSaved={refresh} />}
        {(reports.data?.items ?? []).map((r) => (
          <Group key={r.id} gap="xs" mt={4}>
            <Badge color={STATUS_COLOR[r.status]}>{r.status.replace('_', ' ')}</Badge>
            <Text size="sm">{r.created_at.slice(0, 10)} · {r.progress}% · budget {r.budget} · actual {r.actual}</Text>
            {r.milestones_moved.map((m) => <Badge key={m.name} size="xs" color="orange">{m.name}: {m.was ?? 'new'} → {m.now}</Badge>)}
            <Anchor size="sm" onClick={() => downloadFile(agency.statusReportUrl(r, 'pdf'), `status-report-${r.id}.pdf`)}>PDF</Anchor>
            <Anchor size="sm" onClick={() => downloadFile(agency.statusReportUrl(r, 'xlsx'), `status-report-${r.id}.xlsx`)}>XLSX</Anchor>
          </Group>
        ))}
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between"><Title order={4}>Invoices</Title>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={act('Invoice', () => agency.draftInvoice({ job_id: id, source: 'time_and_expenses' }))}>Invoice approved time</Button>
            <Button size="xs" variant="default" onClick={act('Invoice', () => agency.draftInvoice({ job_id: id, source: 'fixed_fee' }))}>Invoice the estimate</Button>
          </Group>
        </Group>
        {(invoices.data?.items ?? []).map((i) => (
          <Group key={i.id} gap="xs" mt={4}>
            <Anchor size="sm" component={Link} to={`/agency/invoices/${i.id}`}>{i.number ?? 'Draft'}</Anchor>
            <Text size="sm">{i.kind} · {i.total} · {i.stage ?? i.status}</Text>
            {i.status === 'draft' && <Button size="compact-xs" onClick={act('Issue', () => agency.issueInvoice(i))}>Issue</Button>}
            <Anchor size="sm" onClick={() => downloadFile(agency.invoicePdfUrl(i), `${i.number ?? 'draft'}.pdf`)}>PDF</Anchor>
          </Group>
        ))}
      </Paper>
    </>
  )
}

function StatusReportForm({ jobId, narrative, onSaved }: { jobId: number; narrative: string; onSaved: () => void }) {
  const [status, setStatus] = useState('on_track')
  const [progress, setProgress] = useState<number | string>(50)
  const [text, setText] = useState(narrative)
  return (
    <Group align="end" mb="xs">
      <Select label="Status" data={['on_track', 'at_risk', 'off_track', 'on_hold', 'done']} value={status} onChange={(v) => setStatus(v ?? 'on_track')} />
      <NumberInput label="Progress %" value={progress} onChange={setProgress} min={0} max={100} />
      <Textarea label="Narrative (pre-filled from the last report)" value={text} onChange={(e) => setText(e.currentTarget.value)} w={360} />
      <Button onClick={async () => {
        await agency.createStatusReport(jobId, { status, progress: Number(progress), narrative: text })
        onSaved()
      }}>Record status report</Button>
    </Group>
  )
}
