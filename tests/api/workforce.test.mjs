// The workforce API over HTTP on the demo data: lists (search, filter, sort, keyset pages, CSV/XLSX),
// ETag/If-Match, the worker's own time entry and the client manager's approval, the VMS import, and
// tenancy — a user of another client, or a worker who is not the record's worker, gets 404 from every
// workforce endpoint.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Session, startServer, waitForJob } from './client.mjs'

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

test('a worker, an assignment and a PSR open service cases linked to them; another tenant gets 404', async () => {
  const own = await first(worker, '/api/v1/assignments')
  const assignment = (await coordinator.get(`/api/v1/assignments?client_id=${mine}&status=active&limit=50`)).body.items
    .find((r) => r.worker_id !== own.worker_id)
  const psr = await first(coordinator, `/api/v1/psrs?client_id=${mine}`)
  const records = [
    ['assignments', 'assignment', assignment.id, mine],
    ['psrs', 'psr', psr.id, mine],
    ['workers', 'worker', assignment.worker_id, null],
  ]
  for (const [kind, entity, id, clientId] of records) {
    const path = `/api/v1/${kind}/${id}/cases`
    assert.equal((await coordinator.post(path, { description: 'no subject' })).status, 422)
    const opened = await coordinator.post(path, { subject: `Question about ${entity} ${id}`, description: 'The MSP asked.' })
    assert.equal(opened.status, 201, JSON.stringify(opened.body))
    assert.deepEqual(opened.body.links, [{ entity_type: entity, entity_id: id }])
    assert.equal(opened.body.client_id, clientId)
    // The case shows the link back; the record lists its cases.
    assert.deepEqual((await coordinator.get(`/api/v1/cases/${opened.body.id}`)).body.links, [{ entity_type: entity, entity_id: id }])
    const listed = await coordinator.get(path)
    assert.equal(listed.status, 200)
    assert.ok(listed.body.items.some((c) => c.id === opened.body.id), path)
    // Another client's user and a worker who is not the record's worker: 404 on both the list and the open.
    for (const session of [client2, worker]) {
      assert.equal((await session.get(path)).status, 404, `${path} read`)
      assert.equal((await session.post(path, { subject: 'Not mine' })).status, 404, `${path} open`)
    }
  }
  // The record's own client sees the cases of its assignment and opens one there, for its own client.
  const path = `/api/v1/assignments/${assignment.id}/cases`
  const mineOpened = await client.post(path, { subject: 'Badge not working' })
  assert.equal(mineOpened.status, 201)
  assert.equal(mineOpened.body.client_id, mine)
  const seen = (await client.get(path)).body.items
  assert.ok(seen.length >= 2 && seen.every((c) => c.client_id === mine))
})

