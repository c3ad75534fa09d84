import { describe, expect, it } from 'vitest'
import { summarizeRates } from './rateCard'

const rate = (id: number, role: string, from: string, amount: string, client_id: number | null = null) =>
  ({ id, role, client_id, effective_from: from, rate: amount, currency: 'USD' })

describe('summarizeRates', () => {
  const rates = [
    rate(1, 'design', '2025-01-01', '140.00'),
    rate(2, 'design', '2026-01-01', '150.00'),
    rate(3, 'design', '2027-01-01', '160.00'),
    rate(4, 'design', '2026-01-01', '130.00', 7),
  ]
  it('puts the rate in force today apart from the scheduled change and the history', () => {
    const [design] = summarizeRates(rates, '2026-03-05')
    expect(design.current?.rate).toBe('150.00')
    expect(design.scheduled.map((r) => r.rate)).toEqual(['160.00'])
    expect(design.history.map((r) => r.rate)).toEqual(['140.00'])
  })
  it('starts a rate on its effective day', () => {
    expect(summarizeRates(rates, '2027-01-01')[0].current?.rate).toBe('160.00')
    expect(summarizeRates(rates, '2026-12-31')[0].current?.rate).toBe('150.00')
  })
  it('keeps a client override as its own line, and a not-yet-started rate has no current', () => {
    const lines = summarizeRates(rates, '2025-06-01')
    expect(lines.map((l) => l.client_id)).toEqual([null, 7])
    expect(lines[1].current).toBeNull()
    expect(lines[1].scheduled[0].rate).toBe('130.00')
  })
})
