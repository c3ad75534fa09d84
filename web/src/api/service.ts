// The service desk's API: cases, timelines, SLA, macros, queues and the manager's dashboard.
import { buildQuery, getJson, request } from './http'
import type { Page } from './types'

const V1 = '/api/v1'

export const CASE_STATUSES = ['new', 'open', 'pending_requester', 'pending_third_party', 'on_hold', 'solved', 'closed'] as const
export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export const SLA_STATES = ['ok', 'due_soon', 'paused', 'breached', 'met', 'none'] as const

export interface ServiceCase {
  id: number
  subject: string
  requester_kind: string
  requester_name: string
  requester_email: string
  client_id: number | null
  category: string
  priority: string
  status: string
  queue_id: number | null
  queue_name: string
  assignee_id: number | null
  assignee_name: string
  level: string
  tags: string[]
  channel: string
  sla_state: string
  sla_due_at: string | null
  first_response_at: string | null
  solved_at: string | null
  satisfaction: number | null
  links?: { entity_type: string; entity_id: number }[]
  version: number
  created_at: string
  updated_at: string
}

export interface CaseEntry {
  id: number
  kind: string
  public: boolean
  author_name: string
  body: string
  duration_s: number | null
  outcome: string
  status: string
  attachments: { name: string; content_type: string; size: number; file_id: number | null }[]
  mail?: { from: string; to: string; subject: string; message_id: string }
  created_at: string
}

export interface Macro {
  id: number
  name: string
  body: string
}

export interface CaseFilters {
  q?: string
  status?: string | null
  priority?: string | null
  sla_state?: string | null
  assignee_id?: string | null
  sort?: string
}

function filterQuery(f: CaseFilters) {
  return { q: f.q || undefined, status: f.status || undefined, priority: f.priority || undefined, sla_state: f.sla_state || undefined, assignee_id: f.assignee_id || undefined, sort: f.sort || undefined }
}

export function listCases(f: CaseFilters, cursor?: string | null, limit = 50) {
  return getJson<Page<ServiceCase>>(`${V1}/cases`, { ...filterQuery(f), limit, cursor: cursor || undefined })
}

export function caseExportUrl(format: 'csv' | 'xlsx', f: CaseFilters) {
  return `${V1}/cases/export.${format}${buildQuery(filterQuery(f))}`
}

export async function getCase(id: number) {
  const r = await request<ServiceCase>(`${V1}/cases/${id}`)
  return { data: r.data, etag: r.etag ?? `"${r.data.version}"` }
}

export function updateCase(id: number, body: Partial<ServiceCase>, etag: string | null) {
  return request<ServiceCase>(`${V1}/cases/${id}`, { method: 'PATCH', body, ifMatch: etag })
}

export function getTimeline(id: number) {
  return getJson<{ items: CaseEntry[] }>(`${V1}/cases/${id}/timeline`)
}

export interface EntryInput {
  kind: 'reply' | 'note' | 'call' | 'chat' | 'message'
  body: string
  set_status?: string | null
  duration_s?: number | null
  outcome?: string | null
}

export function addEntry(id: number, input: EntryInput) {
  return request<CaseEntry>(`${V1}/cases/${id}/entries`, { method: 'POST', body: input })
}

export function listMacros() {
  return getJson<{ items: Macro[] }>(`${V1}/macros`)
}

export function applyMacro(caseId: number, macroId: number) {
  return request<CaseEntry>(`${V1}/cases/${caseId}/macros/${macroId}`, { method: 'POST' })
}

export interface DashboardLine {
  key: string
  cases: number
  solved: number
  sla_met: number
  sla_breached: number
  sla_attainment_pct: number | null
  first_contact_resolution_pct: number | null
  avg_handle_s: number | null
  avg_satisfaction: number | null
}

export interface ServiceDashboard {
  total: DashboardLine
  by: DashboardLine[]
  backlog_by_age: { age: string; cases: number }[]
  created_per_day: { day: string; cases: number }[]
  breaches_by_metric: { metric: string; cases: number }[]
}

export function getDashboard(by: string, from?: string, to?: string) {
  return getJson<ServiceDashboard>(`${V1}/service/dashboard`, { by, from, to })
}

export function dashboardExportUrl(format: 'csv' | 'xlsx', by: string, from?: string, to?: string) {
  return `${V1}/service/dashboard/export.${format}${buildQuery({ by, from, to })}`
}

export interface NewCaseInput {
  subject: string
  description: string
  category: string
  priority: string
  client_id?: number | null
}

export function createCase(input: NewCaseInput) {
  return request<ServiceCase>(`${V1}/cases`, { method: 'POST', body: input })
}

/** Uploads one file onto the case's timeline (a message on the portal). */
export function attachToCase(caseId: number, file: File) {
  return request<CaseEntry>(`${V1}/cases/${caseId}/attachments${buildQuery({ file_name: file.name })}`, {
    method: 'POST',
    rawBody: file,
    contentType: file.type || 'application/octet-stream',
  })
}

export function attachmentUrl(caseId: number, fileId: number) {
  return `${V1}/cases/${caseId}/attachments/${fileId}`
}

export function answerSurvey(token: string, rating: number, comment: string) {
  return request<{ case_id: number; satisfaction: number }>(`${V1}/case-surveys`, { method: 'POST', body: { token, rating, comment } })
}

export interface ServiceNotification {
  id: number
  case_id: number
  message: string
  created_at: string
}

/** Your escalation and follow-up notifications, newest first. */
export async function listServiceNotifications() {
  return (await getJson<{ items: ServiceNotification[] }>(`${V1}/service/notifications`)).items
}
