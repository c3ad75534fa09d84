// The workforce API (issue 4): programmes, workers, PSRs, assignments, timecards, reports, the VMS audit.
import { buildQuery, getJson, request } from './http'
import type { Job, Page } from './types'

const V1 = '/api/v1'

export type Row = Record<string, unknown> & { id: number; version: number }

export interface ChecklistItem {
  id: string
  title: string
  citation: string
  required: boolean
  due: string | null
  done: boolean
  waived: boolean
  note: string
}
export interface Checklist {
  template_version: string
  items: ChecklistItem[]
}
export interface Assignment extends Row {
  client_id: number
  programme_id: number
  worker_id: number
  worker_name: string
  client_name: string
  programme_name: string
  title: string
  manager_name: string | null
  location: string | null
  work_state: string | null
  work_country: string | null
  cost_centre: string | null
  start_date: string
  end_date: string | null
  status: string
  worker_type: string
  vms_work_order_id: string | null
  vms_update_pending: boolean
  pay_rate: string
  bill_rate: string
  currency: string
  rates: { effective_from: string; pay_rate: string; bill_rate: string }[] | null
  checklist: Checklist | null
  offboarding: Checklist | null
  end_reason: string | null
  last_day_worked: string | null
  final_pay: { applies: boolean; due_date?: string; rule: string; citation?: string; separation?: string } | null
  /** Open while a contractor's extension or material revision waits for a new classification determination. */
  classification_recheck?: { reason: string; citations: string[]; opened_on: string; task_id: number } | null
}

export type ListFilters = Record<string, string | null | undefined>

function clean(f: ListFilters): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(f)) out[k] = v ? v : undefined
  return out
}

export function listRecords<T = Row>(path: string, f: ListFilters, cursor?: string | null, limit = 50) {
  return getJson<Page<T>>(`${V1}/${path}`, { ...clean(f), limit, cursor: cursor || undefined })
}
/** The list's XLSX as a background job (202 with the job to follow). */
export async function startExportJob(path: string, f: ListFilters): Promise<Job> {
  return (await request<Job>(`${V1}/exports/${path}`, { method: 'POST', body: {}, query: clean(f) })).data
}
export function exportUrl(path: string, format: 'csv' | 'xlsx', f: ListFilters) {
  return `${V1}/${path}/export.${format}${buildQuery(clean(f))}`
}
export async function getRecord<T = Row>(path: string, id: number | string): Promise<T> {
  return (await request<T>(`${V1}/${path}/${id}`)).data
}
export async function createRecord<T = Row>(path: string, body: unknown): Promise<T> {
  return (await request<T>(`${V1}/${path}`, { method: 'POST', body })).data
}
export async function patchRecord<T = Row>(path: string, record: Row, body: unknown): Promise<T> {
  return (await request<T>(`${V1}/${path}/${record.id}`, { method: 'PATCH', body, ifMatch: `"${record.version}"` })).data
}

