// Workforce management: /api/v1/wfm (internal roles).
import { buildQuery, getJson, request } from './http'
import type { Job, Page } from './types'

const WFM = '/api/v1/wfm'

export interface WfmQueue {
  id: number
  key: string
  name: string
  time_zone: string
  interval_min: number
  target_sl: number
  target_s: number
  max_occupancy: number
  shrinkage: number
  patience_s: number | null
  max_abandonment: number
  contacts: number
  version: number
  updated_at: string
}

export interface WfmContact {
  id: number
  queue_id: number
  queue_key: string
  call_id: string
  arrived_at: string
  handle_s: number
  outcome: 'answered' | 'abandoned'
  wait_s: number
}

export interface AccuracyLevel {
  mape: number | null
  wape: number | null
  points: number
  zero_actuals: number
}

export type ForecastState = 'queued' | 'running' | 'succeeded' | 'failed'
export const FORECAST_STATES: ForecastState[] = ['queued', 'running', 'succeeded', 'failed']

export interface WfmForecast {
  id: number
  queue_id: number
  queue_key: string
  queue_name: string
  state: ForecastState
  job_id: number | null
  interval_min: number
  holdout_days: number
  horizon_days: number
  history_from: string
  history_to: string
  forecast_from: string
  accuracy: { interval?: AccuracyLevel; daily?: AccuracyLevel }
  params: { alpha?: number; beta?: number; gamma?: number; trend?: boolean; seasonality?: string }
  error: string
  created_at: string
  updated_at: string
  series?: {
    forecast?: { contacts: number[]; aht_s: number[]; daily: number[] }
    backtest?: { first_day: string; actual: number[]; forecast: number[]; forecast_daily: number[] }
  }
}

export interface PlanInterval {
  day: string
  start: string
  contacts: number
  actual: number | null
  aht_s: number
  agents: number
  positions: number
  service_level: number
  asa_s: number | null
  occupancy: number
  p_abandon: number
  scheduled: number
  gap: number
}

export interface StaffingPlan {
  forecast_id: number
  queue: WfmQueue
  targets: { target_sl: number; target_s: number; max_occupancy: number; shrinkage: number; patience_s: number | null }
  interval_min: number
  summary: {
    intervals: number
    understaffed_intervals: number
    overstaffed_intervals: number
    short_position_hours: number
    peak_positions: number
    model: string
  }
  intervals: PlanInterval[]
}

export interface StaffingRequest {
  contacts: number
  interval_min: number
  aht_s: number
  target_sl: number
  target_s: number
  shrinkage?: number
  max_occupancy?: number
  patience_s?: number | null
  max_abandonment?: number
}

export interface StaffingResult {
  model: string
  agents: number
  positions: number
  traffic: number
  service_level: number
  p_wait: number
  asa_s: number | null
  occupancy: number
  p_abandon: number
}

export interface WfmImportReport {
  rows: number
  created: number
  updated: number
  unchanged: number
  queues_created: number
  dry_run: boolean
}

/** A job as the import screen reads it: its result is the import report. */
export type WfmImportJob = Job & { result?: Partial<WfmImportReport> | null }

export type Filters = Record<string, string | null | undefined>

/** A WFM list: `/wfm/<what>` with q, sort, filters and a cursor. */
export function listWfm<T>(what: 'queues' | 'contacts' | 'forecasts', filters: Filters, cursor?: string | null, limit = 50) {
  return getJson<Page<T>>(`${WFM}/${what}`, { ...filters, cursor: cursor ?? undefined, limit })
}
export function wfmExportUrl(what: 'queues' | 'contacts' | 'forecasts', format: 'csv' | 'xlsx', filters: Filters) {
  return `${WFM}/${what}/export.${format}${buildQuery(filters)}`
}

export function getForecast(id: number) {
  return getJson<WfmForecast>(`${WFM}/forecasts/${id}`)
}
export async function startForecast(queueId: number, body: { holdout_days?: number; horizon_days?: number; history_days?: number }) {
  return (await request<WfmForecast>(`${WFM}/queues/${queueId}/forecasts`, { method: 'POST', body })).data
}
export function getStaffingPlan(forecastId: number) {
  return getJson<StaffingPlan>(`${WFM}/forecasts/${forecastId}/staffing`)
}
export function staffingExportUrl(forecastId: number, format: 'csv' | 'xlsx') {
  return `${WFM}/forecasts/${forecastId}/staffing.${format}`
}
export async function calculateStaffing(body: StaffingRequest) {
  return (await request<StaffingResult>(`${WFM}/staffing`, { method: 'POST', body })).data
}
export async function importCallDetail(csv: string, fileName: string) {
  return (await request<Job>(`${WFM}/contacts/import${buildQuery({ file_name: fileName })}`, { method: 'POST', rawBody: csv, contentType: 'text/csv' })).data
}
export async function importSchedule(csv: string, fileName: string) {
  return (await request<WfmImportReport>(`${WFM}/schedule/import${buildQuery({ file_name: fileName })}`, { method: 'POST', rawBody: csv, contentType: 'text/csv' })).data
}
/** A roster of named agents' shifts: agent, queue, date, start, end (all or nothing). */
export async function importShifts(csv: string, fileName: string) {
  return (await request<WfmImportReport>(`${WFM}/shifts/import${buildQuery({ file_name: fileName })}`, { method: 'POST', rawBody: csv, contentType: 'text/csv' })).data
}

export async function setSchedule(queueId: number, entries: { date: string; start: string; scheduled: number }[]) {
  return (await request<{ changed: number }>(`${WFM}/queues/${queueId}/schedule`, { method: 'PUT', body: { entries } })).data
}
export async function updateQueue(id: number, version: number, changes: Partial<WfmQueue>) {
  return (await request<WfmQueue>(`${WFM}/queues/${id}`, { method: 'PATCH', body: changes, ifMatch: `"${version}"` })).data
}
