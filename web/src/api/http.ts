import type { FieldError, Problem } from './types'

/** An HTTP error carrying the RFC 9457 problem document the server sent (or one we made up). */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `Request failed (HTTP ${problem.status})`)
    this.name = 'ApiError'
    this.status = problem.status
    this.problem = problem
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? []
  }
}

let csrfToken: string | null = null

export function setCsrfToken(token: string | null) {
  csrfToken = token
}

export function getCsrfToken() {
  return csrfToken
}

/** Listeners told when any request answers 401 (session expired) so the app can show the login page. */
const unauthorizedListeners = new Set<() => void>()
export function onUnauthorized(fn: () => void) {
  unauthorizedListeners.add(fn)
  return () => {
    unauthorizedListeners.delete(fn)
  }
}

export interface RequestOptions {
  method?: string
  body?: unknown
  /** Raw body (e.g. CSV text); sent as-is with `contentType`. */
  rawBody?: BodyInit
  contentType?: string
  ifMatch?: string | null
  query?: Record<string, string | number | boolean | null | undefined>
  /** Do not broadcast 401s (used by the login and /auth/me probes). */
  quiet401?: boolean
  signal?: AbortSignal
}

export interface ApiResponse<T> {
  data: T
  etag: string | null
  status: number
}

export function buildQuery(query?: RequestOptions['query']): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    params.set(k, String(v))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

async function readProblem(res: Response): Promise<Problem> {
  const text = await res.text().catch(() => '')
  if (text) {
    try {
      const json = JSON.parse(text) as Partial<Problem>
      if (json && typeof json === 'object') {
        return { ...json, status: json.status ?? res.status } as Problem
      }
    } catch {
      /* not JSON */
    }
  }
  return {
    status: res.status,
    title: res.statusText || `HTTP ${res.status}`,
    detail: text && text.length < 300 ? text : undefined,
  }
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = (opts.method ?? 'GET').toUpperCase()
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
  let body: BodyInit | undefined
  if (opts.rawBody !== undefined) {
    body = opts.rawBody
    if (opts.contentType) headers['Content-Type'] = opts.contentType
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body)
    headers['Content-Type'] = 'application/json'
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  if (opts.ifMatch) headers['If-Match'] = opts.ifMatch

  let res: Response
  try {
    res = await fetch(path + buildQuery(opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    })
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e
    throw new ApiError({ status: 0, title: 'Network error', detail: 'The server could not be reached. Check your connection and try again.' })
  }

  if (!res.ok) {
    const problem = await readProblem(res)
    if (res.status === 401 && !opts.quiet401) unauthorizedListeners.forEach((fn) => fn())
    throw new ApiError(problem)
  }
  const etag = res.headers.get('ETag')
  if (res.status === 204) return { data: undefined as T, etag, status: 204 }
  const text = await res.text()
  const data = (text ? JSON.parse(text) : undefined) as T
  return { data, etag, status: res.status }
}

export async function getJson<T>(path: string, query?: RequestOptions['query']): Promise<T> {
  return (await request<T>(path, { query })).data
}

/**
 * Normalises a problem's field path so that `addresses[0].city`, `addresses.0.city` and
 * `/addresses/0/city` all become `addresses.0.city`.
 */
export function normalizeField(field: string): string {
  return field
    .replace(/^\/+/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '')
}

/** Turns `errors[]` of a problem into a map field → message, keeping the first message per field. */
export function fieldErrorMap(errors: FieldError[] | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of errors ?? []) {
    const key = normalizeField(e.field ?? '')
    if (!(key in out)) out[key] = e.message
  }
  return out
}

/** The message a person should see for any thrown error. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.problem.detail || e.problem.title || e.message
  if (e instanceof Error) return e.message
  return String(e)
}
