// Estimate lines and totals exactly as the server's rule computes them (src/agency/estimate.h): a line's
// amount is (hours × rate, or the cost of an expense or fixed fee) × (100 + mark-up) / 100, rounded ONCE to
// cents half away from zero; totals are exact sums of the rounded lines. Decimal text in, decimal text out;
// BigInt arithmetic, never floating point.

export type LineKind = 'labor' | 'expense' | 'fee'

export interface EditableLine {
  kind: LineKind
  service: string
  description: string
  hours: string
  rate: string // labour: blank takes the rate card's
  cost: string // expense or fee
  markup_percent: string
}

export interface Totals {
  labor: string
  expenses: string
  fees: string
  markup: string
  total: string
}

/** A decimal as an integer scaled by 10^scale; null when the text is not a plain decimal. */
interface Scaled {
  units: bigint
  scale: number
}

export function parseDecimal(text: string): Scaled | null {
  const t = text.trim()
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(t)
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null
  const frac = m[3] ?? ''
  const units = BigInt((m[2] || '0') + frac) * (m[1] === '-' ? -1n : 1n)
  return { units, scale: frac.length }
}

const pow10 = (n: number) => 10n ** BigInt(n)

/** Rounds units at `scale` to cents, half away from zero. */
function toCents(v: Scaled): bigint {
  if (v.scale <= 2) return v.units * pow10(2 - v.scale)
  const div = pow10(v.scale - 2)
  const negative = v.units < 0n
  const abs = negative ? -v.units : v.units
  let q = abs / div
  if ((abs % div) * 2n >= div) q += 1n
  return negative ? -q : q
}

export function centsText(cents: bigint): string {
  const negative = cents < 0n
  const abs = negative ? -cents : cents
  const whole = abs / 100n
  const frac = String(abs % 100n).padStart(2, '0')
  return `${negative ? '-' : ''}${whole}.${frac}`
}

const mul = (a: Scaled, b: Scaled): Scaled => ({ units: a.units * b.units, scale: a.scale + b.scale })
const zero: Scaled = { units: 0n, scale: 0 }

/** The line's base before mark-up, exact; null while an input is not a number yet. */
function base(line: EditableLine, rate: string): Scaled | null {
  if (line.kind === 'labor') {
    const h = parseDecimal(line.hours || '0')
    const r = parseDecimal(rate || '0')
    return h && r ? mul(h, r) : null
  }
  return parseDecimal(line.cost || '0')
}

/** The line's amount in cents (null while incomplete). `rate` is the line's own or the rate card's. */
export function lineAmountCents(line: EditableLine, rate: string): bigint | null {
  const b = base(line, rate)
  const m = parseDecimal(line.markup_percent || '0')
  if (!b || !m) return null
  const factor: Scaled = { units: pow10(m.scale) * 100n + m.units, scale: m.scale + 2 } // (100 + m) / 100
  return toCents(mul(b, factor))
}

/** Totals of the lines (incomplete lines count as 0); `rateOf` gives each line's effective rate. */
export function estimateTotals(lines: EditableLine[], rateOf: (line: EditableLine) => string): Totals {
  let labor = 0n
  let expenses = 0n
  let fees = 0n
  let markup = 0n
  for (const line of lines) {
    const rate = rateOf(line)
    const amount = lineAmountCents(line, rate)
    if (amount === null) continue
    if (line.kind === 'labor') labor += amount
    else if (line.kind === 'expense') expenses += amount
    else fees += amount
    markup += amount - toCents(base(line, rate) ?? zero)
  }
  return {
    labor: centsText(labor),
    expenses: centsText(expenses),
    fees: centsText(fees),
    markup: centsText(markup),
    total: centsText(labor + expenses + fees),
  }
}

/** Moves the line at `from` one place up (-1) or down (+1); out-of-range moves change nothing. */
export function moveLine<T>(lines: T[], from: number, by: -1 | 1): T[] {
  const to = from + by
  if (to < 0 || to >= lines.length) return lines
  const out = lines.slice()
  ;[out[from], out[to]] = [out[to], out[from]]
  return out
}