export async function assignmentEvent(a: Row, body: Record<string, unknown>): Promise<Assignment> {
  return (
    await request<Assignment>(`${V1}/assignments/${a.id}/events`, { method: 'POST', body, ifMatch: `"${a.version}"` })
  ).data
}
export async function checklistAction(a: Row, list: 'checklist' | 'offboarding', item: string, action: string, note = '') {
  return (
    await request<Assignment>(`${V1}/assignments/${a.id}/${list}/${item}`, {
      method: 'POST',
      body: { action, note },
      ifMatch: `"${a.version}"`,
    })
  ).data
}
export async function uploadDocument(assignmentId: number, itemId: string, file: File) {
  return (
    await request<Row>(`${V1}/assignments/${assignmentId}/documents`, {
      method: 'POST',
      query: { item_id: itemId, file_name: file.name },
      rawBody: file,
      contentType: file.type || 'application/octet-stream',
    })
  ).data
}
export const documentUrl = (id: number) => `${V1}/workforce/documents/${id}/download`
export const separationLetterUrl = (id: number) => `${V1}/assignments/${id}/separation-letter.pdf`
export function revisions(id: number) {
  return getJson<{ items: { revision: number; action: string; effective_date: string | null; actor_name: string; at: string }[] }>(
    `${V1}/assignments/${id}/revisions`,
  )
}
export async function convertPsr(psr: Row): Promise<Assignment> {
  return (await request<Assignment>(`${V1}/psrs/${psr.id}/convert`, { method: 'POST', ifMatch: `"${psr.version}"` })).data
}
export interface PsrImportResult {
  created: number
  updated: number
  unchanged: number
  needs_details: number
  dry_run: boolean
}
export async function importPsrs(programmeId: number, csv: string, fileName: string, dryRun: boolean) {
  return (
    await request<PsrImportResult>(`${V1}/psrs/import`, {
      method: 'POST',
      query: { programme_id: programmeId, file_name: fileName, dry_run: dryRun ? 'true' : 'false' },
      rawBody: csv,
      contentType: 'text/csv',
    })
  ).data
}
export async function classify(assignmentId: number, answers: Record<string, boolean>) {
  return (await request<Row>(`${V1}/assignments/${assignmentId}/classification`, { method: 'POST', body: { answers } })).data
}
export async function approveDetermination(d: Row, note: string) {
  return (await request<Row>(`${V1}/determinations/${d.id}/approve`, { method: 'POST', body: { note }, ifMatch: `"${d.version}"` })).data
}
export function questionnaire() {
  return getJson<{ version: string; questions: { id: string; framework: string; category: string; text: string; citation: string }[] }>(
    `${V1}/workforce/questionnaire`,
  )
}
export async function addTimeline(workerId: number, body: Record<string, unknown>) {
  return (await request<Row>(`${V1}/workers/${workerId}/timeline`, { method: 'POST', body })).data
}

export type Hours = Record<'regular' | 'overtime' | 'double_time', string[]>
export async function saveTimecard(assignmentId: number, weekStart: string, hours: Hours) {
  return (await request<Row>(`${V1}/assignments/${assignmentId}/timecards/${weekStart}`, { method: 'PUT', body: { hours } })).data
}
/** A record's decision (submit, approve/accept, reject with a reason) with If-Match: timecards, expenses, deliverables. */
export async function timecardAction(kind: 'timecards' | 'expenses' | 'deliverables', t: Row, action: string, reason = '') {
  return (await request<Row>(`${V1}/${kind}/${t.id}/${action}`, { method: 'POST', body: { reason }, ifMatch: `"${t.version}"` })).data
}

export function home(today?: string) {
  return getJson<Record<string, { count: number; items?: Row[] } & Record<string, unknown>>>(`${V1}/workforce/home`, {
    today,
  })
}
export function report(name: string, query: Record<string, string | undefined> = {}) {
  return getJson<{ items: Row[]; total: number }>(`${V1}/workforce/reports/${name}`, query)
}
export const reportExportUrl = (name: string, format: 'csv' | 'xlsx', query: Record<string, string | undefined> = {}) =>
  `${V1}/workforce/reports/${name}/export.${format}${buildQuery(query)}`

export interface AuditProgramme {
  programme_id: number
  programme_name: string
  client_id: number
  client_name: string
  alignment: string | null
  open_exceptions: number
  vms_update_pending: number
  spec_id: number
  trend: { run_id: number; finished_at: string; alignment: string | null }[]
}
export function vmsAudit() {
  return getJson<{ programmes: AuditProgramme[]; clients: { client_id: number; client_name: string; alignment: string | null }[] }>(
    `${V1}/workforce/vms-audit`,
  )
}
export async function startVmsAudit(programmeId: number, csv: string, fileName: string) {
  return (
    await request<{ run_id: number; job_id: number | null; state: string }>(`${V1}/programmes/${programmeId}/vms-audit/runs`, {
      method: 'POST',
      query: { file_name: fileName },
      rawBody: csv,
      contentType: 'text/csv',
    })
  ).data
}
/** The weekly VMS audit's schedule: the export the VMS drops on the server, read on a cron (UTC). */
export interface VmsAuditScheduleInfo {
  cron: string
  vms_export_path: string
  next_run_at?: string
}
export function getVmsAuditSchedule(programmeId: number) {
  return getJson<VmsAuditScheduleInfo | null>(`${V1}/programmes/${programmeId}/vms-audit/schedule`)
}
export async function scheduleVmsAudit(programmeId: number, body: VmsAuditScheduleInfo) {
  return (await request<VmsAuditScheduleInfo>(`${V1}/programmes/${programmeId}/vms-audit/schedule`, { method: 'PUT', body })).data
}
export async function unscheduleVmsAudit(programmeId: number) {
  return (await request<null>(`${V1}/programmes/${programmeId}/vms-audit/schedule`, { method: 'DELETE' })).data
}
export async function applyVmsAudit(programmeId: number) {
  return (await request<{ run_id: number; cleared: number; still_differing: string[] }>(`${V1}/programmes/${programmeId}/vms-audit/apply`, {
    method: 'POST',
  })).data
}

