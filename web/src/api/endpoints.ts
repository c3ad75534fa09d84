import { ApiError, buildQuery, getCsrfToken, getJson, request } from './http'
import type {
  AuditEvent,
  Client,
  ClientInput,
  Contact,
  ContactInput,
  DirectoryUser,
  ImportResult,
  Job,
  Page,
  ReconFile,
  ReconItem,
  ReconRun,
  ReconSpec,
  ReconSpecInput,
  Session,
} from './types'

const V1 = '/api/v1'

// ---- auth -----------------------------------------------------------------
export async function login(email: string, password: string): Promise<Session> {
  return (await request<Session>(`${V1}/auth/login`, { method: 'POST', body: { email, password }, quiet401: true })).data
}
export async function logout(): Promise<void> {
  await request<void>(`${V1}/auth/logout`, { method: 'POST', quiet401: true })
}
export async function me(): Promise<Session> {
  return (await request<Session>(`${V1}/auth/me`, { quiet401: true })).data
}

// ---- clients --------------------------------------------------------------
export interface ClientFilters {
  q?: string
  status?: string | null
  industry?: string | null
  archived?: 'false' | 'true' | 'all'
  sort?: string
}

export function clientFilterQuery(f: ClientFilters): Record<string, string | undefined> {
  return {
    q: f.q?.trim() || undefined,
    status: f.status || undefined,
    industry: f.industry || undefined,
    archived: f.archived ?? 'false',
    sort: f.sort || undefined,
  }
}

export function listClients(f: ClientFilters, cursor?: string | null, limit = 50) {
  return getJson<Page<Client>>(`${V1}/clients`, { ...clientFilterQuery(f), limit, cursor: cursor || undefined })
}

export function clientExportUrl(format: 'csv' | 'xlsx', f: ClientFilters) {
  return `${V1}/clients/export.${format}${buildQuery(clientFilterQuery(f))}`
}

export interface Versioned<T> {
  data: T
  etag: string | null
}

function etagOf(etag: string | null, version: number | undefined): string | null {
  if (etag) return etag
  return version !== undefined ? `"${version}"` : null
}

export async function getClient(id: number): Promise<Versioned<Client>> {
  const r = await request<Client>(`${V1}/clients/${id}`)
  return { data: r.data, etag: etagOf(r.etag, r.data?.version) }
}

export async function createClient(input: ClientInput): Promise<Versioned<Client>> {
  const r = await request<Client>(`${V1}/clients`, { method: 'POST', body: input })
  return { data: r.data, etag: etagOf(r.etag, r.data?.version) }
}

export async function updateClient(id: number, input: ClientInput, etag: string | null): Promise<Versioned<Client>> {
  const r = await request<Client>(`${V1}/clients/${id}`, { method: 'PATCH', body: input, ifMatch: etag })
  return { data: r.data, etag: etagOf(r.etag, r.data?.version) }
}

export async function setClientArchived(id: number, archived: boolean, etag: string | null): Promise<Versioned<Client>> {
  const r = await request<Client>(`${V1}/clients/${id}/${archived ? 'archive' : 'restore'}`, {
    method: 'POST',
    ifMatch: etag,
  })
  return { data: r.data, etag: etagOf(r.etag, r.data?.version) }
}

export async function importClients(csv: string, dryRun: boolean, fileName?: string): Promise<ImportResult> {
  return (
    await request<ImportResult>(`${V1}/clients/import`, {
      method: 'POST',
      query: { dry_run: dryRun ? 'true' : 'false', file_name: fileName },
      rawBody: csv,
      contentType: 'text/csv',
    })
  ).data
}

// ---- contacts -------------------------------------------------------------
export function listContacts(clientId: number) {
  return getJson<{ items: Contact[] }>(`${V1}/clients/${clientId}/contacts`)
}
export async function createContact(clientId: number, input: ContactInput): Promise<Contact> {
  return (await request<Contact>(`${V1}/clients/${clientId}/contacts`, { method: 'POST', body: input })).data
}
export async function updateContact(c: Contact, input: Partial<ContactInput>): Promise<Contact> {
  return (
    await request<Contact>(`${V1}/clients/${c.client_id}/contacts/${c.id}`, {
      method: 'PATCH',
      body: input,
      ifMatch: `"${c.version}"`,
    })
  ).data
}
export async function deleteContact(c: Contact): Promise<void> {
  await request<void>(`${V1}/clients/${c.client_id}/contacts/${c.id}`, { method: 'DELETE', ifMatch: `"${c.version}"` })
}

