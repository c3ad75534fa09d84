import { describe, expect, it } from 'vitest'
import { periodFromParams, periodLabel, presetPeriod } from './period'

const today = new Date(2026, 2, 1) // Sunday 1 March 2026, local time

describe('report periods', () => {
  it('counts today in the last N days, across a month end and a leap-free February', () => {
    expect(presetPeriod(7, today)).toEqual({ from: '2026-02-23', to: '2026-03-01' })
    expect(presetPeriod(30, today)).toEqual({ from: '2026-01-31', to: '2026-03-01' })
  })
  it('reads a custom period only when both days are valid and in order', () => {
    const ok = new URLSearchParams('period=custom&from=2026-01-05&to=2026-01-11')
    expect(periodFromParams(ok, today)).toEqual({ preset: 'custom', from: '2026-01-05', to: '2026-01-11' })
    const backwards = new URLSearchParams('period=custom&from=2026-01-11&to=2026-01-05')
    expect(periodFromParams(backwards, today).preset).toBe('30d')
    expect(periodFromParams(new URLSearchParams('period=7d'), today).from).toBe('2026-02-23')
    expect(periodLabel(periodFromParams(ok, today))).toBe('2026-01-05 – 2026-01-11')
  })
})
