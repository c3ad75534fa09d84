// A contractor's SOW deliverables and milestones (docs/WORKFORCE.md "Deliverables"): the coordinator adds
// them, the contractor or the coordinator submits, the client's user accepts or rejects with a reason.
import { useState } from 'react'
import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { exportUrl, listRecords, timecardAction } from '../../api/workforce'
import { createDeliverable, type Deliverable } from '../../api/workforceLifecycle'
import { useAuth } from '../../auth/AuthContext'
import { ExportButtons } from '../../components/ExportButtons'
import { expenseRights } from './ExpensesPanel'
import { StatusBadge } from './RecordListPage'
import { RefusalAlert, refusalOf, type Refusal } from './RefusalAlert'

const today = () => new Date().toISOString().slice(0, 10)

export function DeliverablesPanel({ assignmentId, currency }: { assignmentId: number; currency: string }) {
  const { user } = useAuth()
  const internal = user?.role === 'admin' || user?.role === 'manager' || user?.role === 'coordinator'
  // Submitting is time entry (the contractor, internal); accepting is approval (the client's user, internal).
  const { canEnter, canApprove } = expenseRights(user?.role)
  const filters = { assignment_id: String(assignmentId), sort: 'due_date' }
  const list = useQuery({
    queryKey: ['wf-deliverables', assignmentId],
    queryFn: () => listRecords<Deliverable>('deliverables', filters, null, 200),
  })
  const [draft, setDraft] = useState({ title: '', due_date: '', amount: '' })
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  async function run(work: () => Promise<unknown>) {
    setRefusal(null)
    try {
      await work()
      list.refetch()
    } catch (e) {
      setRefusal(refusalOf(e))
    }
  }
  function decide(d: Deliverable, action: 'submit' | 'accept' | 'reject') {
    const reason = action === 'reject' ? (window.prompt('Why is the deliverable rejected?') ?? '') : ''
    if (action === 'reject' && !reason) return
    run(() => timecardAction('deliverables', d, action, reason))
  }
  function add() {
    run(async () => {
      await createDeliverable({ assignment_id: assignmentId, ...draft, amount: draft.amount || undefined })
      setDraft({ title: '', due_date: '', amount: '' })
    })
  }
  const items = list.data?.items ?? []
  return (
    <Stack data-testid="deliverables">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          The statement of work's deliverables; milestone-billed ones carry their amount.
        </Text>
        <ExportButtons url={(f) => exportUrl('deliverables', f, filters)} filename={`deliverables-${assignmentId}`} />
      </Group>
      {refusal && <RefusalAlert refusal={refusal} testId="deliverable-error" />}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No deliverables on this engagement.
        </Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Deliverable</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Milestone</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.id} data-testid={`deliverable-${d.id}`}>
                <Table.Td>
                  {d.title}
                  {d.reject_reason && (
                    <Text size="xs" c="red">
                      Rejected: {d.reject_reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {d.due_date}{' '}
                  {(d.status === 'pending' || d.status === 'rejected') && d.due_date < today() && (
                    <Badge color="red" variant="light">
                      overdue
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{d.amount ? `${d.amount} ${d.currency}` : '—'}</Table.Td>
                <Table.Td>
                  <StatusBadge value={d.status} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {canEnter && (d.status === 'pending' || d.status === 'rejected') && (
                      <Button size="xs" variant="light" onClick={() => decide(d, 'submit')}>
                        Submit
                      </Button>
                    )}
                    {canApprove && d.status === 'submitted' && (
                      <>
                        <Button size="xs" color="green" onClick={() => decide(d, 'accept')}>
                          Accept
                        </Button>
                        <Button size="xs" variant="subtle" color="red" onClick={() => decide(d, 'reject')}>
                          Reject
                        </Button>
                      </>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {internal && (
        <Group align="flex-end" data-testid="deliverable-form">
          <TextInput label="Deliverable" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })} w={280} />
          <TextInput label="Due" placeholder="YYYY-MM-DD" value={draft.due_date} onChange={(e) => setDraft({ ...draft, due_date: e.currentTarget.value })} w={140} />
          <TextInput
            label={`Milestone amount (${currency}, optional)`}
            value={draft.amount}
            onChange={(e) => setDraft({ ...draft, amount: e.currentTarget.value })}
            w={200}
          />
          <Button onClick={add} disabled={!draft.title} data-testid="deliverable-add">
            Add
          </Button>
        </Group>
      )}
    </Stack>
  )
}
