// The service desk's configuration (queues, SLA policies, business calendars) and the supervisor's board.
import { getJson, request } from './http'
import type { ServiceCase } from './service'

const V1 = '/api/v1'

export interface QueueMember {
  user_id: number
  name?: string
  skills: string[]
  capacity: number
}

export interface DeskQueue {
  id: number
  name: string
  strategy: string
  category: string | null
  language: string | null
  client_id: number | null
  inbound_address: string
  members: QueueMember[]
  version: number
}

export interface Escalation {
  metric: string
  before_due_min: number
  action: string
  target: string
}

export interface SlaPolicy {
  id: number
  name: string
  calendar_id: number
  first_response_min: number | null
  next_response_min: number | null
  resolution_min: number | null
  due_soon_min: number
  pause_statuses: string[]
  escalations: Escalation[]
  client_id: number | null
  category: string | null
  priority: string | null
  active: boolean
  version: number
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

export interface ServiceCalendar {
  id: number
  name: string
  time_zone: string
  weekly_hours: Record<string, string[]>
  holidays: string[]
  version: number
}

export type ConfigKind = 'queues' | 'sla-policies' | 'service-calendars'

export function listConfig<T>(kind: ConfigKind) {
  return getJson<{ items: T[] }>(`${V1}/${kind}`)
}

/** Creates (no id) or replaces (id, with its version for If-Match) one configuration record. */
export function saveConfig<T extends { id: number; version: number }>(kind: ConfigKind, record: Omit<T, 'id' | 'version'>, existing?: { id: number; version: number } | null) {
  if (existing) return request<T>(`${V1}/${kind}/${existing.id}`, { method: 'PUT', body: record, ifMatch: `"${existing.version}"` })
  return request<T>(`${V1}/${kind}`, { method: 'POST', body: record })
}

export interface BoardAgent {
  user_id: number
  name: string
  queues: string[]
  capacity: number
  load: number
  open_cases: number
  utilization_pct: number
  over_capacity: boolean
}

export interface BoardCase extends ServiceCase {
  weight: number
}

export interface Board {
  agents: BoardAgent[]
  cases: BoardCase[]
  open_total: number
  case_limit: number
}

export function getBoard(queueId: number | null) {
  return getJson<Board>(`${V1}/service/board`, { queue_id: queueId ?? undefined })
}

export function reassign(caseIds: number[], assigneeId: number | null) {
  return request<{ items: ServiceCase[] }>(`${V1}/service/board/reassign`, { method: 'POST', body: { case_ids: caseIds, assignee_id: assigneeId } })
}
