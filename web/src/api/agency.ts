// Agency accounts: /api/v1/agency (jobs, estimates, time, invoices, reports, meetings).
import { buildQuery, getJson, request } from './http'
import type { Page } from './types'

export const AGENCY = '/api/v1/agency'

export interface JobAlert {
  code: string
  message: string
  days: number
  threshold_percent?: number
  percent_used?: string
}

export interface AgencyJob {
  id: number
  client_id: number
  client_name: string
  number: string
  title: string
  job_type: string
  description: string
  brief: string
  owner_name: string
  status: string
  billable: boolean
  currency: string
  due_date: string | null
  milestones: { name: string; due: string; done: boolean }[]
  budget: string
  actual: string
  billable_minutes: number
  has_approved_estimate: boolean
  lacks_approved_estimate: boolean
  alerts: JobAlert[]
  version: number
}

export interface EstimateLine {
  kind: 'labor' | 'expense' | 'fee'
  service: string
  description: string
  hours: string
  rate: string
  cost: string
  markup_percent: string
  amount?: string
}

export interface Estimate {
  id: number
  client_id: number
  job_id: number
  job_number: string
  number: string
  revision: number
  kind: 'original' | 'change_order'
  status: string
  currency: string
  lines: EstimateLine[]
  terms: string
  close_probability_percent: string
  expected_close: string | null
  sent_document_sha256: string | null
  approval: { approved_by: string; method: string; approved_at: string; document_sha256: string } | null
  totals: { labor: string; expenses: string; fees: string; markup: string; total: string }
  version: number
}

export interface TimeEntry {
  id: number
  client_id: number
  job_id: number
  job_number: string
  person: string
  service: string
  work_date: string
  minutes: number
  billable: boolean
  entered_at: string
  late: boolean
  state: string
  frozen: boolean
  version: number
}

export interface Invoice {
  id: number
  client_id: number
  job_id: number
  job_number: string
  kind: string
  status: string
  number: string | null
  total: string
  paid: string
  issue_date: string | null
  due_date: string | null
  delivery_status: string
  stage?: string
  payment: { state: string; overdue: boolean; outstanding: string } | null
  version: number
}

export interface StatusReport {
  id: number
  job_number: string
  status: string
  progress: number
  budget: string
  actual: string
  narrative: string
  milestones_moved: { name: string; was: string | null; now: string }[]
  sent_at: string | null
  created_at: string
  version: number
}

export interface ActionItem {
  id: number
  client_id: number | null
  text: string
  owner_name: string
  due_date: string | null
  done_at: string | null
  version: number
}

export interface ContactReport {
  id: number
  client_id: number
  client_name: string
  meeting_date: string
  attendees: { name: string; side: string; email?: string }[]
  discussion: string
  decisions: string
  distribute_by: string
  distributed_at: string | null
  distributed_late: boolean
  action_items: ActionItem[]
  version: number
}

export interface AgencyHome {
  today: string
  jobs_needing_attention: AgencyJob[]
  estimates_awaiting_approval: Estimate[]
  late_time: TimeEntry[]
  jobs_without_approved_loe: AgencyJob[]
}

export interface ForecastMonth {
  month: string
  pipeline: string
  committed: string
  burn: string
  expected: string
}

export interface Compliance {
  person: string
  entries: number
  late: number
  on_time_percent: string
}

type Query = Record<string, string | number | undefined>

const etagOf = (version: number) => `"${version}"`

