import { useState } from 'react'
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { errorMessage } from '../../api/http'
import { getRecord, listRecords } from '../../api/workforce'
import { payrollStep, payrollSteps, problemText, updatePayrollTicket, type PayrollTicket } from '../../api/workforceComms'
import { useAuth } from '../../auth/AuthContext'
import { formatDateTime, humanize } from '../../lib/format'
import { StatusBadge } from './RecordListPage'
import { WorkforceNav } from './WorkforceNav'

const STEP_LABELS: Record<string, string> = {
  send_to_payroll: 'Send to payroll',
  await_worker: 'Waiting on the worker',
  await_client: 'Waiting on the client',
  resolve: 'Resolve',
  reopen: 'Reopen',
}

function Field({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {value === null || value === undefined || value === '' ? '—' : String(value)}
      </Text>
    </div>
  )
}

/** One payroll ticket: its facts, the research notes, the next step and the steps so far (timeline). */
export function PayrollTicketPage() {
  const id = Number(useParams().id)
  const { user } = useAuth()
  const internal = user?.role === 'admin' || user?.role === 'manager' || user?.role === 'coordinator'
  const ticket = useQuery({ queryKey: ['wf-payroll', id], queryFn: () => getRecord<PayrollTicket>('payroll-tickets', id) })
  const t = ticket.data
  const steps = useQuery({
    queryKey: ['wf-payroll-steps', id, t?.version],
    queryFn: () => listRecords('workforce/timeline', { worker_id: String(t?.worker_id), q: `Payroll ticket #${id}:`, sort: 'occurred_at' }),
    enabled: internal && !!t,
  })
  const [note, setNote] = useState('')
  const [resolution, setResolution] = useState('')
  const [reference, setReference] = useState('')
  const [dueDate, setDueDate] = useState('')
  const [research, setResearch] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function step(action: string) {
    if (!t) return
    try {
      const body: Record<string, unknown> = {}
      if (note) body.note = note
      if (resolution && action === 'resolve') body.resolution = resolution
      if (reference) body.payroll_reference = reference
      if (dueDate && action !== 'resolve') body.due_date = dueDate
      await payrollStep(t, action, body)
      setNote('')
      setResolution('')
      setDueDate('')
      setError(null)
      await ticket.refetch()
      notifications.show({ title: 'Ticket updated', message: humanize(STEP_LABELS[action] ?? action) })
    } catch (e) {
      setError(problemText(e))
    }
  }
  async function saveResearch() {
    if (!t || research === null) return
    try {
      await updatePayrollTicket(t, { research_notes: research })
      setResearch(null)
      await ticket.refetch()
    } catch (e) {
      setError(problemText(e))
    }
  }

  if (!t) return <Text>{ticket.isError ? errorMessage(ticket.error) : 'Loading…'}</Text>
  return (
    <Stack gap="md">
      <WorkforceNav />
      <Group justify="space-between">
        <div>
          <Title order={2}>
            Payroll ticket #{t.id}: {t.subject}
          </Title>
          <Text size="sm" c="dimmed">
            {humanize(t.kind)} ·{' '}
            <Anchor component={Link} to={`/workforce/workers/${t.worker_id}`}>
              {t.worker_name}
            </Anchor>
            {t.client_name ? ` · ${t.client_name}` : ''}
          </Text>
        </div>
        <StatusBadge value={t.status} />
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Field label="Pay period" value={t.pay_period_start ? `${t.pay_period_start} – ${t.pay_period_end ?? ''}` : null} />
          <Field label="Amount in question" value={t.amount ? `${t.amount} ${t.currency ?? ''}` : null} />
          <Field label="Follow up by" value={t.status === 'resolved' ? null : t.due_date} />
          <Field label="Payroll reference" value={t.payroll_reference} />
          <Field label="Opened by" value={`${t.opened_by ?? ''} ${formatDateTime(t.created_at as string)}`} />
          <Field label="Sent to payroll" value={t.sent_to_payroll_at ? formatDateTime(t.sent_to_payroll_at) : null} />
          <Field label="Resolved by" value={t.resolved_by ? `${t.resolved_by} ${formatDateTime(t.resolved_at)}` : null} />
          <Field label="Resolution" value={t.resolution} />
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={4}>Research</Title>
          {internal && research === null && (
            <Button size="xs" variant="light" onClick={() => setResearch(t.research_notes ?? '')}>
              Edit
            </Button>
          )}
        </Group>
        {research === null ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t.research_notes || 'No notes yet.'}
          </Text>
        ) : (
          <Stack>
            <Textarea autosize minRows={3} value={research} onChange={(e) => setResearch(e.currentTarget.value)} data-testid="payroll-research" />
            <Group>
              <Button size="xs" onClick={saveResearch}>
                Save notes
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setResearch(null)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        )}
      </Paper>
      {internal && (
        <Paper withBorder p="md" data-testid="payroll-steps">
          <Title order={4} mb="xs">
            Next step
          </Title>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Textarea label="Note (on the worker's timeline)" autosize value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="payroll-note" />
            <TextInput label="Payroll reference" value={reference} onChange={(e) => setReference(e.currentTarget.value)} data-testid="payroll-reference" />
            <TextInput label="Next follow-up (YYYY-MM-DD; default 2 or 5 business days)" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} />
          </SimpleGrid>
          {t.status !== 'resolved' && (
            <Textarea mt="sm" label="Resolution (to resolve)" autosize value={resolution} onChange={(e) => setResolution(e.currentTarget.value)} data-testid="payroll-resolution" />
          )}
          <Group mt="sm">
            {payrollSteps(t.status).map((action) => (
              <Button key={action} variant={action === 'resolve' ? 'filled' : 'light'} onClick={() => step(action)} data-testid={`payroll-${action}`}>
                {STEP_LABELS[action]}
              </Button>
            ))}
          </Group>
          {error && (
            <Alert color="red" mt="sm" className="pre-wrap" data-testid="payroll-error">
              {error}
            </Alert>
          )}
        </Paper>
      )}
      {internal && (
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            Steps so far
          </Title>
          {(steps.data?.items ?? []).map((e) => (
            <Group key={e.id} align="flex-start" wrap="nowrap" mb="xs">
              <Text size="xs" c="dimmed" w={150} style={{ flexShrink: 0 }}>
                {formatDateTime(e.occurred_at as string)}
              </Text>
              <div>
                <Text size="sm" fw={500}>
                  {String(e.subject ?? '')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {String(e.body)}
                </Text>
              </div>
            </Group>
          ))}
        </Paper>
      )}
    </Stack>
  )
}
