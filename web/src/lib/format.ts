const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d)
}

/** `on_hold` → `On hold`, `account_executive` → `Account executive`. */
export function humanize(value: string | null | undefined): string {
  if (!value) return '—'
  const s = value.replace(/_/g, ' ')
  return s.charAt(0).toUpperCase() + s.slice(1)
}

export const STATUS_COLORS: Record<string, string> = {
  prospect: 'gray',
  onboarding: 'blue',
  active: 'green',
  on_hold: 'yellow',
  terminated: 'red',
}

/** Renders any JSON value of an audit event's before/after in one short line. */
export function auditValue(v: unknown, names?: Map<number, string>): string {
  if (v === null || v === undefined || v === '') return '(empty)'
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) {
    if (v.length === 0) return '(none)'
    return v
      .map((x) => (x && typeof x === 'object' ? summarise(x as Record<string, unknown>, names) : auditValue(x)))
      .join('; ')
  }
  if (typeof v === 'object') return summarise(v as Record<string, unknown>, names)
  return JSON.stringify(v)
}

const ADDRESS_ORDER = ['line1', 'line2', 'city', 'region', 'postal_code', 'country']

/**
 * One line for an object inside an audit value: an address as `billing: 1 Main St, Toledo, OH, 43604, US`,
 * a team member as `Ada Admin (account_coordinator)`, anything else as its non-empty values.
 */
function summarise(o: Record<string, unknown>, names?: Map<number, string>): string {
  if ('line1' in o || 'city' in o) {
    const parts = ADDRESS_ORDER.map((k) => o[k]).filter((x) => x !== null && x !== undefined && x !== '')
    return (typeof o.kind === 'string' ? `${o.kind}: ` : '') + parts.join(', ')
  }
  if ('user_id' in o && 'role' in o) {
    const who =
      typeof o.name === 'string' && o.name ? o.name : (names?.get(Number(o.user_id)) ?? `user #${String(o.user_id)}`)
    return `${who} (${String(o.role)})`
  }
  const parts = Object.entries(o)
    .filter(([k, x]) => x !== null && x !== undefined && x !== '' && k !== 'kind' && k !== 'user_id')
    .map(([, x]) => (typeof x === 'object' ? JSON.stringify(x) : String(x)))
  const head = typeof o.kind === 'string' ? `${o.kind}: ` : ''
  return head + parts.join(', ')
}

const FIELD_LABELS: Record<string, string> = {
  dba: 'DBA',
  tax_id_masked: 'Tax id',
  tax_id: 'Tax id',
  external_ref: 'External ref',
  is_primary: 'Primary',
  msp: 'MSP',
  vms: 'VMS',
  vms_work_order_id: 'Work order',
  checkin_schedule: 'Check-ins',
  required_psr_fields: 'Details a PSR must have',
  minimum_notice_days: 'Minimum notice (days)',
  notice_day_kind: 'Notice counted in',
  client_name: 'Client',
}

/** A field name as people read it: `legal_name` → `Legal name`, `dba` → `DBA`. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? humanize(field)
}

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

const IGNORED_AUDIT_FIELDS = new Set(['id', 'version', 'updated_at', 'created_at'])

/** The fields that differ between an audit event's before and after (all of after's fields for a create). */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const out: FieldChange[] = []
  for (const k of keys) {
    if (IGNORED_AUDIT_FIELDS.has(k)) continue
    const b = before ? before[k] : undefined
    const a = after ? after[k] : undefined
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ field: k, before: b, after: a })
  }
  return out.sort((x, y) => x.field.localeCompare(y.field))
}

/** A decimal amount from the API shown with at least two decimals ("150" → "150.00"), never rounded. */
export function amountText(value: string): string {
  const [whole, fraction = ''] = value.split('.')
  return `${whole}.${fraction.padEnd(2, '0')}`
}
