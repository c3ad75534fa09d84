// Account status reports: one report per account over its live jobs, drafted, edited and e-mailed to the
// client; and the account's weekly schedule.
import { buildQuery, getJson, request } from './http'
import type { Page } from './types'
import { AGENCY } from './agency'

export interface MovedMilestone { name: string; was: string | null; now: string }
export interface AccountReportLine {
  job_id: number
  number: string
  title: string
  job_status: string
  health: string
  progress: number
  budget: string
  actual: string
  currency: string
  budget_used_percent: string | null
  milestones: { name: string; due: string }[]
  milestones_moved: MovedMilestone[]
}
export interface AccountReport {
  id: number
  client_id: number
  client_name: string
  state: 'draft' | 'sent'
  origin: 'manual' | 'schedule'
  narrative: string
  lines: AccountReportLine[]
  previous_id: number | null
  sent_at: string | null
  sent_to: string
  outbox_id: number | null
  author: string
  version: number
  created_at: string
  updated_at: string
}
export interface AccountReportSchedule { client_id: number; weekday: number | null; auto_send: boolean; send_to: string; version: number }
export interface AccountReportEdit { narrative?: string; lines?: { job_id: number; health?: string; progress?: number }[] }

export const HEALTHS = ['on_track', 'at_risk', 'off_track', 'on_hold', 'done']
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

const etagOf = (version: number) => `"${version}"`
const BASE = `${AGENCY}/account-status-reports`

export const accountReports = {
  list: (clientId: number) => getJson<Page<AccountReport>>(BASE, { client_id: clientId, sort: '-created_at' }),
  listExportUrl: (clientId: number, format: string) => `${BASE}/export.${format}${buildQuery({ client_id: clientId, sort: '-created_at' })}`,
  prepare: (clientId: number) => request<AccountReport>(`${AGENCY}/accounts/${clientId}/status-reports`, { method: 'POST', body: {} }),
  edit: (r: AccountReport, body: AccountReportEdit) =>
    request<AccountReport>(`${BASE}/${r.id}`, { method: 'PATCH', body, ifMatch: etagOf(r.version) }),
  send: (r: AccountReport, to: string) =>
    request<AccountReport>(`${BASE}/${r.id}/send`, { method: 'POST', body: to ? { to } : {}, ifMatch: etagOf(r.version) }),
  pdfUrl: (r: AccountReport) => `${BASE}/${r.id}/pdf`,
  xlsxUrl: (r: AccountReport) => `${BASE}/${r.id}/export.xlsx`,
  schedule: (clientId: number) => getJson<AccountReportSchedule>(`${AGENCY}/accounts/${clientId}/status-report-schedule`),
  saveSchedule: (s: AccountReportSchedule, body: Omit<AccountReportSchedule, 'client_id' | 'version'>) =>
    request<AccountReportSchedule>(`${AGENCY}/accounts/${s.client_id}/status-report-schedule`, { method: 'PUT', body, ifMatch: etagOf(s.version) }),
}
