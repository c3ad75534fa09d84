export type Role = 'admin' | 'manager' | 'coordinator' | 'client_user' | 'worker'

export interface User {
  id: number
  email: string
  name: string
  role: Role
  client_ids: number[]
}

export interface Session {
  user: User
  csrf_token: string
}

export const CLIENT_STATUSES = ['prospect', 'onboarding', 'active', 'on_hold', 'terminated'] as const
export type ClientStatus = (typeof CLIENT_STATUSES)[number]

export const ADDRESS_KINDS = ['billing', 'mailing', 'worksite', 'headquarters'] as const
export type AddressKind = (typeof ADDRESS_KINDS)[number]

export const TEAM_ROLES = [
  'account_executive',
  'account_coordinator',
  'account_lead',
  'hrbp',
  'payroll',
] as const
export type TeamRole = (typeof TEAM_ROLES)[number]

export const CONTACT_CHANNELS = ['email', 'phone', 'sms', 'chat', 'portal'] as const
export type ContactChannel = (typeof CONTACT_CHANNELS)[number]

export interface Address {
  kind: AddressKind
  line1: string
  line2: string | null
  city: string
  region: string
  postal_code: string
  country: string
}

export interface TeamMember {
  user_id: number
  name?: string
  role: TeamRole
}

export interface Client {
  id: number
  legal_name: string
  dba: string | null
  tax_id_masked: string | null
  industry: string | null
  status: ClientStatus
  archived: boolean
  addresses: Address[]
  account_team: TeamMember[]
  service_notes: string | null
  processing_instructions: string | null
  version: number
  created_at: string
  updated_at: string
}

export interface ClientInput {
  legal_name?: string
  dba?: string | null
  tax_id?: string
  industry?: string | null
  status?: ClientStatus
  addresses?: Address[]
  account_team?: { user_id: number; role: TeamRole }[]
  service_notes?: string | null
  processing_instructions?: string | null
}

export interface Page<T> {
  items: T[]
  next_cursor: string | null
  total?: number
}

export interface Contact {
  id: number
  client_id: number
  name: string
  role: string | null
  title: string | null
  email: string | null
  phone: string | null
  preferred_channel: ContactChannel
  is_primary: boolean
  version: number
}

export type ContactInput = Omit<Contact, 'id' | 'client_id' | 'version'>

export interface AuditEvent {
  id: number
  at: string
  actor: { id: number; name: string } | null
  request_id: string | null
  entity: string
  entity_id: number
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export interface ImportResult {
  created: number
  updated: number
  unchanged: number
  dry_run: boolean
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed'

export interface Job {
  id: number
  kind: string
  state: JobState
  done: number
  total: number
  message: string | null
  result_url?: string | null
}

export interface DirectoryUser {
  id: number
  name: string
  email: string
  role: Role
}

export interface FieldError {
  field: string
  code: string
  message: string
}

export interface Problem {
  type?: string
  title?: string
  status: number
  detail?: string
  code?: string
  errors?: FieldError[]
}
