// The agency's account side: account knowledge and files, the rate card and the agency settings.
import { buildQuery, getJson, request } from './http'
import type { Page } from './types'
import { AGENCY } from './agency'

export interface TeamSeat { user_id: number; role: string; backup_user_id: number | null; name?: string; backup_name?: string }
export interface ContactPreference {
  contact_id: number
  preferred_method: string
  branding_requirements: string
  contact_name?: string
  email?: string
  role?: string
}
export interface ApprovalStep { step: number; approves: string; contact_id: number; contact_name?: string }
export interface KeyDate { date: string; label: string; yearly: boolean }

export interface Account {
  client_id: number
  client_code: string
  client_name: string
  industry: string
  org_structure: string
  products: string
  services: string
  markets: string
  distribution: string
  branding_requirements: string
  processes: string
  reporting_preferences: string
  team: TeamSeat[]
  contact_preferences: ContactPreference[]
  approval_chain: ApprovalStep[]
  key_dates: KeyDate[]
  version: number
  updated_at: string
}

export interface AccountFile {
  id: number
  client_id: number
  title: string
  category: string
  file_name: string
  content_type: string
  size: number
  sha256: string
  uploaded_by: string
  archived_at: string | null
  version: number
  created_at: string
}

export interface Rate { id: number; client_id: number | null; role: string; effective_from: string; rate: string; currency: string }

export interface AgencySettings {
  job_pattern: string
  invoice_pattern: string
  credit_note_pattern: string
  entry_window_days: number
  time_zone: string
  holidays: string[]
  locked_through: string | null
  locked_by: string | null
  locked_at: string | null
  contact_report_days: number
  /** what an expense takes when it has no mark-up of its own, e.g. "15" */
  default_expense_markup_percent: string
  version: number
}

type Query = Record<string, string | number | undefined>
const etagOf = (version: number) => `"${version}"`

export const FILE_CATEGORIES = ['brand_guidelines', 'process', 'brief', 'contract', 'correspondence', 'other']
export const CONTACT_METHODS = ['email', 'phone', 'sms', 'video', 'in_person', 'portal']

export const accounts = {
  list: (q: Query) => getJson<Page<Account>>(`${AGENCY}/accounts`, q),
  exportUrl: (format: string, q: Query) => `${AGENCY}/accounts/export.${format}${buildQuery(q)}`,
  get: (clientId: number) => getJson<Account>(`${AGENCY}/accounts/${clientId}`),
  save: (clientId: number, body: Partial<Account>, version?: number) =>
    request<Account>(`${AGENCY}/accounts/${clientId}`, { method: 'PUT', body, ifMatch: version ? etagOf(version) : null }),
  files: (clientId: number, archived: boolean) =>
    getJson<{ items: AccountFile[] }>(`${AGENCY}/accounts/${clientId}/files`, { archived: archived ? 'true' : undefined }),
  upload: (clientId: number, file: File, title: string, category: string) =>
    request<AccountFile>(`${AGENCY}/accounts/${clientId}/files`, {
      method: 'POST', rawBody: file, contentType: file.type || 'application/octet-stream',
      query: { file_name: file.name, title, category },
    }),
  fileUrl: (f: AccountFile) => `${AGENCY}/account-files/${f.id}`,
  archiveFile: (f: AccountFile, archived: boolean) =>
    request<AccountFile>(`${AGENCY}/account-files/${f.id}/archive`, { method: 'POST', body: { archived }, ifMatch: etagOf(f.version) }),
  timeline: (clientId: number) =>
    getJson<{ items: { at: string; kind: string; title: string; detail?: string }[] }>(`${AGENCY}/accounts/${clientId}/timeline`),
  rates: () => getJson<{ items: Rate[] }>(`${AGENCY}/rates`),
  addRate: (body: Record<string, unknown>) => request<Rate>(`${AGENCY}/rates`, { method: 'POST', body }),
  settings: () => getJson<AgencySettings>(`${AGENCY}/settings`),
  saveSettings: (s: AgencySettings, patch: Partial<AgencySettings>) =>
    request<AgencySettings>(`${AGENCY}/settings`, { method: 'PATCH', body: patch, ifMatch: etagOf(s.version) }),
}
