// Pure helpers of the workforce-management screens: chart rows from a forecast's series and a plan.
import type { AccuracyLevel, PlanInterval, StaffingPlan, WfmForecast } from '../api/wfm'

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** "Mon 2026-02-09" for a local date "2026-02-09" (the date itself, not shifted by the browser's zone). */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${day}`
}

/** The local date `n` days after `day`. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

/** "09:30" for interval i of a day of `minutes`-minute intervals. */
export function intervalStart(i: number, minutes: number): string {
  const t = i * minutes
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`
}

/** "4.2 %" or "—" when the measure is undefined (every actual was 0). */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(digits)} %`
}

/**
 * Daily accuracy read as a word: WAPE under 5 % is good, under 10 % fair, else poor. Graded by day, not by
 * interval: a half hour of 20 calls varies by ±√20 ≈ 22 % by chance alone (Poisson), so interval WAPE has a
 * floor no forecast can beat.
 */
export function accuracyGrade(daily: AccuracyLevel | undefined): { label: string; color: string } {
  const wape = daily?.wape
  if (wape === null || wape === undefined) return { label: 'not measured', color: 'gray' }
  if (wape < 5) return { label: 'good', color: 'green' }
  if (wape < 10) return { label: 'fair', color: 'yellow' }
  return { label: 'poor', color: 'red' }
}

export interface BacktestPoint {
  at: string
  Actual: number
  Forecast: number
}

/**
 * The held-back days, actual against forecast, one point per interval — only the intervals of the day where
 * either is above zero, so a closed night does not flatten the chart.
 */
export function backtestPoints(forecast: WfmForecast): BacktestPoint[] {
  const b = forecast.series?.backtest
  if (!b) return []
  const perDay = 1440 / forecast.interval_min
  const open = new Array(perDay).fill(false)
  b.actual.forEach((v, i) => { if (v > 0 || (b.forecast[i] ?? 0) > 0.05) open[i % perDay] = true })
  const out: BacktestPoint[] = []
  for (let i = 0; i < b.actual.length; i++) {
    if (!open[i % perDay]) continue
    const day = addDays(b.first_day, Math.floor(i / perDay))
    out.push({ at: `${dayLabel(day).slice(0, 3)} ${intervalStart(i % perDay, forecast.interval_min)}`, Actual: b.actual[i], Forecast: Math.round((b.forecast[i] ?? 0) * 10) / 10 })
  }
  return out
}

/** The distinct days of a plan, in order. */
export function planDays(plan: StaffingPlan): string[] {
  return [...new Set(plan.intervals.map((p) => p.day))]
}

export interface StaffingPoint {
  start: string
  Required: number
  Scheduled: number
  Short: number
  Forecast: number
  Actual: number | null
}

/** One day of a plan as chart rows, from the first to the last interval that needs or has anyone. */
export function staffingPoints(plan: StaffingPlan, day: string): StaffingPoint[] {
  const rows = plan.intervals.filter((p) => p.day === day)
  const busy = (p: PlanInterval) => p.positions > 0 || p.scheduled > 0 || (p.actual ?? 0) > 0
  const first = rows.findIndex(busy)
  if (first < 0) return []
  let last = rows.length - 1
  while (last > first && !busy(rows[last])) last--
  return rows.slice(first, last + 1).map((p) => ({
    start: p.start,
    Required: p.positions,
    Scheduled: p.scheduled,
    Short: Math.max(0, p.gap),
    Forecast: Math.round(p.contacts * 10) / 10,
    Actual: p.actual,
  }))
}

/** A day's totals: forecast and actual contacts, the intervals short and the position-hours short. */
export function dayTotals(plan: StaffingPlan, day: string) {
  const rows = plan.intervals.filter((p) => p.day === day)
  const hours = plan.interval_min / 60
  return {
    forecast: rows.reduce((s, p) => s + p.contacts, 0),
    actual: rows.some((p) => p.actual !== null) ? rows.reduce((s, p) => s + (p.actual ?? 0), 0) : null,
    shortIntervals: rows.filter((p) => p.gap > 0).length,
    shortHours: rows.reduce((s, p) => s + Math.max(0, p.gap) * hours, 0),
  }
}
