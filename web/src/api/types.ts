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
  entity_id: number | string
  client_id?: number | null
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  hash?: string
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

// ---- reconciliation ---------------------------------------------------------
export const RECON_RUN_STATES = ['queued', 'running', 'succeeded', 'failed'] as const
export type ReconRunState = (typeof RECON_RUN_STATES)[number]
export const RECON_ITEM_STATUSES = ['open', 'resolved', 'accepted'] as const
export type ReconItemStatus = (typeof RECON_ITEM_STATUSES)[number]
export const RECON_ITEM_KINDS = ['mismatched', 'only_left', 'only_right', 'duplicate', 'parse_error', 'suggested'] as const
export type ReconItemKind = (typeof RECON_ITEM_KINDS)[number]

export interface ReconSchedule {
  cron: string
  left_path: string
  right_path: string
}

export interface ReconSpec {
  id: number
  name: string
  toml: string
  client_id: number | null
  schedule: ReconSchedule | null
  version: number
  created_by: number | null
  created_at: string
  updated_at: string
}

export interface ReconSpecInput {
  name?: string
  toml?: string
  client_id?: number | null
}

export interface ReconRunInput {
  file_id: number | null
  name: string
  sha256: string | null
}

/** The engine's counts (docs/RECONCILE.md) plus what the run did to the work items. */
export interface ReconSummary {
  left_rows?: number
  right_rows?: number
  matched?: number
  mismatched?: number
  only_left?: number
  only_right?: number
  duplicate_keys?: number
  duplicate_left_rows?: number
  duplicate_right_rows?: number
  parse_errors?: number
  suggested?: number
  spilled?: boolean
  items?: number
  items_opened?: number
  items_linked?: number
  items_closed?: number
  superseded?: boolean
}

export interface ReconRun {
  id: number
  spec_id: number
  spec_version: number
  spec_name: string
  left: ReconRunInput
  right: ReconRunInput
  state: ReconRunState
  summary: ReconSummary
  error: string | null
  job_id: number | null
  client_id: number | null
  created_by: number | null
  created_at: string
  started_at: string | null
  finished_at: string | null
}

export interface ReconRow {
  side: 'left' | 'right'
  line: number
  values: Record<string, string>
  /** The column names in the file's order. */
  columns?: string[]
}

export interface ReconDiff {
  left_column: string
  right_column: string
  left_value: string
  right_value: string
  left_normalized: string
  right_normalized: string
}

export interface ReconFailure {
  file: string
  line: number
  column: number
  message: string
}

export interface ReconItemDetails {
  left?: ReconRow
  right?: ReconRow
  rows?: ReconRow[]
  diffs?: ReconDiff[]
  failure?: ReconFailure
  score?: number
}

export interface ReconItem {
  id: number
  run_id: number
  first_run_id: number
  spec_id: number
  client_id: number | null
  key: string
  kind: ReconItemKind
  status: ReconItemStatus
  assignee_id: number | null
  assignee: { id: number; name: string } | null
  resolution_note: string
  correction: string
  resolved_by: number | null
  resolved_at: string | null
  details: ReconItemDetails
  version: number
  created_at: string
  updated_at: string
}

export interface ReconFile {
  id: number
  name: string
  size: number
  sha256: string
}
