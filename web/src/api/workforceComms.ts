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