// ---- audit, users, industries ----------------------------------------------
export function listAudit(entity: string, id: number, cursor?: string | null) {
  return getJson<Page<AuditEvent>>(`${V1}/audit`, { entity, id, cursor: cursor || undefined })
}

/** Everything that happened to one client's records: the client itself, its contacts, its jobs. */
export function listClientHistory(clientId: number, cursor?: string | null) {
  return getJson<Page<AuditEvent>>(`${V1}/audit`, { client_id: clientId, cursor: cursor || undefined })
}

export function listUsers(role?: string) {
  return getJson<{ items: DirectoryUser[] }>(`${V1}/users`, { role })
}

export const FALLBACK_INDUSTRIES = [
  'Agriculture',
  'Construction',
  'Education',
  'Energy',
  'Financial services',
  'Healthcare',
  'Hospitality',
  'Information technology',
  'Logistics',
  'Manufacturing',
  'Media',
  'Nonprofit',
  'Professional services',
  'Public sector',
  'Real estate',
  'Retail',
  'Telecommunications',
]

export async function listIndustries(): Promise<string[]> {
  try {
    const r = await getJson<{ items: string[] }>(`${V1}/industries`)
    if (Array.isArray(r?.items) && r.items.length > 0) return r.items
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) throw e
  }
  return FALLBACK_INDUSTRIES
}

// ---- jobs -----------------------------------------------------------------
/** Starts the background export of every client in the caller's scope (filters are not applied: "export all"). */
export async function startClientExportJob(): Promise<Job> {
  return (await request<Job>(`${V1}/exports/clients`, { method: 'POST', body: {} })).data
}
export function getJob(id: number) {
  return getJson<Job>(`${V1}/jobs/${id}`)
}

// ---- reconciliation -------------------------------------------------------
const RECON = `${V1}/reconciliation`

export function listReconSpecs(q?: string, cursor?: string | null, limit = 100) {
  return getJson<Page<ReconSpec>>(`${RECON}/specs`, { q: q?.trim() || undefined, limit, cursor: cursor || undefined })
}

export async function getReconSpec(id: number): Promise<Versioned<ReconSpec>> {
  const r = await request<ReconSpec>(`${RECON}/specs/${id}`)
  return { data: r.data, etag: etagOf(r.etag, r.data?.version) }
}

export async function createReconSpec(input: ReconSpecInput): Promise<Versioned<ReconSpec>> {
  const r = await request<ReconSpec>(`${RECON}/specs`, { method: 'POST', body: input })
  return { data: r.data, etag: etagOf(r.etag, r.data?.version) }
}

export async function updateReconSpec(id: number, input: ReconSpecInput, etag: string | null): Promise<Versioned<ReconSpec>> {
  const r = await request<ReconSpec>(`${RECON}/specs/${id}`, { method: 'PATCH', body: input, ifMatch: etag })
  return { data: r.data, etag: etagOf(r.etag, r.data?.version) }
}

export async function scheduleReconSpec(
  id: number,
  schedule: { cron: string; left_path: string; right_path: string },
  etag: string | null,
): Promise<Versioned<ReconSpec>> {
  const r = await request<ReconSpec>(`${RECON}/specs/${id}/schedule`, { method: 'PUT', body: schedule, ifMatch: etag })
  return { data: r.data, etag: etagOf(r.etag, r.data?.version) }
}

/** Stops a spec's schedule (its runs stay). */
export async function unscheduleReconSpec(id: number, etag: string | null): Promise<Versioned<ReconSpec>> {
  const r = await request<ReconSpec>(`${RECON}/specs/${id}/schedule`, { method: 'DELETE', ifMatch: etag })
  return { data: r.data, etag: etagOf(r.etag, r.data?.version) }
}

/** Uploads one input file (its raw bytes) for a later run. */
export async function uploadReconFile(file: Blob, name: string, clientId?: number | null): Promise<ReconFile> {
  const jsonl = /\.(jsonl|ndjson)$/i.test(name)
  return (
    await request<ReconFile>(`${RECON}/files`, {
      method: 'POST',
      query: { name, client_id: clientId ?? undefined },
      rawBody: file,
      contentType: jsonl ? 'application/jsonl' : 'text/csv',
    })
  ).data
}

export interface ReconSource {
  name: string
  description: string
}

/** concord's own records that can be a run's input (e.g. the client accounts). */
export function listReconSources() {
  return getJson<{ items: ReconSource[] }>(`${RECON}/sources`)
}