test('timecards import from a VMS time export: line/column errors, all or nothing, idempotent', async () => {
  const p = (await coordinator.get(`/api/v1/programmes?vms=fieldglass&client_id=${mine}`)).body.items[0]
  assert.ok(p, 'a Fieldglass programme of the first client')
  const active = (await coordinator.get(`/api/v1/assignments?programme_id=${p.id}&status=active&limit=100`)).body.items
  let a = null
  for (const x of active) {
    if (!x.vms_work_order_id || x.start_date > '2026-01-05') continue
    if ((await coordinator.get(`/api/v1/timecards?assignment_id=${x.id}&week_start=2026-01-05`)).body.total === 0) { a = x; break }
  }
  assert.ok(a, 'an active Fieldglass assignment started by 2026-01-05 with no timecard that week')
  // A week before any demo timecard: the Monday 2026-01-05, 8 ST hours Monday to Wednesday, 1.25 OT on Tuesday.
  const header = 'Work Order ID,Time Entry Date,Rate Category/UOM,Hours,Time Sheet Status\n'
  const rows = ['01/05/2026,ST/Hr,8', '01/06/2026,ST/Hr,8', '01/06/2026,OT/Hr,1.25', '01/07/2026,ST/Hr,8']
    .map((r) => `${a.vms_work_order_id},${r},Submitted`).join('\n') + '\n'
  const url = (name) => `/api/v1/timecards/import?programme_id=${p.id}&file_name=${name}`
  const bad = await coordinator.request('POST', url('fg.csv'), header + rows + `${a.vms_work_order_id},01/08/2026,ST/Hr,eight,Submitted\n`, { 'content-type': 'text/csv' })
  assert.equal(bad.status, 422)
  assert.equal(bad.body.errors[0].field, 'fg.csv, line 6, column 4 (Hours)')
  const ok = await coordinator.request('POST', url('fg.csv'), header + rows, { 'content-type': 'text/csv' })
  assert.equal(ok.status, 200, JSON.stringify(ok.body))
  assert.deepEqual(ok.body, { created: 1, updated: 0, unchanged: 0 })
  const again = await coordinator.request('POST', url('fg.csv'), header + rows, { 'content-type': 'text/csv' })
  assert.deepEqual(again.body, { created: 0, updated: 0, unchanged: 1 })
  const card = (await coordinator.get(`/api/v1/timecards?assignment_id=${a.id}&limit=200`)).body.items.find((t) => t.week_start === '2026-01-05')
  assert.equal(card.total_hours, '25.25')  // 8 + 8 + 1.25 + 8
  assert.equal(card.status, 'submitted')
  // Another client's user may not import into this programme.
  const other = await client2.request('POST', url('fg.csv'), header + rows, { 'content-type': 'text/csv' })
  assert.ok([403, 404].includes(other.status), `status ${other.status}`)
})