/** Service cases linked to a worker, an assignment or a PSR (the case carries the link back). */
export type CaseLinkedKind = 'workers' | 'assignments' | 'psrs'
export interface LinkedCase {
  id: number
  subject: string
  status: string
  priority: string
  category: string
  created_at: string
}
export function linkedCases(kind: CaseLinkedKind, id: number) {
  return getJson<{ items: LinkedCase[] }>(`${V1}/${kind}/${id}/cases`)
}
export async function openLinkedCase(kind: CaseLinkedKind, id: number, body: { subject: string; description?: string; priority?: string }) {
  return (await request<LinkedCase>(`${V1}/${kind}/${id}/cases`, { method: 'POST', body })).data
}

export interface TimecardImportResult {
  created: number
  updated: number
  unchanged: number
}
/** Timecards from a VMS time export (one row per work order, day and rate category); all or nothing. */
export async function importTimecards(programmeId: number, csv: string, fileName: string) {
  return (
    await request<TimecardImportResult>(`${V1}/timecards/import`, {
      method: 'POST',
      query: { programme_id: programmeId, file_name: fileName },
      rawBody: csv,
      contentType: 'text/csv',
    })
  ).data
}

/** The expense's receipt: uploaded raw (kept with its SHA-256), downloaded in the expense's scope. */
export async function uploadReceipt(expenseId: number, file: File) {
  return (
    await request<Row>(`${V1}/expenses/${expenseId}/receipt`, {
      method: 'POST',
      query: { file_name: file.name },
      rawBody: file,
      contentType: file.type || 'application/octet-stream',
    })
  ).data
}
export const receiptUrl = (expenseId: number) => `${V1}/expenses/${expenseId}/receipt`

export interface ReminderRun {
  report: string
  week_of: string
  sent: number
  already_sent: number
}
/** Templated reminders on each worker's timeline for a report's rows, once per record and week. */
export async function sendReminders(report: 'missing-timecards' | 'pending-approvals' | 'rejected', weekStart?: string) {
  const query = weekStart ? { week_start: weekStart } : undefined
  return (await request<ReminderRun>(`${V1}/workforce/reports/${report}/reminders`, { method: 'POST', body: {}, query })).data
}

/** A programme's message or letter template (its own text, or the default). */
export interface MessageTemplate {
  kind: string
  title: string
  placeholders: { name: string; example: string }[]
  custom: boolean
  subject: string
  body: string
  default_subject: string
  default_body: string
  version: number
  updated_at: string | null
}
const templatesPath = (programmeId: number) => `${V1}/programmes/${programmeId}/templates`
export function programmeTemplates(programmeId: number) {
  return getJson<{ items: MessageTemplate[] }>(templatesPath(programmeId))
}
export async function saveTemplate(programmeId: number, kind: string, body: { subject: string; body: string; version: number }) {
  return (await request<MessageTemplate>(`${templatesPath(programmeId)}/${kind}`, { method: 'PUT', body })).data
}
export async function resetTemplate(programmeId: number, kind: string) {
  return (await request<MessageTemplate>(`${templatesPath(programmeId)}/${kind}`, { method: 'DELETE' })).data
}
export async function previewTemplate(programmeId: number, kind: string, body: { subject: string; body: string }) {
  return (await request<{ subject: string; body: string }>(`${templatesPath(programmeId)}/${kind}/preview`, { method: 'POST', body })).data
}
