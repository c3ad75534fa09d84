// Report periods: presets (last 7/30/90 days, ending today) or a custom from–to, kept in the URL as
// `period`, `from`, `to` so a report can be linked and reloaded.

export interface Period {
  preset: string // '7d', '30d', '90d' or 'custom'
  from: string // YYYY-MM-DD, inclusive
  to: string // YYYY-MM-DD, inclusive
}

export const PERIOD_PRESETS = [
  { value: '7d', label: 'Last 7 days', days: 7 },
  { value: '30d', label: 'Last 30 days', days: 30 },
  { value: '90d', label: 'Last 90 days', days: 90 },
] as const

/** The local calendar day of `d` as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** `days` days ending today, today included. */
export function presetPeriod(days: number, today: Date): { from: string; to: string } {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1))
  return { from: isoDay(from), to: isoDay(today) }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The period the URL asks for: a known preset, or a valid custom from ≤ to, else `fallback` days. */
export function periodFromParams(params: URLSearchParams, today: Date, fallback = '30d'): Period {
  const preset = params.get('period') ?? fallback
  const from = params.get('from') ?? ''
  const to = params.get('to') ?? ''
  if (preset === 'custom' && DAY.test(from) && DAY.test(to) && from <= to) return { preset, from, to }
  const known = PERIOD_PRESETS.find((p) => p.value === preset) ?? PERIOD_PRESETS.find((p) => p.value === fallback)!
  return { preset: known.value, ...presetPeriod(known.days, today) }
}

/** A period's human label: the preset's, or "2026-11-01 – 2026-11-22". */
export function periodLabel(p: Period): string {
  return PERIOD_PRESETS.find((x) => x.value === p.preset)?.label ?? `${p.from} – ${p.to}`
}
