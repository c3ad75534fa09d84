import type { Address, Client, ClientInput, ClientStatus, TeamRole } from '../api/types'

export interface AddressRow extends Omit<Address, 'line2'> {
  key: string
  line2: string
}

export interface TeamRow {
  key: string
  user_id: string | null
  name?: string
  role: TeamRole | null
}

export interface ClientFormValues {
  legal_name: string
  dba: string
  tax_id: string
  industry: string
  status: ClientStatus
  addresses: AddressRow[]
  account_team: TeamRow[]
  service_notes: string
  processing_instructions: string
}

let seq = 0
export const rowKey = () => `r${++seq}`

export function emptyAddress(): AddressRow {
  return { key: rowKey(), kind: 'billing', line1: '', line2: '', city: '', region: '', postal_code: '', country: 'US' }
}

export function emptyValues(): ClientFormValues {
  return {
    legal_name: '',
    dba: '',
    tax_id: '',
    industry: '',
    status: 'prospect',
    addresses: [],
    account_team: [],
    service_notes: '',
    processing_instructions: '',
  }
}

export function valuesFromClient(c: Client): ClientFormValues {
  return {
    legal_name: c.legal_name ?? '',
    dba: c.dba ?? '',
    tax_id: '',
    industry: c.industry ?? '',
    status: c.status,
    addresses: (c.addresses ?? []).map((a) => ({ ...a, key: rowKey(), line2: a.line2 ?? '' })),
    account_team: (c.account_team ?? []).map((m) => ({
      key: rowKey(),
      user_id: String(m.user_id),
      name: m.name,
      role: m.role,
    })),
    service_notes: c.service_notes ?? '',
    processing_instructions: c.processing_instructions ?? '',
  }
}

// The server treats null as "leave unchanged", so an emptied field is sent as "" to clear it.
const orNull = (s: string) => s.trim()

/** The full ClientInput the form describes (tax_id only when typed). */
export function toInput(v: ClientFormValues): ClientInput {
  const input: ClientInput = {
    legal_name: v.legal_name.trim(),
    dba: orNull(v.dba),
    industry: orNull(v.industry),
    status: v.status,
    addresses: v.addresses.map((a) => ({
      kind: a.kind,
      line1: a.line1.trim(),
      line2: orNull(a.line2),
      city: a.city.trim(),
      region: a.region.trim(),
      postal_code: a.postal_code.trim(),
      country: a.country.trim(),
    })),
    account_team: v.account_team.map((m) => ({
      user_id: m.user_id ? Number(m.user_id) : 0,
      role: (m.role ?? '') as TeamRole,
    })),
    service_notes: orNull(v.service_notes),
    processing_instructions: orNull(v.processing_instructions),
  }
  if (v.tax_id.trim() !== '') input.tax_id = v.tax_id.trim()
  return input
}

/** Only the fields of `next` that differ from `base` (for PATCH). */
export function diffInput(base: ClientInput, next: ClientInput): ClientInput {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(next)) {
    if (JSON.stringify((base as Record<string, unknown>)[k]) !== JSON.stringify(v)) out[k] = v
  }
  return out as ClientInput
}

/** Checks done in the browser before sending; the server checks again and its answer wins. */
export function validate(v: ClientFormValues): Record<string, string> {
  const e: Record<string, string> = {}
  if (!v.legal_name.trim()) e.legal_name = 'Legal name is required'
  v.addresses.forEach((a, i) => {
    if (!a.line1.trim()) e[`addresses.${i}.line1`] = 'Required'
    if (!a.city.trim()) e[`addresses.${i}.city`] = 'Required'
    if (!a.country.trim()) e[`addresses.${i}.country`] = 'Required'
  })
  v.account_team.forEach((m, i) => {
    if (!m.user_id) e[`account_team.${i}.user_id`] = 'Choose a person'
    if (!m.role) e[`account_team.${i}.role`] = 'Choose a role'
  })
  return e
}
