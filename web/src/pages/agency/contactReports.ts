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

/** The owner fields the API takes for a picked owner: "user:<id>" (the account team) or "contact:<id>" (a client contact). */
export function ownerOf(owner: string | null): { owner_user_id: number | null; owner_contact_id: number | null } {
  const [kind, id] = (owner ?? '').split(':')
  return { owner_user_id: kind === 'user' ? Number(id) : null, owner_contact_id: kind === 'contact' ? Number(id) : null }
}