export const agency = {
  home: () => getJson<AgencyHome>(`${AGENCY}/home`),
  jobs: (q: Query) => getJson<Page<AgencyJob>>(`${AGENCY}/jobs`, q),
  jobsExportUrl: (format: string, q: Query) => `${AGENCY}/jobs/export.${format}${buildQuery(q)}`,
  job: (id: number) => getJson<AgencyJob>(`${AGENCY}/jobs/${id}`),
  openJob: (body: Record<string, unknown>) => request<AgencyJob>(`${AGENCY}/jobs`, { method: 'POST', body }),
  setJobStatus: (job: AgencyJob, status: string) =>
    request<AgencyJob>(`${AGENCY}/jobs/${job.id}/status`, { method: 'POST', body: { status }, ifMatch: etagOf(job.version) }),
  estimates: (jobId: number) => getJson<Page<Estimate>>(`${AGENCY}/jobs/${jobId}/estimates`),
  createEstimate: (jobId: number, body: Record<string, unknown>) =>
    request<Estimate>(`${AGENCY}/jobs/${jobId}/estimates`, { method: 'POST', body }),
  editEstimate: (e: Estimate, body: Record<string, unknown>) =>
    request<Estimate>(`${AGENCY}/estimates/${e.id}`, { method: 'PATCH', body, ifMatch: etagOf(e.version) }),
  estimateAction: (e: Estimate, action: 'send' | 'approve' | 'decline', body?: unknown) =>
    request<Estimate>(`${AGENCY}/estimates/${e.id}/${action}`, { method: 'POST', body, ifMatch: etagOf(e.version) }),
  revise: (e: Estimate) => request<Estimate>(`${AGENCY}/estimates/${e.id}/revise`, { method: 'POST' }),
  changeOrder: (e: Estimate) => request<Estimate>(`${AGENCY}/estimates/${e.id}/change-orders`, { method: 'POST' }),
  loeUrl: (e: Estimate, sent: boolean) => `${AGENCY}/estimates/${e.id}/loe${sent ? '?sent=true' : ''}`,
  time: (q: Query) => getJson<Page<TimeEntry>>(`${AGENCY}/time`, q),
  timeExportUrl: (format: string, q: Query) => `${AGENCY}/time/export.${format}${buildQuery(q)}`,
  enterTime: (body: Record<string, unknown>) => request<TimeEntry>(`${AGENCY}/time`, { method: 'POST', body }),
  approveTime: (t: TimeEntry) =>
    request<TimeEntry>(`${AGENCY}/time/${t.id}/approve`, { method: 'POST', ifMatch: etagOf(t.version) }),
  invoices: (q: Query) => getJson<Page<Invoice>>(`${AGENCY}/invoices`, q),
  invoicesExportUrl: (format: string, q: Query) => `${AGENCY}/invoices/export.${format}${buildQuery(q)}`,
  draftInvoice: (body: Record<string, unknown>) => request<Invoice>(`${AGENCY}/invoices`, { method: 'POST', body }),
  issueInvoice: (i: Invoice) =>
    request<Invoice>(`${AGENCY}/invoices/${i.id}/issue`, { method: 'POST', body: {}, ifMatch: etagOf(i.version) }),
  invoicePdfUrl: (i: Invoice) => `${AGENCY}/invoices/${i.id}/pdf`,
  statusReports: (jobId: number) =>
    getJson<{ items: StatusReport[]; draft: StatusReport }>(`${AGENCY}/jobs/${jobId}/status-reports`),
  createStatusReport: (jobId: number, body: Record<string, unknown>) =>
    request<StatusReport>(`${AGENCY}/jobs/${jobId}/status-reports`, { method: 'POST', body }),
  statusReportUrl: (r: StatusReport, format: 'pdf' | 'xlsx') => `${AGENCY}/status-reports/${r.id}/export.${format}`,
  contactReports: () => getJson<Page<ContactReport>>(`${AGENCY}/contact-reports`),
  createContactReport: (body: Record<string, unknown>) =>
    request<ContactReport>(`${AGENCY}/contact-reports`, { method: 'POST', body }),
  actionItems: () => getJson<Page<ActionItem>>(`${AGENCY}/action-items`, { done: 'false', sort: 'due_date', limit: 200 }),
  completeActionItem: (a: ActionItem) =>
    request<ActionItem>(`${AGENCY}/action-items/${a.id}/done`, { method: 'POST', body: { done: true }, ifMatch: etagOf(a.version) }),
  forecast: (q: Query) => getJson<{ currency: string; months: ForecastMonth[] }>(`${AGENCY}/reports/forecast`, q),
  reportExportUrl: (name: string, format: string, q?: Query) => `${AGENCY}/reports/${name}/export.${format}${buildQuery(q)}`,
  compliance: (q: Query) => getJson<{ items: Compliance[] }>(`${AGENCY}/reports/time-compliance`, q),
  withoutLoe: () => getJson<{ items: AgencyJob[] }>(`${AGENCY}/reports/jobs-without-loe`),
}

export const minutesText = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`
