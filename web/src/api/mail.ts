// The outbox: every e-mail concord sends on its own, its delivery state, resend and a relay test.
import { buildQuery, getJson, request } from './http'
import type { Page } from './types'

const OUTBOX = '/api/v1/mail/outbox'

export const OUTBOX_STATUSES = ['queued', 'sent', 'held', 'failed'] as const

export interface OutboxMessage {
  id: number
  status: (typeof OUTBOX_STATUSES)[number]
  to: string[]
  subject: string
  text: string
  reply_to: string
  /** The sender when not the configured one (a service-desk queue's address). */
  from: string
  in_reply_to: string
  purpose: string
  entity: string
  entity_id: string
  client_id: number | null
  created_by: number | null
  message_id: string
  attempts: number
  last_error: string
  created_at: string
  sent_at: string | null
  attachments: string[]
}

export interface OutboxFilters {
  status?: string | null
  purpose?: string | null
  q?: string
  sort?: string
}

function query(f: OutboxFilters) {
  return { status: f.status || undefined, purpose: f.purpose || undefined, q: f.q || undefined, sort: f.sort || undefined }
}

export function listOutbox(f: OutboxFilters, cursor?: string | null, limit = 50) {
  return getJson<Page<OutboxMessage>>(OUTBOX, { ...query(f), limit, cursor: cursor || undefined })
}

export function outboxExportUrl(format: 'csv' | 'xlsx', f: OutboxFilters) {
  return `${OUTBOX}/export.${format}${buildQuery(query(f))}`
}

export async function resendOutboxMessage(id: number) {
  return (await request<OutboxMessage>(`${OUTBOX}/${id}/resend`, { method: 'POST' })).data
}

export async function sendTestMail(to: string) {
  return (await request<OutboxMessage>('/api/v1/mail/test', { method: 'POST', body: { to } })).data
}
