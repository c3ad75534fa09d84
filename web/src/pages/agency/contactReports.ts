// Where a contact report stands against the agency's distribution deadline.
export type Distribution = 'sent' | 'sent_late' | 'due' | 'overdue'

export function distributionState(r: { distribute_by: string; distributed_at: string | null; distributed_late: boolean }, today: string): Distribution {
  if (r.distributed_at) return r.distributed_late ? 'sent_late' : 'sent'
  return today > r.distribute_by ? 'overdue' : 'due'
}

export const DISTRIBUTION_LABEL: Record<Distribution, [string, string]> = {
  sent: ['sent on time', 'green'],
  sent_late: ['sent late', 'red'],
  due: ['due', 'yellow'],
  overdue: ['overdue', 'red'],
}
