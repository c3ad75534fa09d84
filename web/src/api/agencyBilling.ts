// Agency billing: job expenses, and invoice payments, deliveries and credit notes under /api/v1/agency.
import { buildQuery, getJson, request } from './http'
import { AGENCY } from './agency'
import type { Page } from './types'

export interface Expense {
  id: number
  client_id: number
  job_id: number
  job_number: string
  expense_date: string
  supplier: string
  category: string
  description: string
  cost: string
  currency: string
  markup_percent: string
  billable: boolean
  amount: string
  state: 'submitted' | 'approved' | 'rejected' | 'invoiced'
  frozen: boolean
  receipt_name: string
  has_receipt: boolean
  invoice_id: number | null
  decided_by: string
  reject_reason: string
  version: number
}

export interface ExpenseFilters {
  q?: string
  job_id?: string | null
  state?: string | null
  category?: string | null
  billable?: string | null
  sort?: string
}

export const EXPENSE_STATES = ['submitted', 'approved', 'rejected', 'invoiced'] as const

const etagOf = (version: number) => `"${version}"`
/** A filter object as query parameters: empty text and null filters are left out. */
function compact(f: object): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(f)) out[k] = v === null || v === '' || v === undefined ? undefined : String(v)
  return out
}
export const expenses = {
  list: (f: ExpenseFilters, cursor?: string | null, limit = 50) =>
    getJson<Page<Expense>>(`${AGENCY}/expenses`, { ...compact(f), limit, cursor: cursor || undefined }),
  exportUrl: (format: 'csv' | 'xlsx', f: ExpenseFilters) => `${AGENCY}/expenses/export.${format}${buildQuery(compact(f))}`,
  create: (body: Record<string, unknown>) => request<Expense>(`${AGENCY}/expenses`, { method: 'POST', body }),
  edit: (x: Expense, body: Record<string, unknown>) =>
    request<Expense>(`${AGENCY}/expenses/${x.id}`, { method: 'PATCH', body, ifMatch: etagOf(x.version) }),
  remove: (x: Expense) => request<void>(`${AGENCY}/expenses/${x.id}`, { method: 'DELETE', ifMatch: etagOf(x.version) }),
  decide: (x: Expense, action: 'approve' | 'reject' | 'resubmit', reason?: string) =>
    request<Expense>(`${AGENCY}/expenses/${x.id}/${action}`, {
      method: 'POST',
      body: reason ? { reason } : {},
      ifMatch: etagOf(x.version),
    }),
  attachReceipt: (x: Expense, file: File) =>
    request<Expense>(`${AGENCY}/expenses/${x.id}/receipt`, {
      method: 'PUT',
      query: { file_name: file.name },
      rawBody: file,
      contentType: file.type || 'application/octet-stream',
      ifMatch: etagOf(x.version),
    }),
  receiptUrl: (x: Expense) => `${AGENCY}/expenses/${x.id}/receipt`,
}

export interface InvoiceLine {
  description: string
  quantity: string
  unit: string
  unit_price: string
  amount: string
}

export interface InvoicePayment {
  id: number
  received_on: string
  amount: string
  reference: string
  recorded_by: string
  created_at: string
}

export interface InvoiceDelivery {
  id: number
  channel: string
  status: string
  sent_to: string
  note: string
  recorded_by: string
  created_at: string
  outbox_id: number | null
}

export type InvoiceStage = 'draft' | 'issued' | 'sent' | 'partially_paid' | 'overdue' | 'paid' | 'credited'

export interface InvoiceDetail {
  id: number
  client_id: number
  job_id: number
  job_number: string
  kind: 'invoice' | 'credit_note'
  status: 'draft' | 'issued'
  stage: InvoiceStage
  number: string | null
  source: string
  currency: string
  lines: InvoiceLine[]
  tax_percent: string
  issue_date: string | null
  due_date: string | null
  credited_invoice_id: number | null
  credited_invoice_number: string
  subtotal: string
  tax: string
  total: string
  paid: string
  credited: string
  delivery_status: string
  delivered_to: string
  delivered_at: string | null
  payment: { state: string; overdue: boolean; outstanding: string } | null
  payments: InvoicePayment[]
  deliveries: InvoiceDelivery[]
  version: number
}

export interface InvoiceFilters {
  q?: string
  status?: string | null
  kind?: string | null
  delivery_status?: string | null
  job_id?: string | null
  sort?: string
}

export const STAGE_COLOR: Record<InvoiceStage, string> = {
  draft: 'gray', issued: 'blue', sent: 'cyan', partially_paid: 'yellow', overdue: 'red', paid: 'green', credited: 'grape',
}

export const invoices = {
  list: (f: InvoiceFilters, cursor?: string | null, limit = 50) =>
    getJson<Page<InvoiceDetail>>(`${AGENCY}/invoices`, { ...compact(f), limit, cursor: cursor || undefined }),
  exportUrl: (format: 'csv' | 'xlsx', f: InvoiceFilters) => `${AGENCY}/invoices/export.${format}${buildQuery(compact(f))}`,
  get: (id: number) => getJson<InvoiceDetail>(`${AGENCY}/invoices/${id}`),
  pdfUrl: (i: InvoiceDetail) => `${AGENCY}/invoices/${i.id}/pdf`,
  issue: (i: InvoiceDetail) =>
    request<InvoiceDetail>(`${AGENCY}/invoices/${i.id}/issue`, { method: 'POST', body: {}, ifMatch: etagOf(i.version) }),
  recordDelivery: (i: InvoiceDetail, body: { channel: string; delivery_status: string; delivered_to: string; note?: string }) =>
    request<InvoiceDetail>(`${AGENCY}/invoices/${i.id}/delivery`, { method: 'POST', body, ifMatch: etagOf(i.version) }),
  recordPayment: (i: InvoiceDetail, body: { amount: string; received_on?: string; reference: string }) =>
    request<InvoiceDetail>(`${AGENCY}/invoices/${i.id}/payments`, { method: 'POST', body, ifMatch: etagOf(i.version) }),
  email: (i: InvoiceDetail, body: { to?: string; note?: string }) =>
    request<InvoiceDetail>(`${AGENCY}/invoices/${i.id}/email`, { method: 'POST', body, ifMatch: etagOf(i.version) }),
  credit: (i: InvoiceDetail, body: { line_indexes?: number[]; amount?: string; reason?: string }) =>
    request<InvoiceDetail>(`${AGENCY}/invoices/${i.id}/credit-notes`, { method: 'POST', body }),
}
