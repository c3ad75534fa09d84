// The coordinator's communication API (issue 4): payroll escalation tickets.
import { ApiError, errorMessage, getJson, request } from './http'
import type { Row } from './workforce'

const V1 = '/api/v1'

export const PAYROLL_KINDS = ['missing_pay', 'wrong_rate', 'final_pay', 'deduction', 'tax_form', 'direct_deposit', 'other']
export const PAYROLL_STATUSES = ['open', 'sent_to_payroll', 'awaiting_worker', 'awaiting_client', 'resolved']

export interface PayrollTicket extends Row {
  client_id: number | null
  worker_id: number
  assignment_id: number | null
  worker_name: string
  client_name: string | null
  kind: string
  status: string
  subject: string
  pay_period_start: string | null
  pay_period_end: string | null
  amount: string | null
  currency: string | null
  research_notes: string | null
  payroll_reference: string | null
  due_date: string | null
  opened_by: string | null
  sent_to_payroll_at: string | null
  resolution: string | null
  resolved_by: string | null
  resolved_at: string | null
}

export interface PayrollSummary {
  payroll_tickets: { count: number; by_status: Record<string, number> }
  payroll_followups: { count: number; items: PayrollTicket[] }
}

/** The steps a ticket in `status` can take (payroll_ticket.cpp's table). */
export function payrollSteps(status: string): string[] {
  switch (status) {
    case 'open':
      return ['send_to_payroll', 'await_worker', 'await_client', 'resolve']
    case 'sent_to_payroll':
      return ['await_worker', 'await_client', 'resolve']
    case 'awaiting_worker':
      return ['send_to_payroll', 'await_client', 'resolve']
    case 'awaiting_client':
      return ['send_to_payroll', 'await_worker', 'resolve']
    case 'resolved':
      return ['reopen']
    default:
      return []
  }
}

export async function openPayrollTicket(workerId: number, body: Record<string, unknown>) {
  return (await request<PayrollTicket>(`${V1}/workers/${workerId}/payroll-tickets`, { method: 'POST', body })).data
}
export async function updatePayrollTicket(t: PayrollTicket, body: Record<string, unknown>) {
  return (await request<PayrollTicket>(`${V1}/payroll-tickets/${t.id}`, { method: 'PATCH', body, ifMatch: `"${t.version}"` })).data
}
export async function payrollStep(t: PayrollTicket, action: string, body: Record<string, unknown>) {
  return (
    await request<PayrollTicket>(`${V1}/payroll-tickets/${t.id}/${action}`, { method: 'POST', body, ifMatch: `"${t.version}"` })
  ).data
}
export function payrollSummary() {
  return getJson<PayrollSummary>(`${V1}/payroll-tickets/summary`)
}

/** The error with each field's message ("resolution: Say how the ticket was resolved."). */
export function problemText(e: unknown): string {
  if (e instanceof ApiError && e.fieldErrors.length) {
    return [errorMessage(e), ...e.fieldErrors.map((f) => `${f.field}: ${f.message}`)].join('\n')
  }
  return errorMessage(e)
}

export interface TimelineAttachment {
  name: string
  content_type: string
  size: number
  sha256: string
  file_id: number
}
export const timelineAttachmentUrl = (entryId: number, index: number) => `${V1}/workforce/timeline/${entryId}/attachments/${index}`

export interface ChatImportResult {
  imported: number
  already_imported: number
  unmatched: number
  workers: number
}
/** A Slack or Google Chat export's files (their paths inside the export, their JSON text). */
export async function importChat(source: 'slack' | 'google_chat', files: { name: string; content: string }[]) {
  return (await request<ChatImportResult>(`${V1}/workforce/chat-imports`, { method: 'POST', query: { source }, body: { files } })).data
}

export const KNOWLEDGE_TOPICS = ['flsa_status', 'overtime', 'final_pay', 'co_employment', 'benefits', 'wages', 'other']
export interface Citation {
  label: string
  url?: string
}
export interface KnowledgeArticle extends Row {
  title: string
  topic: string
  body: string
  citations: Citation[]
  status: string
  edited_by: string | null
  reply_text?: string
}
export interface KnowledgeRevision {
  version: number
  title: string
  topic: string
  body: string
  citations: Citation[]
  status: string
  edited_by: string
  at: string
}
export async function saveArticle(article: KnowledgeArticle | null, body: Record<string, unknown>) {
  if (!article) return (await request<KnowledgeArticle>(`${V1}/knowledge`, { method: 'POST', body })).data
  return (await request<KnowledgeArticle>(`${V1}/knowledge/${article.id}`, { method: 'PATCH', body, ifMatch: `"${article.version}"` })).data
}
export function articleRevisions(id: number) {
  return getJson<{ items: KnowledgeRevision[] }>(`${V1}/knowledge/${id}/revisions`)
}
/** A question Level 1 cannot answer, to the HRBP or the account executive: a task with a due date. */
export async function askLevelTwo(workerId: number, body: { question: string; to: string; due_date?: string; article_id?: number }) {
  return (await request<Row>(`${V1}/workers/${workerId}/level2-questions`, { method: 'POST', body })).data
}
/** "label | url" lines ⇄ citations. */
export function citationsFromText(text: string): Citation[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [label, url] = l.split(' | ')
      return url ? { label: label.trim(), url: url.trim() } : { label: label.trim() }
    })
}
export function citationsToText(citations: Citation[]): string {
  return citations.map((c) => (c.url ? `${c.label} | ${c.url}` : c.label)).join('\n')
}
