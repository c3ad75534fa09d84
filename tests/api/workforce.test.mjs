// The workforce API over HTTP on the demo data: lists (search, filter, sort, keyset pages, CSV/XLSX),
// ETag/If-Match, the worker's own time entry and the client manager's approval, the VMS import, and
// tenancy — a user of another client, or a worker who is not the record's worker, gets 404 from every
// workforce endpoint.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Session, startServer } from './client.mjs'

let server, coordinator, client, client2, worker, mine, theirs
before(async () => {
  server = await startServer()
  coordinator = await Session.login(server.baseUrl, 'coordinator@concord.test')
  client = await Session.login(server.baseUrl, 'client@concord.test')
  client2 = await Session.login(server.baseUrl, 'client2@concord.test')
  worker = await Session.login(server.baseUrl, 'worker@concord.test')
  mine = (await client.get('/api/v1/auth/me')).body.user.client_ids[0]
  theirs = (await client2.get('/api/v1/auth/me')).body.user.client_ids[0]
})
after(async () => { await server?.stop() })

async function first(session, path) {
  const res = await session.get(path)
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`)
  assert.ok(res.body.items.length > 0, `${path} is empty`)
  return res.body.items[0]
}

test('lists search, filter, sort, page by cursor and export', async () => {
  const page1 = await coordinator.get('/api/v1/assignments?limit=5&sort=-start_date&status=active')
  assert.equal(page1.status, 200)
  assert.equal(page1.body.items.length, 5)
  assert.ok(page1.body.total > 50, `total ${page1.body.total}`)
  for (const a of page1.body.items) assert.equal(a.status, 'active')
  const starts = page1.body.items.map((a) => a.start_date)
  assert.deepEqual(starts, [...starts].sort().reverse())
  const page2 = await coordinator.get(`/api/v1/assignments?limit=5&sort=-start_date&status=active&cursor=${page1.body.next_cursor}`)
  assert.equal(page2.body.items.length, 5)
  const ids = new Set(page1.body.items.map((a) => a.id))
  for (const a of page2.body.items) assert.ok(!ids.has(a.id), 'pages overlap')
  assert.ok(page2.body.items[0].start_date <= starts[4])

  const someone = page1.body.items[0]
  const found = await coordinator.get(`/api/v1/workers?q=${encodeURIComponent(someone.worker_name.split(' ')[1])}`)
  assert.ok(found.body.items.some((w) => w.id === someone.worker_id))
  assert.equal((await coordinator.get('/api/v1/assignments?sort=salary')).status, 400)

  const csv = await coordinator.get('/api/v1/assignments/export.csv?status=active')
  assert.equal(csv.status, 200)
  const lines = csv.body.toString('utf8').trim().split('\r\n')
  assert.ok(lines[0].startsWith('id,vms_work_order_id,worker_name'))
  assert.equal(lines.length - 1, page1.body.total)
  const xlsx = await coordinator.get('/api/v1/programmes/export.xlsx')
  assert.equal(xlsx.status, 200)
  assert.equal(xlsx.body.subarray(0, 2).toString('latin1'), 'PK')  // an OOXML zip
  const tax = await first(coordinator, '/api/v1/workers?limit=50')
  assert.ok(!('tax_id_sealed' in tax))
})

test('edits need If-Match: 428 without, 412 when stale', async () => {
  const p = await first(coordinator, '/api/v1/programmes')
  const got = await coordinator.get(`/api/v1/programmes/${p.id}`)
  assert.equal(got.headers.get('etag'), `"${p.version}"`)
  assert.equal((await coordinator.patch(`/api/v1/programmes/${p.id}`, { checkin_schedule: 'weekly' })).status, 428)
  const ok = await coordinator.patch(`/api/v1/programmes/${p.id}`, { checkin_schedule: 'weekly' }, { 'if-match': `"${p.version}"` })
  assert.equal(ok.status, 200)
  const stale = await coordinator.patch(`/api/v1/programmes/${p.id}`, { checkin_schedule: 'monthly' }, { 'if-match': `"${p.version}"` })
  assert.equal(stale.status, 412)
  const bad = await coordinator.patch(`/api/v1/programmes/${p.id}`, { vms: 'sap' }, { 'if-match': `"${ok.body.version}"` })
  assert.equal(bad.status, 422)
  assert.equal(bad.body.errors[0].field, 'vms')
})

test('a VMS import names the line and column of each bad cell and imports nothing; a good one is idempotent', async () => {
  const p = (await coordinator.get('/api/v1/programmes?vms=beeline')).body.items[0]
  const header = 'Assignment ID,Resource First Name,Resource Last Name,Resource Email,Job Title,Hiring Manager,Work State,Assignment Start Date,Assignment End Date,Pay Rate,Bill Rate,Worker Classification\n'
  const bad = header + 'B-77,Ann,Lee,ann.lee@x.example,Analyst,Pat Kim,CA,02/30/2027,,40,54,W2\n'
  const refused = await coordinator.request('POST', `/api/v1/psrs/import?programme_id=${p.id}&file_name=beeline.csv`, bad, { 'content-type': 'text/csv' })
  assert.equal(refused.status, 422)
  assert.equal(refused.body.errors[0].field, 'beeline.csv, line 2, column 8 (Assignment Start Date)')
  assert.equal((await coordinator.get('/api/v1/psrs?q=B-77')).body.total, 0)
  const good = header + 'B-77,Ann,Lee,ann.lee@x.example,Analyst,Pat Kim,CA,03/01/2027,08/31/2027,40,54,W2\n'
  const once = await coordinator.request('POST', `/api/v1/psrs/import?programme_id=${p.id}`, good, { 'content-type': 'text/csv' })
  assert.deepEqual([once.status, once.body.created], [200, 1])
  const twice = await coordinator.request('POST', `/api/v1/psrs/import?programme_id=${p.id}`, good, { 'content-type': 'text/csv' })
  assert.deepEqual([twice.body.created, twice.body.updated, twice.body.unchanged], [0, 0, 1])
  const psr = (await coordinator.get('/api/v1/psrs?q=B-77')).body.items[0]
  assert.equal(psr.status, 'waiting')
  assert.equal(psr.start_date, '2027-03-01')
})

test('a worker enters their own time; their client manager approves it', async () => {
  const own = await first(worker, '/api/v1/assignments?status=active')
  const all = await worker.get('/api/v1/assignments?limit=500')
  assert.ok(all.body.items.every((a) => a.worker_id === own.worker_id))
  const monday = (() => {
    const d = new Date(Date.now() - 28 * 86400_000)
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
    return d.toISOString().slice(0, 10)
  })()
  const hours = { regular: ['8', '8', '8', '8', '8', '0', '0'], overtime: ['0', '0', '0', '0', '0.5', '0', '0'] }
  let tc = await worker.request('PUT', `/api/v1/assignments/${own.id}/timecards/${monday}`, { hours })
  if (tc.status === 409) tc = { status: 200, body: (await worker.get(`/api/v1/timecards?assignment_id=${own.id}&week_start=${monday}`)).body.items[0] }
  assert.equal(tc.status, 200, JSON.stringify(tc.body))
  if (tc.body.status === 'draft' || tc.body.status === 'rejected') {
    assert.equal(tc.body.total_hours, '40.50')
    const submitted = await worker.post(`/api/v1/timecards/${tc.body.id}/submit`, {}, { 'if-match': `"${tc.body.version}"` })
    assert.equal(submitted.status, 200)
    tc = submitted
  }
  if (tc.body.status === 'submitted') {
    assert.equal((await worker.post(`/api/v1/timecards/${tc.body.id}/approve`, {}, { 'if-match': `"${tc.body.version}"` })).status, 403)
    assert.equal((await client2.post(`/api/v1/timecards/${tc.body.id}/approve`, {}, { 'if-match': `"${tc.body.version}"` })).status, 404)
    const rejected = await client.post(`/api/v1/timecards/${tc.body.id}/reject`, {}, { 'if-match': `"${tc.body.version}"` })
    assert.equal(rejected.status, 422)  // a rejection needs a reason
    const approved = await client.post(`/api/v1/timecards/${tc.body.id}/approve`, {}, { 'if-match': `"${tc.body.version}"` })
    assert.equal(approved.status, 200)
    assert.equal(approved.body.status, 'approved')
  }
})

test('another client\'s user and another worker get 404 from every workforce endpoint', async () => {
  const own = await first(worker, '/api/v1/assignments')
  const notOwn = (rows) => rows.find((r) => r.worker_id !== own.worker_id)
  const programme = await first(coordinator, `/api/v1/programmes?client_id=${mine}`)
  const assignment = notOwn((await coordinator.get(`/api/v1/assignments?client_id=${mine}&status=active&limit=50`)).body.items)
  const psr = await first(coordinator, `/api/v1/psrs?client_id=${mine}`)
  const timecard = notOwn((await coordinator.get(`/api/v1/timecards?client_id=${mine}&status=submitted&limit=50`)).body.items)
  const doc = await first(coordinator, `/api/v1/workforce/documents?assignment_id=${assignment.id}`)
  const expense = notOwn((await coordinator.get(`/api/v1/expenses?client_id=${mine}`)).body.items)
  const ended = notOwn((await coordinator.get(`/api/v1/assignments?client_id=${mine}&status=ended&limit=50`)).body.items)
  const h = { 'if-match': '"1"' }
  const reads = [
    `/api/v1/assignments/${ended.id}/separation-letter.pdf`,
    `/api/v1/programmes/${programme.id}`,
    `/api/v1/assignments/${assignment.id}`,
    `/api/v1/assignments/${assignment.id}/revisions`,
    `/api/v1/psrs/${psr.id}`,
    `/api/v1/workers/${assignment.worker_id}`,
    `/api/v1/timecards/${timecard.id}`,
    `/api/v1/workforce/documents/${doc.id}/download`,
    ...(expense ? [`/api/v1/expenses/${expense.id}`] : []),
  ]
  for (const path of reads) {
    assert.equal((await client2.get(path)).status, 404, `client2 ${path}`)
    assert.equal((await client.get(path)).status, 200, `client ${path}`)
  }
  for (const path of reads) {
    assert.equal((await worker.get(path)).status, 404, `worker ${path}`)
  }
  // Writes by another client's user: no permission (403) or not found (404) — never their record.
  for (const res of [
    await client2.post(`/api/v1/timecards/${timecard.id}/approve`, {}, { 'if-match': `"${timecard.version}"` }),
    await client2.post(`/api/v1/assignments/${assignment.id}/events`, { event: 'extend', new_end_date: '2030-01-01' }, h),
    await client2.patch(`/api/v1/programmes/${programme.id}`, { msp: 'x' }, h),
    await client2.request('PUT', `/api/v1/assignments/${assignment.id}/timecards/2026-01-05`, { hours: {} }),
    await worker.request('PUT', `/api/v1/assignments/${assignment.id}/timecards/2026-01-05`, { hours: {} }),
  ]) {
    assert.ok([403, 404].includes(res.status), `status ${res.status}`)
  }
  // Lists hold only the caller's own rows.
  for (const path of ['/api/v1/programmes', '/api/v1/assignments', '/api/v1/psrs', '/api/v1/timecards', '/api/v1/expenses', '/api/v1/workforce/tasks']) {
    const rows = (await client2.get(`${path}?limit=500`)).body.items
    assert.ok(rows.every((r) => r.client_id === theirs), path)
  }
  assert.ok((await client2.get('/api/v1/workers?limit=500')).body.items.every((w) => w.id !== assignment.worker_id || false))
  const reports = (await client2.get('/api/v1/workforce/reports/missing-timecards')).body.items
  assert.ok(reports.every((r) => r.client_id === theirs))
  const audit = (await client2.get('/api/v1/workforce/vms-audit')).body
  assert.ok(audit.programmes.every((p) => p.client_id === theirs))
})

test('an ended assignment has its separation letter as PDF; an active one has none yet', async () => {
  const ended = await first(coordinator, '/api/v1/assignments?status=ended')
  const letter = await coordinator.get(`/api/v1/assignments/${ended.id}/separation-letter.pdf`)
  assert.equal(letter.status, 200)
  assert.equal(letter.body.subarray(0, 5).toString('latin1'), '%PDF-')
  const active = await first(coordinator, '/api/v1/assignments?status=active')
  const refused = await coordinator.get(`/api/v1/assignments/${active.id}/separation-letter.pdf`)
  assert.equal(refused.status, 409)
  assert.equal(refused.body.code, 'separation.not_ended')
})

test('the home page and the VMS audit dashboard', async () => {
  const home = await coordinator.get('/api/v1/workforce/home')
  assert.equal(home.status, 200)
  for (const key of ['psrs_waiting', 'onboarding_blocked', 'starts_this_week', 'ends_this_week', 'missing_timecards', 'audit_exceptions']) {
    assert.ok(key in home.body, key)
  }
  assert.ok(home.body.psrs_waiting.count >= 12)
  assert.ok(home.body.onboarding_blocked.count > 0)
  const deadline = Date.now() + 30_000
  let audit
  do {
    audit = (await coordinator.get('/api/v1/workforce/vms-audit')).body
    if (audit.programmes.length === 2 && audit.programmes.every((p) => p.alignment !== null)) break
    await new Promise((r) => setTimeout(r, 300))
  } while (Date.now() < deadline)
  const alignments = audit.programmes.map((p) => Number(p.alignment))
  assert.ok(alignments.includes(100), JSON.stringify(alignments))
  assert.ok(alignments.some((a) => a < 100))
  assert.ok(audit.programmes.some((p) => p.open_exceptions === 3))
})
