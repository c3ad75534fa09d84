import type { FieldError } from '../api/types'
import type { ReconItem, ReconItemKind, ReconRow, ReconSummary } from '../api/types'

export interface SummaryStat {
  key: string
  label: string
  value: number
  color: string
  /** the item kind this count filters the exceptions table by */
  kind?: ReconItemKind
}

export const KIND_LABELS: Record<ReconItemKind, string> = {
  mismatched: 'Mismatched',
  only_left: 'Only left',
  only_right: 'Only right',
  duplicate: 'Duplicate',
  parse_error: 'Parse error',
  suggested: 'Suggested',
}

export const KIND_COLORS: Record<string, string> = {
  matched: 'green',
  mismatched: 'orange',
  only_left: 'grape',
  only_right: 'cyan',
  duplicate: 'yellow',
  parse_error: 'red',
  suggested: 'blue',
}

export const ITEM_STATUS_COLORS: Record<string, string> = {
  open: 'orange',
  resolved: 'green',
  accepted: 'gray',
}

export const RUN_STATE_COLORS: Record<string, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
}

function n(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0
}

/** The seven counts a run page shows, in reading order (missing counts are 0). */
export function summaryStats(s: ReconSummary | null | undefined): SummaryStat[] {
  const x = s ?? {}
  return [
    { key: 'matched', label: 'Matched', value: n(x.matched), color: KIND_COLORS.matched },
    { key: 'mismatched', label: 'Mismatched', value: n(x.mismatched), color: KIND_COLORS.mismatched, kind: 'mismatched' },
    { key: 'only_left', label: 'Only left', value: n(x.only_left), color: KIND_COLORS.only_left, kind: 'only_left' },
    { key: 'only_right', label: 'Only right', value: n(x.only_right), color: KIND_COLORS.only_right, kind: 'only_right' },
    { key: 'duplicate_keys', label: 'Duplicate keys', value: n(x.duplicate_keys), color: KIND_COLORS.duplicate, kind: 'duplicate' },
    { key: 'parse_errors', label: 'Parse errors', value: n(x.parse_errors), color: KIND_COLORS.parse_error, kind: 'parse_error' },
    { key: 'suggested', label: 'Suggested', value: n(x.suggested), color: KIND_COLORS.suggested, kind: 'suggested' },
  ]
}

/**
 * Bar lengths (0..1) for a chart of the stats: relative to the largest count, but any count above zero gets
 * at least `minFraction` so a handful of exceptions beside a million matches still shows.
 */
export function barFractions(values: number[], minFraction = 0.015): number[] {
  const max = Math.max(0, ...values)
  if (max <= 0) return values.map(() => 0)
  return values.map((v) => (v <= 0 ? 0 : Math.max(minFraction, v / max)))
}

export interface SpecTomlError {
  /** the spec key the engine named (`columns[1].tolerence`), or null for a message about the whole text */
  key: string | null
  line: number | null
  column: number | null
  message: string
}

/**
 * The spec problems among a problem's `errors[]`: the server names them `toml/<key>` (a bad or unknown key)
 * or `toml/line L, column C` (TOML syntax), or just `toml`.
 */
export function specTomlErrors(errors: FieldError[] | undefined): SpecTomlError[] {
  const out: SpecTomlError[] = []
  for (const e of errors ?? []) {
    const field = (e.field ?? '').replace(/^\/+/, '')
    if (field !== 'toml' && !field.startsWith('toml/') && !field.startsWith('toml.')) continue
    const rest = field === 'toml' ? '' : field.slice(5)
    const at = /^line (\d+), column (\d+)$/.exec(rest)
    if (at) {
      out.push({ key: null, line: Number(at[1]), column: Number(at[2]), message: e.message })
      continue
    }
    const key = rest || null
    // the engine's message repeats the key ("columns[1].tolerence: unknown key"); keep it once
    const message = key && e.message.startsWith(`${key}: `) ? e.message.slice(key.length + 2) : e.message
    out.push({ key, line: null, column: null, message })
  }
  return out
}

