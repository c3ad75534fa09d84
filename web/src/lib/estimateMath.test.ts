// The estimate editor's totals against hand-computed amounts (the same roundings as src/agency/estimate.h).
import { describe, expect, it } from 'vitest'
import { estimateTotals, lineAmountCents, moveLine, parseDecimal, type EditableLine } from './estimateMath'

const labor = (hours: string, rate: string, markup = ''): EditableLine =>
  ({ kind: 'labor', service: 'design', description: '', hours, rate, cost: '', markup_percent: markup })
const expense = (cost: string, markup: string): EditableLine =>
  ({ kind: 'expense', service: 'printing', description: '', hours: '', rate: '', cost, markup_percent: markup })
const fee = (cost: string): EditableLine =>
  ({ kind: 'fee', service: 'licence', description: '', hours: '', rate: '', cost, markup_percent: '' })
const own = (l: EditableLine) => l.rate

describe('estimate editor arithmetic', () => {
  it('prices the service test estimate: 10 h × 150.00 + 200.00 at 15 % = 1730.00', () => {
    expect(estimateTotals([labor('10', '150.00'), expense('200.00', '15')], own)).toEqual({
      labor: '1500.00', expenses: '230.00', fees: '0.00', markup: '30.00', total: '1730.00',
    })
  })

  it('rounds each line once, half away from zero', () => {
    // 10.30 × 1.15 = 11.845 -> 11.85 (half-even would give 11.84).
    expect(lineAmountCents(expense('10.30', '15'), '')).toBe(1185n)
    // 7.5 h × 133.33 = 999.975 -> 999.98.
    expect(lineAmountCents(labor('7.5', '133.33'), '133.33')).toBe(99998n)
    // A 10 % mark-down of 0.05 = 0.045 -> 0.05; of -0.05 (a credit) -> -0.05.
    expect(lineAmountCents(expense('0.05', '-10'), '')).toBe(5n)
    expect(lineAmountCents(expense('-0.05', '-10'), '')).toBe(-5n)
  })

  it('sums rounded lines, adds fixed fees, and takes the rate card rate for blank rates', () => {
    // 2 × 11.845 would be 23.69 exact, but two printed lines of 11.85 add up to 23.70.
    const lines = [expense('10.30', '15'), expense('10.30', '15'), labor('3', ''), fee('500')]
    const t = estimateTotals(lines, (l) => l.rate || '140.00')
    expect(t.expenses).toBe('23.70')
    expect(t.labor).toBe('420.00')
    expect(t.fees).toBe('500.00')
    expect(t.total).toBe('943.70')
    expect(t.markup).toBe('3.10') // 23.70 − (10.30 + 10.30)
  })

  it('ignores lines that are not numbers yet and reorders lines', () => {
    expect(estimateTotals([labor('ten', '150'), fee('99.99')], own).total).toBe('99.99')
    expect(parseDecimal('1.2.3')).toBeNull()
    expect(moveLine(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moveLine(['a', 'b'], 0, -1)).toEqual(['a', 'b'])
  })
})
