// A small HTTP client for the API tests: a cookie session with its CSRF token, or a bearer token.
import { startServer, DEMO_PASSWORD } from '../e2e/harness.mjs'

export { startServer, DEMO_PASSWORD }

export class Session {
  constructor(baseUrl) {
    this.baseUrl = baseUrl
    this.cookie = null
    this.csrf = null
    this.bearer = null
  }

  static async login(baseUrl, email, password = DEMO_PASSWORD) {
    const s = new Session(baseUrl)
    const res = await s.request('POST', '/api/v1/auth/login', { email, password })
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`)
    return s
  }

  async request(method, path, body, headers = {}) {
    const h = { ...headers }
    if (this.cookie) h.cookie = this.cookie
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf
    let payload
    if (typeof body === 'string') {
      payload = body
    } else if (body !== undefined) {
      payload = JSON.stringify(body)
      h['content-type'] = 'application/json'
    }
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: payload })
    const setCookie = res.headers.get('set-cookie')
    if (setCookie && setCookie.startsWith('concord_session=')) this.cookie = setCookie.split(';')[0]
    const type = res.headers.get('content-type') || ''
    const raw = Buffer.from(await res.arrayBuffer())
    const parsed = type.includes('json') && raw.length ? JSON.parse(raw.toString('utf8')) : raw
    if (res.status === 200 && parsed && parsed.csrf_token) this.csrf = parsed.csrf_token
    return { status: res.status, headers: res.headers, body: parsed, type }
  }

  get(path, headers) { return this.request('GET', path, undefined, headers) }
  post(path, body, headers) { return this.request('POST', path, body, headers) }
  patch(path, body, headers) { return this.request('PATCH', path, body, headers) }
  delete(path, headers) { return this.request('DELETE', path, undefined, headers) }
}

export async function waitForJob(session, id, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const res = await session.get(`/api/v1/jobs/${id}`)
    if (res.body.state === 'succeeded' || res.body.state === 'failed') return res.body
    if (Date.now() > deadline) throw new Error(`job ${id} still ${res.body.state}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}
