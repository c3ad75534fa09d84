import { buildQuery, getJson, request } from './http'
import type { AuditEvent, Job, Page } from './types'

const AUDIT = '/api/v1/audit'

export interface AuditFilters {
  q?: string
  entity?: string | null
  action?: string | null
  actor_id?: string | null
  from?: string | null
  to?: string | null
  sort?: string
}

function query(f: AuditFilters) {
  return {
    q: f.q || undefined,
    entity: f.entity || undefined,
    action: f.action || undefined,
    actor_id: f.actor_id || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    sort: f.sort || undefined,
  }
}

export function listAuditEvents(f: AuditFilters, cursor?: string | null, limit = 50) {
  return getJson<Page<AuditEvent>>(AUDIT, { ...query(f), limit, cursor: cursor || undefined })
}

export function auditExportUrl(format: 'csv' | 'xlsx', f: AuditFilters) {
  return `${AUDIT}/export.${format}${buildQuery(query(f))}`
}

/** The chain check's result, on its job once it succeeds. */
export interface AuditVerifyResult {
  ok: boolean
  events: number
  first_bad_seq: number | null
  problem: string
}
export type AuditVerifyJob = Job & { result?: AuditVerifyResult | null }

export async function startAuditVerify() {
  return (await request<Job>(`${AUDIT}/verify`, { method: 'POST' })).data
}
