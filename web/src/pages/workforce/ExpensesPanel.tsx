import { Anchor, FileButton, Button, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery } from '@tanstack/react-query'
import { errorMessage } from '../../api/http'
import { listRecords, receiptUrl, uploadReceipt } from '../../api/workforce'
import { humanize } from '../../lib/format'
import { StatusBadge } from './RecordListPage'

/** An assignment's expenses with their receipts: download, or attach one until the expense is approved. */
export function ExpensesPanel({ assignmentId }: { assignmentId: number }) {
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
  const items = expenses.data?.items ?? []
  if (items.length === 0) return <Text size="sm" c="dimmed">No expenses on this assignment.</Text>
  return (
    <Table withTableBorder data-testid="expenses">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Spent on</Table.Th>
          <Table.Th>Category</Table.Th>
          <Table.Th>Amount</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Receipt</Table.Th>
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
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
