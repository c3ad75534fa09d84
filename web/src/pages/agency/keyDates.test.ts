import { describe, expect, it } from 'vitest'
import { nextKeyDate } from './keyDates'

describe('nextKeyDate', () => {
  const dates = [
    { date: '2025-06-30', label: 'Fiscal year end', yearly: true },
    { date: '2026-03-10', label: 'Trade show', yearly: false },
    { date: '2026-01-15', label: 'Past launch', yearly: false },
  ]
  it('rolls a yearly date to this year when it is still ahead', () => {
    expect(nextKeyDate(dates, '2026-03-11')).toBe('2026-06-30 · Fiscal year end')
  })
  it('takes the soonest upcoming date, one-off or yearly', () => {
    expect(nextKeyDate(dates, '2026-03-01')).toBe('2026-03-10 · Trade show')
  })
  it('rolls a yearly date past this year into the next', () => {
    expect(nextKeyDate(dates, '2026-07-01')).toBe('2027-06-30 · Fiscal year end')
  })
  it('shows a dash when nothing is ahead', () => {
    expect(nextKeyDate([{ date: '2020-01-01', label: 'Old', yearly: false }], '2026-01-01')).toBe('—')
  })
})