/** One line describing what an item is about, for the table (the export's "differences" column, shorter). */
export function itemSummary(item: Pick<ReconItem, 'kind' | 'details'>): string {
  const d = item.details ?? {}
  if (d.diffs && d.diffs.length > 0) {
    return d.diffs
      .map((x) => {
        const col = x.left_column === x.right_column ? x.left_column : `${x.left_column}/${x.right_column}`
        return `${col}: ${x.left_value} ≠ ${x.right_value}`
      })
      .join('; ')
  }
  if (d.failure) return `${d.failure.file}:${d.failure.line}:${d.failure.column}: ${d.failure.message}`
  if (d.rows && d.rows.length > 0) {
    const left = d.rows.filter((r) => r.side === 'left').length
    const right = d.rows.filter((r) => r.side === 'right').length
    return `${left} left ${left === 1 ? 'row' : 'rows'}, ${right} right ${right === 1 ? 'row' : 'rows'}`
  }
  const row = d.left ?? d.right
  if (row) return `${row.side} line ${row.line}: ${rowText(row)}`
  return ''
}

/** A record's [column, value] pairs in the file's column order. */
export function rowEntries(row: ReconRow): [string, string][] {
  const values = row.values ?? {}
  const order = row.columns ?? Object.keys(values)
  return order.filter((name) => name in values).map((name) => [name, values[name]])
}

/** `column=value | …` for one record. */
export function rowText(row: ReconRow): string {
  return rowEntries(row)
    .map(([k, v]) => `${k}=${v}`)
    .join(' | ')
}

/** Assignee filter values: a user id, `me` or `none`; anything else is dropped. */
export function validAssignee(v: string | null): string | null {
  if (!v) return null
  if (v === 'me' || v === 'none') return v
  return /^[1-9]\d*$/.test(v) ? v : null
}

/** `a1b2c3…` → `a1b2c3d4e5f6` (first 12 hex digits), for showing checksums. */
export function shortHash(sha: string | null | undefined): string {
  return sha ? sha.slice(0, 12) : '—'
}

/** Bytes as people read them: 512 B, 1.5 KB, 12.3 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB']
  let v = bytes / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`
}

/** A starting spec for the editor: the shape docs/RECONCILE.md documents. */
export const SPEC_TEMPLATE = `[left]
name = "vms"
key = ["worker_id"]

[right]
name = "assignments"
key = ["worker_id"]

[compare]
normalize = ["trim"]

[[columns]]
left = "bill_rate"
right = "bill_rate"
normalize = ["money"]
tolerance = "0.01"
`

/** The columns the runs API sorts by. */
export const RUN_SORTS = ['id', 'spec_name', 'state', 'created_at'] as const

/** Exceptions a run reported (items stored), or the engine's class counts added up when that is missing. */
export function runExceptions(s: ReconSummary | null | undefined): number {
  if (!s) return 0
  if (typeof s.items === 'number') return s.items
  return n(s.mismatched) + n(s.only_left) + n(s.only_right) + n(s.duplicate_keys) + n(s.parse_errors) + n(s.suggested)
}

/**
 * The 1-based line of the TOML text where a key the engine named is written (`columns[2].tolerence` → the
 * `tolerence =` line inside the third `[[columns]]` table; `lefft` → the `[lefft]` header), or null.
 */
export function locateSpecKey(toml: string, key: string): number | null {
  if (!key) return null
  const dot = key.lastIndexOf('.')
  const table = dot >= 0 ? key.slice(0, dot) : ''
  const leaf = dot >= 0 ? key.slice(dot + 1) : key
  const counts: Record<string, number> = {}
  let current = ''
  const lines = toml.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    const arr = /^\[\[\s*([^\]\s]+)\s*\]\]/.exec(line)
    const tab = arr ? null : /^\[\s*([^\]\s]+)\s*\]/.exec(line)
    if (arr) {
      const n = counts[arr[1]] ?? 0
      counts[arr[1]] = n + 1
      current = `${arr[1]}[${n}]`
      if (current === key) return i + 1
      continue
    }
    if (tab) {
      current = tab[1]
      if (current === key) return i + 1
      continue
    }
    const kv = /^("?)([A-Za-z0-9_-]+)\1\s*=/.exec(line)
    if (kv && current === table && kv[2] === leaf) return i + 1
  }
  return null
}

/** The character offsets of a 1-based line, to select it in a textarea. */
export function lineRange(text: string, line: number): [number, number] {
  const lines = text.split('\n')
  let start = 0
  for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1
  const end = start + (lines[line - 1]?.length ?? 0)
  return [start, end]
}
