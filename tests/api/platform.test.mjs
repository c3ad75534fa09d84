// The platform over real HTTP: health, metrics, OpenAPI, authentication, CSRF, throttling, tokens.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { Session, startServer } from './client.mjs'

let server
// The test client plays the TLS proxy in front of the server.
before(async () => { server = await startServer({ serveArgs: ['--trusted-proxy', '127.0.0.1'] }) })
after(async () => { await server?.stop() })

test('healthz answers ok and echoes the request id', async () => {
  const res = await fetch(`${server.baseUrl}/healthz`, { headers: { 'x-request-id': 'abc-123' } })
  assert.equal(res.status, 200)
  assert.deepEqual(await res.json(), { status: 'ok' })
  assert.equal(res.headers.get('x-request-id'), 'abc-123')
})

test('metrics are Prometheus text with request counts by route', async () => {
  await fetch(`${server.baseUrl}/healthz`)
  const res = await fetch(`${server.baseUrl}/metrics`)
  assert.equal(res.status, 200)
  assert.match(res.headers.get('content-type'), /text\/plain/)
  const text = await res.text()
  assert.match(text, /# TYPE concord_http_requests_total counter/)
  assert.match(text, /concord_http_requests_total\{route="\/healthz",method="GET",status="200"\} \d+/)
  assert.match(text, /concord_http_request_duration_seconds_bucket\{.*le="\+Inf"\}/)
  assert.match(text, /concord_jobs\{state="queued"\}/)
})

test('every protected route answers 401 problem+json without a session', async () => {
  const doc = await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()
  assert.equal(doc.openapi, '3.1.0')
  let checked = 0
  for (const [pattern, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op.security || op.security.length === 0) continue
      const url = server.baseUrl + pattern.replace(/\{[^}]+\}/g, '1')
      const res = await fetch(url, { method: method.toUpperCase() })
      assert.equal(res.status, 401, `${method} ${pattern}`)
      assert.match(res.headers.get('content-type'), /application\/problem\+json/)
      const problem = await res.json()
      assert.equal(problem.status, 401)
      assert.equal(problem.code, 'auth.unauthenticated')
      checked++
    }
  }
  assert.ok(checked >= 15, `only ${checked} protected operations`)
})

test('unknown API paths are 404 problems and the SPA serves other paths', async () => {
  const api = await fetch(`${server.baseUrl}/api/v1/nothing-here`)
  assert.equal(api.status, 404)
  assert.match(api.headers.get('content-type'), /problem\+json/)
  const page = await fetch(`${server.baseUrl}/clients/12`)
  assert.equal(page.status, 200)
  assert.match(await page.text(), /<div id="root">/)
})

test('login sets a strict HttpOnly cookie; me and logout work', async () => {
  const s = await Session.login(server.baseUrl, 'coordinator@concord.test')
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'coordinator@concord.test', password: 'concord-demo' }),
  })
  const cookie = res.headers.get('set-cookie')
  assert.match(cookie, /HttpOnly/)
  assert.match(cookie, /SameSite=Strict/)
  const me = await s.get('/api/v1/auth/me')
  assert.equal(me.status, 200)
  assert.equal(me.body.user.role, 'coordinator')
  assert.equal(me.body.csrf_token, s.csrf)
  assert.equal((await s.post('/api/v1/auth/logout')).status, 204)
  assert.equal((await s.get('/api/v1/auth/me')).status, 401)
})

test('a secure cookie behind a trusted TLS proxy', async () => {
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
    body: JSON.stringify({ email: 'coordinator@concord.test', password: 'concord-demo' }),
  })
  assert.match(res.headers.get('set-cookie'), /; Secure/)
})

test('cookie-authenticated writes need the CSRF token', async () => {
  const s = await Session.login(server.baseUrl, 'coordinator@concord.test')
  const res = await s.request('POST', '/api/v1/clients', { legal_name: 'No Token LLC' }, { 'x-csrf-token': 'wrong' })
  assert.equal(res.status, 403)
  assert.equal(res.body.code, 'auth.csrf')
  const ok = await s.post('/api/v1/clients', { legal_name: 'With Token LLC' })
  assert.equal(ok.status, 201)
})

test('bad credentials are 401; five failures lock the account (429)', async () => {
  const bad = await new Session(server.baseUrl).post('/api/v1/auth/login', { email: 'manager@concord.test', password: 'nope' })
  assert.equal(bad.status, 401)
  assert.equal(bad.body.code, 'auth.invalid_credentials')
  for (let i = 0; i < 4; i++) {
    await new Session(server.baseUrl).post('/api/v1/auth/login', { email: 'manager@concord.test', password: 'nope' })
  }
  const locked = await new Session(server.baseUrl).post('/api/v1/auth/login', { email: 'manager@concord.test', password: 'concord-demo' })
  assert.equal(locked.status, 429)
  assert.equal(locked.body.code, 'auth.locked')
})

test('API tokens from the CLI authenticate without CSRF', async () => {
  const db = path.join(server.tmp, 'e2e.db')
  const out = spawnSync(process.env.CONCORD_BIN, ['user', 'token', '--db', db, '--email', 'coordinator@concord.test'], { encoding: 'utf8' })
  assert.equal(out.status, 0, out.stderr)
  const token = out.stdout.trim()
  assert.match(token, /^ck_/)
  const s = new Session(server.baseUrl)
  s.bearer = token
  const list = await s.get('/api/v1/clients?limit=1')
  assert.equal(list.status, 200)
  const created = await s.post('/api/v1/clients', { legal_name: 'Token Made LLC' })
  assert.equal(created.status, 201)
  s.bearer = token + 'x'
  assert.equal((await s.get('/api/v1/clients')).status, 401)
})

test('malformed JSON is a 400 problem', async () => {
  const s = await Session.login(server.baseUrl, 'coordinator@concord.test')
  const res = await s.request('POST', '/api/v1/clients', '{"legal_name": ', { 'content-type': 'application/json' })
  assert.equal(res.status, 400)
  assert.equal(res.body.code, 'request.bad_json')
})

test('the audit chain verifies after all of this', async () => {
  const db = path.join(server.tmp, 'e2e.db')
  const out = spawnSync(process.env.CONCORD_BIN, ['audit', 'verify', '--db', db], { encoding: 'utf8' })
  assert.equal(out.status, 0, out.stderr)
  assert.match(out.stdout, /audit trail intact: \d+ events/)
})
