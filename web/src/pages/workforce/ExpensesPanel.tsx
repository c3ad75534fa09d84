import { Anchor, FileButton, Button, Group, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery } from '@tanstack/react-query'
import { errorMessage } from '../../api/http'
import { listRecords, receiptUrl, timecardAction, uploadReceipt, type Row } from '../../api/workforce'
import { useAuth } from '../../auth/AuthContext'
import { humanize } from '../../lib/format'
import { ExpenseForm } from './ExpenseForm'
import { StatusBadge } from './RecordListPage'

/** Who may do what with expenses, as the API's permissions say (time entry; approval). */
export function expenseRights(role: string | undefined) {
  const internal = role === 'admin' || role === 'manager' || role === 'coordinator'
  return { canEnter: internal || role === 'worker', canApprove: internal || role === 'client_user' }
}

/**
 * An assignment's expenses with their receipts: a worker submits one (while the assignment is worked), the
 * coordinator or the client's manager approves or rejects it with a reason, a rejected one is resubmitted;
 * receipts are downloaded, or attached until the expense is approved.
 */
export function ExpensesPanel({ assignmentId, status, currency }: { assignmentId: number; status: string; currency: string }) {
  const { user } = useAuth()
  const { canEnter, canApprove } = expenseRights(user?.role)
  const worked = status === 'active' || status === 'ended'
  const expenses = useQuery({
    queryKey: ['wf-expenses', assignmentId],
    queryFn: () => listRecords('expenses', { assignment_id: String(assignmentId), sort: '-spent_on' }),
  })
  async function attach(id: number, file: File | null) {
    if (!file) return
    try {
      await uploadReceipt(id, file)
      notifications.show({ color: 'green', message: `Receipt ${file.name} attached.` })
      expenses.refetch()
    } catch (e) {
      notifications.show({ color: 'red', title: 'The receipt was not attached', message: errorMessage(e) })
    }
  }
  async function decide(x: Row, action: 'approve' | 'reject' | 'submit') {
    const reason = action === 'reject' ? (window.prompt('Why is the expense rejected?') ?? '') : ''
    if (action === 'reject' && !reason) return
    try {
      await timecardAction('expenses', x, action, reason)
      expenses.refetch()
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) })
    }
  }
  const items = expenses.data?.items ?? []
  return (
    <Stack>
      {canEnter && worked && <ExpenseForm assignmentId={assignmentId} currency={currency} onSaved={() => expenses.refetch()} />}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">No expenses on this assignment.</Text>
      ) : (
    <Table withTableBorder data-testid="expenses">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Spent on</Table.Th>
          <Table.Th>Category</Table.Th>
          <Table.Th>Amount</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Receipt</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((x) => (
          <Table.Tr key={x.id}>
            <Table.Td>{String(x.spent_on)}</Table.Td>
            <Table.Td>{humanize(String(x.category))}</Table.Td>
            <Table.Td>
              {String(x.amount)} {String(x.currency ?? '')}
            </Table.Td>
            <Table.Td>
              <StatusBadge value={x.status} />
              {x.reject_reason ? <Text size="xs" c="red">{String(x.reject_reason)}</Text> : null}
            </Table.Td>
            <Table.Td>
              {x.receipt_sha256 ? (
                <Anchor href={receiptUrl(x.id)} title={`SHA-256 ${String(x.receipt_sha256)}`} data-testid={`receipt-${x.id}`}>
                  Download (SHA-256 {String(x.receipt_sha256).slice(0, 12)}…)
                </Anchor>
              ) : (
                <Text size="sm" c="dimmed" span>
                  none
                </Text>
              )}{' '}
              {x.status !== 'approved' && (
                <FileButton onChange={(f) => attach(x.id, f)} accept="image/*,application/pdf">
                  {(props) => (
                    <Button size="compact-xs" variant="light" {...props} data-testid={`attach-receipt-${x.id}`}>
                      {x.receipt_sha256 ? 'Replace' : 'Attach'}
                    </Button>
                  )}
                </FileButton>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {canApprove && x.status === 'submitted' && (
                  <>
                    <Button size="compact-xs" onClick={() => decide(x, 'approve')} data-testid={`approve-expense-${x.id}`}>
                      Approve
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => decide(x, 'reject')} data-testid={`reject-expense-${x.id}`}>
                      Reject
                    </Button>
                  </>
                )}
                {canEnter && x.status === 'rejected' && (
                  <Button size="compact-xs" variant="light" onClick={() => decide(x, 'submit')} data-testid={`resubmit-expense-${x.id}`}>
                    Resubmit
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
      )}
    </Stack>
  )
}