test('an expense carries its receipt (SHA-256 kept); another tenant gets 404', async () => {
  const own = await first(worker, '/api/v1/assignments')
  const a = (await coordinator.get(`/api/v1/assignments?client_id=${mine}&status=active&limit=50`)).body.items
    .find((r) => r.worker_id !== own.worker_id)
  const created = await coordinator.post('/api/v1/expenses', { assignment_id: a.id, spent_on: '2026-11-04', category: 'meals', amount: '23.40', currency: 'USD' })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const id = created.body.id
  assert.equal((await coordinator.get(`/api/v1/expenses/${id}/receipt`)).status, 404)
  const url = `/api/v1/expenses/${id}/receipt?file_name=diner.txt`
  const attached = await coordinator.request('POST', url, 'abc', { 'content-type': 'text/plain' })
  assert.equal(attached.status, 200, JSON.stringify(attached.body))
  // SHA-256("abc") from FIPS 180-2, appendix B.1.
  assert.equal(attached.body.receipt_sha256, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  const got = await client.get(`/api/v1/expenses/${id}/receipt`)
  assert.equal(got.status, 200)
  assert.equal(got.body.toString('utf8'), 'abc')
  for (const session of [client2, worker]) {
    assert.equal((await session.get(`/api/v1/expenses/${id}/receipt`)).status, 404)
    assert.ok([403, 404].includes((await session.request('POST', url, 'x', { 'content-type': 'text/plain' })).status))
  }
})

test('the coordinator home lists check-ins due by the programme schedule, in the caller\'s scope', async () => {
  const weekly = (await coordinator.get('/api/v1/programmes?limit=100')).body.items.filter((p) => p.checkin_schedule)
  assert.ok(weekly.length > 0, 'a programme with a check-in schedule')
  const h = (await coordinator.get('/api/v1/workforce/home?today=2030-01-01')).body
  assert.ok(h.checkins_due.count > 0)
  for (const r of h.checkins_due.items) {
    assert.ok(r.due <= '2030-01-01', JSON.stringify(r))
    assert.ok(['weekly', 'biweekly', 'monthly', 'quarterly'].includes(r.schedule))
  }
  // Another client's user sees only check-ins of their own client's assignments.
  const theirsHome = (await client2.get('/api/v1/workforce/home?today=2030-01-01')).body
  for (const r of theirsHome.checkins_due.items) {
    assert.equal((await client2.get(`/api/v1/assignments/${r.assignment_id}`)).status, 200)
  }
  assert.ok(theirsHome.checkins_due.count < h.checkins_due.count)
})

test('reminders from the reports go on the timelines once a week; another client reaches only their own', async () => {
  const today = '2026-11-18'
  const missing = (await coordinator.get(`/api/v1/workforce/reports/missing-timecards?week_start=2026-11-09`)).body.items
  const first = await coordinator.post(`/api/v1/workforce/reports/missing-timecards/reminders?today=${today}`, {})
  assert.equal(first.status, 200, JSON.stringify(first.body))
  assert.equal(first.body.week_of, '2026-11-16')
  assert.equal(first.body.sent + first.body.already_sent, missing.length)
  const again = await coordinator.post(`/api/v1/workforce/reports/missing-timecards/reminders?today=${today}`, {})
  assert.deepEqual([again.body.sent, again.body.already_sent], [0, missing.length])
  if (missing.length) {
    const w = missing[0]
    const entries = (await coordinator.get(`/api/v1/workforce/timeline?worker_id=${w.worker_id}&limit=200`)).body.items
    assert.ok(entries.some((e) => e.subject === 'Reminder: timecard for the week of 2026-11-09 (sent the week of 2026-11-16)'))
  }
  // A chosen past week (any day of it): Wednesday 2026-11-04 is in the week of Monday 2026-11-02.
  const earlier = (await coordinator.get('/api/v1/workforce/reports/missing-timecards?week_start=2026-11-02')).body.items
  const chosen = await coordinator.post(`/api/v1/workforce/reports/missing-timecards/reminders?today=${today}&week_start=2026-11-04`, {})
  assert.equal(chosen.status, 200, JSON.stringify(chosen.body))
  assert.equal(chosen.body.sent + chosen.body.already_sent, earlier.length)
  if (earlier.length) {
    const entries = (await coordinator.get(`/api/v1/workforce/timeline?worker_id=${earlier[0].worker_id}&limit=200`)).body.items
    assert.ok(entries.some((e) => e.subject === 'Reminder: timecard for the week of 2026-11-02 (sent the week of 2026-11-16)'))
  }
  // The current week has not ended.
  const current = await coordinator.post(`/api/v1/workforce/reports/missing-timecards/reminders?today=${today}&week_start=2026-11-17`, {})
  assert.equal(current.status, 422)
  assert.equal(current.body.errors[0].field, 'week_start')
  assert.equal((await coordinator.post('/api/v1/workforce/reports/nonsense/reminders', {})).status, 404)
  assert.ok([403, 404].includes((await client2.post(`/api/v1/workforce/reports/rejected/reminders?today=${today}`, {})).status))
})

test("extending a contractor's assignment opens a classification re-check with its reason; the next extension waits", async () => {
  const a = await first(coordinator, '/api/v1/assignments?status=active&worker_type=contractor_1099&sort=start_date')
  const end = a.end_date || '2027-01-31'
  const later = `${Number(end.slice(0, 4)) + 1}${end.slice(4)}`
  const extended = await coordinator.post(`/api/v1/assignments/${a.id}/events`, { event: 'extend', new_end_date: later }, { 'If-Match': `"${a.version}"` })
  assert.equal(extended.status, 200, JSON.stringify(extended.body))
  const recheck = extended.body.classification_recheck
  assert.ok(recheck, 'no re-check opened')
  assert.match(recheck.reason, new RegExp(`^The contractor's engagement was extended from ${end} to ${later}, \\d+ days from the start on ${a.start_date} \\(permanency\\)`))
  const tasks = (await coordinator.get(`/api/v1/workforce/tasks?entity=assignment&status=open`)).body.items
  assert.ok(tasks.some((t) => t.id === recheck.task_id && t.entity_id === a.id && t.detail.startsWith(recheck.reason)))
  const further = `${Number(later.slice(0, 4)) + 1}${later.slice(4)}`
  const again = await coordinator.post(`/api/v1/assignments/${a.id}/events`, { event: 'extend', new_end_date: further }, { 'If-Match': `"${extended.body.version}"` })
  assert.equal(again.status, 409)
  assert.match(again.body.detail, /re-check/)
})

test("a programme's templates: checked on save with line:column, previewed, used, reset; another client gets 404", async () => {
  const p = await first(coordinator, `/api/v1/programmes?client_id=${mine}`)
  const list = await coordinator.get(`/api/v1/programmes/${p.id}/templates`)
  assert.equal(list.status, 200)
  assert.deepEqual(list.body.items.map((t) => t.kind), ['activation', 'extension', 'revision', 'conversion', 'reminder.missing-timecards', 'reminder.pending-approvals', 'reminder.rejected', 'separation_letter'])
  const path = `/api/v1/programmes/${p.id}/templates/separation_letter`
  // "Dear " is five characters: the bad placeholder opens at line 1, column 6.
  const bad = await coordinator.request('PUT', path, { subject: 'Letter', body: 'Dear {{worker.name}},\nThanks.', version: 0 })
  assert.equal(bad.status, 422)
  assert.equal(bad.body.errors[0].field, 'body')
  assert.match(bad.body.errors[0].message, /at 1:6/)
  const preview = await coordinator.post(`${path}/preview`, { subject: 'For {{worker.last_name}}', body: 'Dear {{worker.first_name}}' })
  assert.deepEqual(preview.body, { subject: 'For Garcia', body: 'Dear Maria' })
  const saved = await coordinator.request('PUT', path, { subject: 'Separation — {{client.name}}', body: 'Dear {{worker.first_name}}, your last day was {{assignment.last_day_worked}}.\n\n{{final_pay.text}}', version: 0 })
  assert.equal(saved.status, 200, JSON.stringify(saved.body))
  assert.equal(saved.body.custom, true)
  assert.equal((await coordinator.request('PUT', path, { subject: 'x', body: 'y', version: 0 })).status, 412)
  assert.equal((await client2.get(`/api/v1/programmes/${p.id}/templates`)).status, 404)
  assert.ok([403, 404].includes((await client2.request('PUT', path, { subject: 'x', body: 'y', version: 1 })).status))
  assert.ok([403, 404].includes((await client2.request('DELETE', path)).status))
  assert.ok([403, 404].includes((await client2.post(`${path}/preview`, { subject: 'x', body: 'y' })).status))
  const history = await coordinator.get(`/api/v1/audit?entity=programme&entity_id=${p.id}`)
  if (history.status === 200) assert.ok(history.body.items.some((e) => e.action === 'template.separation_letter'))
  const reset = await coordinator.request('DELETE', path)
  assert.equal(reset.status, 200)
  assert.equal(reset.body.custom, false)
})

test('a long list exports to XLSX in the background with progress, in the caller\'s scope', async () => {
  const total = (await coordinator.get('/api/v1/assignments?limit=1')).body.total
  const started = await coordinator.post('/api/v1/exports/assignments?sort=start_date')
  assert.equal(started.status, 202, JSON.stringify(started.body))
  const job = await waitForJob(coordinator, started.body.id)
  assert.equal(job.state, 'succeeded', job.message)
  assert.deepEqual([job.done, job.total, job.result.rows], [total, total, total])
  const file = await coordinator.get(job.result_url)
  assert.equal(file.status, 200)
  assert.equal(file.body.subarray(0, 2).toString('latin1'), 'PK')
  // A client user's export holds only their client's assignments; the coordinator's job is not theirs.
  const theirsTotal = (await client2.get('/api/v1/assignments?limit=1')).body.total
  const own = await waitForJob(client2, (await client2.post('/api/v1/exports/assignments')).body.id)
  assert.equal(own.state, 'succeeded', own.message)
  assert.equal(own.result.rows, theirsTotal)
  assert.ok(theirsTotal < total)
  assert.equal((await client2.get(`/api/v1/jobs/${job.id}`)).status, 404)
  assert.equal((await client2.get(job.result_url)).status, 404)
  assert.equal((await coordinator.post('/api/v1/exports/assignments?sort=salary')).status, 400)
})
