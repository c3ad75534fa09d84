import { describe, expect, it } from 'vitest'
import type { StaffingPlan, WfmForecast } from '../api/wfm'
import { accuracyGrade, addDays, backtestPoints, dayLabel, dayTotals, intervalStart, staffingPoints } from './wfm'

describe('wfm helpers', () => {
  it('names days and intervals without the browser time zone', () => {
    expect(dayLabel('2026-02-09')).toBe('Mon 2026-02-09')  // a Monday (ISO 8601 calendar)
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(intervalStart(19, 30)).toBe('09:30')
    expect(intervalStart(3, 15)).toBe('00:45')
  })

  it('grades daily accuracy by WAPE', () => {
    expect(accuracyGrade({ mape: 3, wape: 4.9, points: 7, zero_actuals: 0 }).label).toBe('good')
    expect(accuracyGrade({ mape: 3, wape: 5, points: 7, zero_actuals: 0 }).label).toBe('fair')
    expect(accuracyGrade({ mape: null, wape: 10, points: 7, zero_actuals: 0 }).label).toBe('poor')
    expect(accuracyGrade(undefined).label).toBe('not measured')
  })

  it('keeps only the open intervals of the back-test', () => {
    const actual = new Array(48).fill(0)
    const forecast = new Array(48).fill(0)
    actual[18] = 3
    forecast[19] = 2.26
    const f = { interval_min: 30, series: { backtest: { first_day: '2026-02-02', actual, forecast, forecast_daily: [] } } } as unknown as WfmForecast
    expect(backtestPoints(f)).toEqual([
      { at: 'Mon 09:00', Actual: 3, Forecast: 0 },
      { at: 'Mon 09:30', Actual: 0, Forecast: 2.3 },
    ])
  })

  it('charts a day of the plan from its first to its last staffed interval, with the shortfall', () => {
    const row = (start: string, positions: number, scheduled: number) => ({
      day: '2026-02-09', start, contacts: positions, actual: null, aht_s: 240, agents: positions, positions,
      service_level: 1, asa_s: 0, occupancy: 0, p_abandon: 0, scheduled, gap: positions - scheduled,
    })
    const plan = { interval_min: 30, intervals: [row('08:30', 0, 0), row('09:00', 3, 3), row('09:30', 3, 2), row('10:00', 0, 0)] } as unknown as StaffingPlan
    expect(staffingPoints(plan, '2026-02-09').map((p) => [p.start, p.Required, p.Scheduled, p.Short])).toEqual([
      ['09:00', 3, 3, 0],
      ['09:30', 3, 2, 1],
    ])
    expect(dayTotals(plan, '2026-02-09')).toEqual({ forecast: 6, actual: null, shortIntervals: 1, shortHours: 0.5 })
  })
})
