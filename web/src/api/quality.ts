// Quality reviews: the form, the sample of solved cases to review, scorecards and their report.
import { buildQuery, getJson, request } from './http'
import type { Page } from './types'

const V1 = '/api/v1'

export interface Criterion {
  key: string
  label: string
  weight: number
  rating?: number | null
}

export interface Scorecard {
  id: number
  case_id: number
  case_subject: string
  agent_id: number | null
  agent_name: string
  queue_id: number | null
  queue_name: string
  reviewer_name: string
  criteria: Criterion[]
  total_pct: number
  comment: string
  solved_at: string
  created_at: string
  version: number
}

export interface SampleCase {
  case_id: number
  subject: string
  agent_id: number
  agent_name: string
  queue_name: string
  solved_at: string
  scorecard_id: number | null
  total_pct: number | null
}

export interface QualityLine {
  key: string
  scorecards: number
  avg_pct: number | null
  min_pct: number | null
  max_pct: number | null
}

export interface QualityReport {
  total: QualityLine
  by: QualityLine[]
  trend: QualityLine[]
}

export interface ScorecardFilters {
  q?: string
  from?: string
  to?: string
  min_pct?: string | null
  max_pct?: string | null
  sort?: string
}

export type Ratings = Record<string, number | null>

export function getCriteria() {
  return getJson<{ items: Criterion[]; max_rating: number }>(`${V1}/service/quality/criteria`)
}

export function getSample(from: string, to: string, perAgent: number) {
  return getJson<{ items: SampleCase[]; seed: string }>(`${V1}/service/quality/sample`, { from, to, per_agent: perAgent })
}

function filterQuery(f: ScorecardFilters) {
  return { q: f.q || undefined, from: f.from, to: f.to, min_pct: f.min_pct || undefined, max_pct: f.max_pct || undefined, sort: f.sort || undefined }
}

export function listScorecards(f: ScorecardFilters, cursor?: string | null) {
  return getJson<Page<Scorecard>>(`${V1}/service/scorecards`, { ...filterQuery(f), limit: 50, cursor: cursor || undefined })
}

export function scorecardExportUrl(format: 'csv' | 'xlsx', f: ScorecardFilters) {
  return `${V1}/service/scorecards/export.${format}${buildQuery(filterQuery(f))}`
}

export function getScorecard(id: number) {
  return getJson<Scorecard>(`${V1}/service/scorecards/${id}`)
}

export function reviewCase(caseId: number, scores: Ratings, comment: string) {
  return request<Scorecard>(`${V1}/cases/${caseId}/scorecard`, { method: 'POST', body: { scores, comment } })
}

export function reviseScorecard(s: Scorecard, scores: Ratings, comment: string) {
  return request<Scorecard>(`${V1}/service/scorecards/${s.id}`, { method: 'PATCH', body: { scores, comment }, ifMatch: `"${s.version}"` })
}

export function getQualityReport(from: string, to: string, by: string) {
  return getJson<QualityReport>(`${V1}/service/quality/report`, { from, to, by })
}
