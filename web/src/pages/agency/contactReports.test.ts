import { describe, expect, it } from 'vitest'
import { distributionState, ownerOf } from './contactReports'

describe('distributionState', () => {
  const base = { distribute_by: '2026-03-09', distributed_at: null, distributed_late: false }
  it('is due up to and including the deadline day', () => {
    expect(distributionState(base, '2026-03-09')).toBe('due')
  })
  it('is overdue the day after the deadline while unsent', () => {
    expect(distributionState(base, '2026-03-10')).toBe('overdue')
  })
  it('keeps the server\'s late flag once sent', () => {
    expect(distributionState({ ...base, distributed_at: '2026-03-10T09:00:00Z', distributed_late: true }, '2026-03-20')).toBe('sent_late')
    expect(distributionState({ ...base, distributed_at: '2026-03-06T09:00:00Z' }, '2026-03-20')).toBe('sent')
  })
})

describe('ownerOf', () => {
  it('sends a team member as owner_user_id and a client contact as owner_contact_id', () => {
    expect(ownerOf('user:7')).toEqual({ owner_user_id: 7, owner_contact_id: null })
    expect(ownerOf('contact:42')).toEqual({ owner_user_id: null, owner_contact_id: 42 })
    expect(ownerOf(null)).toEqual({ owner_user_id: null, owner_contact_id: null })
  })
})
