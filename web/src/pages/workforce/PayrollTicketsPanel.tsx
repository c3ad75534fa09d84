import { useState } from 'react'
import { Alert, Anchor, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate } from 'react-router'
import { listRecords } from '../../api/workforce'
import { openPayrollTicket, PAYROLL_KINDS, problemText, type PayrollTicket } from '../../api/workforceComms'
import { humanize } from '../../lib/format'
import { StatusBadge } from './RecordListPage'

/** A worker's payroll tickets, and (for coordinators) a button opening a new one. Workers see theirs read-only. */
export function PayrollTicketsPanel({ workerId, canOpen }: { workerId: number; canOpen: boolean }) {
  const navigate = useNavigate()
  const tickets = useQuery({
    queryKey: ['wf-worker-payroll', workerId],
    queryFn: () => listRecords<PayrollTicket>('payroll-tickets', { worker_id: String(workerId), sort: '-created_at' }),
  })
  const [open, setOpen] = useState(false)
  const [form, setForm] = useState<Record<string, string>>({ kind: 'missing_pay' })
  const [error, setError] = useState<unknown>(null)
  const set = (k: string) => (v: string | null) => setForm((f) => ({ ...f, [k]: v ?? '' }))
  async function submit() {
    try {
      const body: Record<string, string> = {}
      for (const [k, v] of Object.entries(form)) if (v) body[k] = v
      const t = await openPayrollTicket(workerId, body)
      setOpen(false)
      navigate(`/workforce/payroll/${t.id}`)
    } catch (e) {
      setError(e)
    }
  }
  const items = tickets.data?.items ?? []
  return (
    <Paper withBorder p="sm" data-testid="payroll-tickets">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Payroll tickets ({items.length})</Title>
        {canOpen && (
          <Button size="xs" onClick={() => setOpen(true)} data-testid="open-payroll-ticket">
            Open a payroll ticket
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No payroll ticket for this worker.
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {items.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/workforce/payroll/${t.id}`}>
                    #{t.id} {t.subject}
                  </Anchor>
                </Table.Td>
                <Table.Td>{humanize(t.kind)}</Table.Td>
                <Table.Td>{t.amount ? `${t.amount} ${t.currency ?? ''}` : ''}</Table.Td>
                <Table.Td>{t.status === 'resolved' ? '' : `follow up ${t.due_date ?? ''}`}</Table.Td>
                <Table.Td>
                  <StatusBadge value={t.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title="Open a payroll ticket" size="lg">
        <Stack>
          <SimpleGrid cols={2}>
            <Select label="Kind" data={PAYROLL_KINDS.map((k) => ({ value: k, label: humanize(k) }))} value={form.kind} onChange={set('kind')} data-testid="payroll-kind" />
            <TextInput label="Subject" required value={form.subject ?? ''} onChange={(e) => set('subject')(e.currentTarget.value)} data-testid="payroll-subject" />
            <TextInput label="Pay period start" placeholder="YYYY-MM-DD" value={form.pay_period_start ?? ''} onChange={(e) => set('pay_period_start')(e.currentTarget.value)} />
            <TextInput label="Pay period end" placeholder="YYYY-MM-DD" value={form.pay_period_end ?? ''} onChange={(e) => set('pay_period_end')(e.currentTarget.value)} />
            <TextInput label="Amount in question" placeholder="412.50" value={form.amount ?? ''} onChange={(e) => set('amount')(e.currentTarget.value)} data-testid="payroll-amount" />
            <TextInput label="Follow up by" placeholder="default: 2 or 5 business days" value={form.due_date ?? ''} onChange={(e) => set('due_date')(e.currentTarget.value)} />
          </SimpleGrid>
          <Textarea label="Research notes" autosize minRows={3} value={form.research_notes ?? ''} onChange={(e) => set('research_notes')(e.currentTarget.value)} />
          <Button onClick={submit} disabled={!form.subject} data-testid="payroll-submit">
            Open the ticket
          </Button>
          {error ? (
            <Alert color="red" className="pre-wrap" data-testid="payroll-form-error">
              {problemText(error)}
            </Alert>
          ) : null}
        </Stack>
      </Modal>
    </Paper>
  )
}