/** Stores the caller's rows of a source as an input file, with its checksum. */
export async function snapshotReconSource(name: string): Promise<ReconFile> {
  return (await request<ReconFile>(`${RECON}/sources/${encodeURIComponent(name)}/snapshot`, { method: 'POST' })).data
}

export async function startReconRun(specId: number, leftFileId: number, rightFileId: number): Promise<ReconRun> {
  return (
    await request<ReconRun>(`${RECON}/runs`, {
      method: 'POST',
      body: { spec_id: specId, left_file_id: leftFileId, right_file_id: rightFileId },
    })
  ).data
}

export interface ReconRunFilters {
  spec_id?: string | null
  state?: string | null
  q?: string | null
  sort?: string | null
}

function reconRunQuery(f: ReconRunFilters): Record<string, string | undefined> {
  return { spec_id: f.spec_id || undefined, state: f.state || undefined, q: f.q || undefined, sort: f.sort || undefined }
}

export function listReconRuns(f: ReconRunFilters, cursor?: string | null, limit = 50) {
  return getJson<Page<ReconRun>>(`${RECON}/runs`, { ...reconRunQuery(f), limit, cursor: cursor || undefined })
}

export function reconRunsExportUrl(format: 'csv' | 'xlsx', f: ReconRunFilters) {
  return `${RECON}/runs/export.${format}${buildQuery(reconRunQuery(f))}`
}

export function getReconRun(id: number) {
  return getJson<ReconRun>(`${RECON}/runs/${id}`)
}

export interface ReconItemFilters {
  run_id?: number | string | null
  spec_id?: number | string | null
  kind?: string | null
  status?: string | null
  /** a user id, `me` or `none` */
  assignee?: string | null
  q?: string
  sort?: string
}

export function reconItemQuery(f: ReconItemFilters): Record<string, string | undefined> {
  return {
    run_id: f.run_id ? String(f.run_id) : undefined,
    spec_id: f.spec_id ? String(f.spec_id) : undefined,
    kind: f.kind || undefined,
    status: f.status || undefined,
    assignee: f.assignee || undefined,
    q: f.q?.trim() || undefined,
    sort: f.sort || undefined,
  }
}

export function listReconItems(f: ReconItemFilters, cursor?: string | null, limit = 50) {
  return getJson<Page<ReconItem>>(`${RECON}/items`, { ...reconItemQuery(f), limit, cursor: cursor || undefined })
}

export function reconItemsExportUrl(format: 'csv' | 'xlsx', f: ReconItemFilters) {
  return `${RECON}/items/export.${format}${buildQuery(reconItemQuery(f))}`
}

export async function getReconItem(id: number): Promise<ReconItem> {
  return (await request<ReconItem>(`${RECON}/items/${id}`)).data
}

function itemAction(item: ReconItem, action: 'assign' | 'resolve' | 'accept', body: unknown) {
  return request<ReconItem>(`${RECON}/items/${item.id}/${action}`, {
    method: 'POST',
    body,
    ifMatch: `"${item.version}"`,
  }).then((r) => r.data)
}

export function assignReconItem(item: ReconItem, assigneeId: number | null) {
  return itemAction(item, 'assign', { assignee_id: assigneeId })
}
export function resolveReconItem(item: ReconItem, note: string, correction: string) {
  return itemAction(item, 'resolve', { note, correction })
}
export function acceptReconItem(item: ReconItem, note: string) {
  return itemAction(item, 'accept', { note })
}

// ---- downloads ------------------------------------------------------------
function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition)
  if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
  const plain = /filename="?([^";]+)"?/i.exec(disposition)
  return plain ? plain[1].trim() : fallback
}

/** Fetches a file with the session cookie and hands it to the browser as a download. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const headers: Record<string, string> = {}
  const token = getCsrfToken()
  if (token) headers['X-CSRF-Token'] = token
  let res: Response
  try {
    res = await fetch(url, { credentials: 'same-origin', headers })
  } catch {
    throw new ApiError({ status: 0, title: 'Network error', detail: 'The download could not be started.' })
  }
  if (!res.ok) {
    let detail: string | undefined
    try {
      const j = await res.json()
      detail = j.detail || j.title
    } catch {
      /* ignore */
    }
    throw new ApiError({ status: res.status, title: `Download failed (HTTP ${res.status})`, detail })
  }
  const blob = await res.blob()
  const name = filenameFrom(res.headers.get('Content-Disposition'), fallbackName)
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
}
