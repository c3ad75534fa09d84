// The service desk over HTTP: configuration by a manager, cases routed and timed by SLA, the portal
// (a client user sees and opens only their own client's cases), lists with filters/cursors/exports,
// ETag/If-Match, and 404 for another tenant's case on every case endpoint.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Session, startServer } from './client.mjs'

let server, admin, agent, client, client2, mine, theirs, queue, policy, calendar
before(async () => {
  server = await startServer()
  admin = await Session.login(server.baseUrl, 'admin@concord.test')
  agent = await Session.login(server.baseUrl, 'coordinator@concord.test')
  client = await Session.login(server.baseUrl, 'client@concord.test')
  client2 = await Session.login(server.baseUrl, 'client2@concord.test')
  mine = (await client.get('/api/v1/auth/me')).body.user.client_ids[0]
  theirs = (await client2.get('/api/v1/auth/me')).body.user.client_ids[0]
  const me = (await agent.get('/api/v1/auth/me')).body.user
  calendar = (await admin.post('/api/v1/service-calendars', {
    name: 'API test hours', time_zone: 'America/Chicago',
    weekly_hours: { mon: ['08:00-17:00'], tue: ['08:00-17:00'], wed: ['08:00-17:00'], thu: ['08:00-17:00'], fri: ['08:00-17:00'] },
    holidays: ['2026-12-25'],
  })).body
  queue = (await admin.post('/api/v1/queues', {
    name: 'API test claims appeals', strategy: 'least_loaded', category: 'claims_appeal',
    members: [{ user_id: me.id, skills: ['lang:en'], capacity: 50 }],
  })).body
  policy = (await admin.post('/api/v1/sla-policies', {
    name: 'API test appeals', calendar_id: calendar.id, category: 'claims_appeal', client_id: mine,  // the client's contract beats the demo's generic appeals policy
    first_response_min: 120, resolution_min: 2400, due_soon_min: 60,
  })).body
})
after(async () => { await server?.stop() })

test('configuration is validated and versioned', async () => {
  assert.equal(calendar.time_zone, 'America/Chicago')
  assert.deepEqual(calendar.weekly_hours.mon, ['08:00-17:00'])
  const bad = await admin.post('/api/v1/service-calendars', { name: 'Bad', time_zone: 'Mars/Olympus', weekly_hours: { mon: ['9-5'] } })
  assert.equal(bad.status, 422)
  assert.ok(bad.body.errors.some((e) => e.field === 'weekly_hours/mon'), JSON.stringify(bad.body))
  const noCal = await admin.post('/api/v1/sla-policies', { name: 'x', calendar_id: 999999 })
  assert.equal(noCal.status, 422)
  assert.equal(noCal.body.errors[0].field, 'calendar_id')
  const put = await admin.request('PUT', `/api/v1/queues/${queue.id}`, { ...queue, strategy: 'skills' }, { 'if-match': '"1"' })
  assert.equal(put.status, 200)
  assert.equal(put.headers.get('etag'), '"2"')
  const stale = await admin.request('PUT', `/api/v1/queues/${queue.id}`, { ...queue }, { 'if-match': '"1"' })
  assert.equal(stale.status, 412)
  assert.equal((await client.post('/api/v1/queues', { name: 'nope' })).status, 403)
  assert.equal((await agent.post('/api/v1/sla-policies', { name: 'nope', calendar_id: calendar.id })).status, 403)
})

test('an agent opens a case: routed to the queue and timed by the category policy', async () => {
  const res = await agent.post('/api/v1/cases', {
    subject: 'Appeal of denied claim 4411', description: 'The member appeals the denial.', client_id: mine,
    category: 'claims_appeal', priority: 'high', requester_name: 'Kim Member', requester_email: 'kim@example.test',
    channel: 'phone', links: [{ entity_type: 'claim', entity_id: 4411 }], tags: ['appeal'],
  })
  assert.equal(res.status, 201, JSON.stringify(res.body))
  assert.equal(res.body.queue_id, queue.id)
  assert.equal(res.body.sla_policy_id, policy.id)
  assert.ok(res.body.assignee_id)
  assert.deepEqual(res.body.links, [{ entity_type: 'claim', entity_id: 4411 }])
  const id = res.body.id
  const call = await agent.post(`/api/v1/cases/${id}/entries`, { kind: 'call', duration_s: 310, outcome: 'follow_up', body: 'Explained the appeal steps' })
  assert.equal(call.status, 201)
  const got = await agent.get(`/api/v1/cases/${id}`)
  assert.equal(got.body.status, 'open')  // the first agent contact opens a new case
  assert.ok(got.body.first_response_at)
  const sla = await agent.get(`/api/v1/cases/${id}/sla`)
  assert.equal(sla.body.metrics.first_response.state, 'fulfilled')
  assert.ok(sla.body.events.some((e) => e.kind === 'activated' && e.metric === 'resolution'))
  // PATCH needs the current ETag.
  const etag = got.headers.get('etag')
  assert.equal((await agent.patch(`/api/v1/cases/${id}`, { status: 'on_hold' })).status, 428)
  const held = await agent.patch(`/api/v1/cases/${id}`, { status: 'on_hold' }, { 'if-match': etag })
  assert.equal(held.status, 200)
  assert.equal(held.body.sla_state, 'paused')
  assert.equal((await agent.patch(`/api/v1/cases/${id}`, { status: 'open' }, { 'if-match': etag })).status, 412)
  const bad = await agent.patch(`/api/v1/cases/${id}`, { priority: 'asap' }, { 'if-match': held.headers.get('etag') })
  assert.equal(bad.status, 422)
  assert.equal(bad.body.errors[0].field, 'priority')
})

test('the portal: a client user opens a case for their client and sees no internal notes', async () => {
  const res = await client.post('/api/v1/cases', { subject: 'Import file rejected', description: 'Our 834 file bounced.', category: 'files', queue_id: queue.id })
  assert.equal(res.status, 201, JSON.stringify(res.body))
  assert.equal(res.body.client_id, mine)
  assert.equal(res.body.channel, 'portal')
  assert.notEqual(res.body.queue_id, queue.id)  // portal users do not pick queues
  await agent.post(`/api/v1/cases/${res.body.id}/entries`, { kind: 'note', body: 'internal: check the file loader' })
  await agent.post(`/api/v1/cases/${res.body.id}/entries`, { kind: 'reply', body: 'We are looking at the file.' })
  const timeline = await client.get(`/api/v1/cases/${res.body.id}/timeline`)
  assert.equal(timeline.status, 200)
  assert.ok(timeline.body.items.every((e) => e.kind !== 'note'))
  assert.ok(timeline.body.items.some((e) => e.kind === 'message_out'))
  const reply = await client.post(`/api/v1/cases/${res.body.id}/entries`, { kind: 'message', body: 'Thanks, here is the corrected file.' })
  assert.equal(reply.status, 201)
  const note = await client.post(`/api/v1/cases/${res.body.id}/entries`, { kind: 'note', body: 'x' })
  assert.equal(note.status, 422)
})

test('the portal cannot link a case to a record by id (another client\'s record could be named)', async () => {
  const res = await client.post('/api/v1/cases', { subject: 'About a worker', links: [{ entity_type: 'worker', entity_id: 1 }] })
  assert.equal(res.status, 422, JSON.stringify(res.body))
  assert.deepEqual(res.body.errors.map((e) => e.field), ['links'])
})

test('every case endpoint answers 404 for another tenant, and lists hold only their own', async () => {
  const other = (await agent.post('/api/v1/cases', { subject: 'Their case', client_id: theirs, category: 'billing', requester_name: 'Other' })).body
  const macro = (await admin.post('/api/v1/macros', { name: 'API test thanks', body: 'Thanks {{requester_name}}' })).body
  const h = { 'if-match': '"1"' }
  for (const res of [
    await client.get(`/api/v1/cases/${other.id}`),
    await client.get(`/api/v1/cases/${other.id}/timeline`),
    await client.get(`/api/v1/cases/${other.id}/sla`),
    await client.post(`/api/v1/cases/${other.id}/entries`, { kind: 'message', body: 'hi' }),
  ]) {
    assert.equal(res.status, 404, `status ${res.status}`)
  }
  // Staff-only endpoints: the role lacks the permission (403) whichever client.
  for (const res of [
    await client.patch(`/api/v1/cases/${other.id}`, { status: 'open' }, h),
    await client.post(`/api/v1/cases/${other.id}/merge`, { target_id: other.id }),
    await client.post(`/api/v1/cases/${other.id}/macros/${macro.id}`),
    await client.post(`/api/v1/cases/${other.id}/reminders`, { due_at: '2026-12-01T15:00:00Z' }),
  ]) {
    assert.ok([403, 404].includes(res.status), `status ${res.status}`)
  }
  const list = await client.get('/api/v1/cases?limit=500')
  assert.ok(list.body.items.length > 0)
  assert.ok(list.body.items.every((c) => c.client_id === mine))
  const csv = (await client.get('/api/v1/cases/export.csv')).body.toString('utf8')
  assert.ok(!csv.includes('Their case'))
  assert.equal((await client2.get(`/api/v1/cases/${other.id}`)).status, 200)
})

test('lists search, filter, sort, page by cursor and export', async () => {
  for (let i = 0; i < 3; i++) {
    await agent.post('/api/v1/cases', { subject: `Cursor check ${i}`, client_id: mine, category: 'billing', priority: i === 1 ? 'urgent' : 'low' })
  }
  const first = await agent.get('/api/v1/cases?q=cursor%20check&sort=subject&limit=2')
  assert.equal(first.status, 200)
  assert.equal(first.body.total, 3)
  assert.deepEqual(first.body.items.map((c) => c.subject), ['Cursor check 0', 'Cursor check 1'])
  const next = await agent.get(`/api/v1/cases?q=cursor%20check&sort=subject&limit=2&cursor=${first.body.next_cursor}`)
  assert.deepEqual(next.body.items.map((c) => c.subject), ['Cursor check 2'])
  const urgent = await agent.get('/api/v1/cases?q=cursor&priority=urgent')
  assert.deepEqual(urgent.body.items.map((c) => c.subject), ['Cursor check 1'])
  assert.equal((await agent.get('/api/v1/cases?priority=asap')).status, 400)
  const mineOnly = await agent.get('/api/v1/cases?assignee_id=me&status=active')
  assert.equal(mineOnly.status, 200)
  const xlsx = await agent.get('/api/v1/cases/export.xlsx?q=cursor')
  assert.equal(xlsx.status, 200)
  assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK')
  const csv = (await agent.get('/api/v1/cases/export.csv?q=cursor&sort=subject')).body.toString('utf8').trim().split('\r\n')
  assert.equal(csv.length, 4)
})

test('merge, macro, reminders and the survey on solve', async () => {
  const a = (await agent.post('/api/v1/cases', { subject: 'Card lost', client_id: mine, requester_name: 'Lou' })).body
  const b = (await agent.post('/api/v1/cases', { subject: 'Card lost (again)', client_id: mine, requester_name: 'Lou' })).body
  const merged = await agent.post(`/api/v1/cases/${b.id}/merge`, { target_id: a.id })
  assert.equal(merged.status, 200)
  assert.equal((await agent.get(`/api/v1/cases/${b.id}`)).body.merged_into_id, a.id)
  const macro = (await admin.post('/api/v1/macros', { name: 'API solve', body: 'Hi {{requester_name}}, case {{case_id}} is solved.', set_status: 'solved' })).body
  const applied = await agent.post(`/api/v1/cases/${a.id}/macros/${macro.id}`)
  assert.equal(applied.status, 201)
  assert.equal(applied.body.body, `Hi Lou, case ${a.id} is solved.`)
  const badMacro = await admin.post('/api/v1/macros', { name: 'Bad macro', body: 'Hi {{nickname}}' })
  assert.equal(badMacro.status, 422)
  const rem = await agent.post(`/api/v1/cases/${a.id}/reminders`, { due_at: '2026-01-01T15:00:00Z', note: 'check' })
  assert.equal(rem.status, 201)
  assert.equal((await agent.post(`/api/v1/cases/${a.id}/reminders`, { due_at: 'soon' })).status, 422)
  const run = await admin.post('/api/v1/service/escalations/run')
  assert.equal(run.status, 200)
  assert.ok(run.body.reminders_due >= 1)
  const notes = await agent.get('/api/v1/service/notifications')
  assert.ok(notes.body.items.some((n) => n.case_id === a.id))
  const survey = await new Session(server.baseUrl).post('/api/v1/case-surveys', { token: 'not-a-token', rating: 5 })
  assert.equal(survey.status, 404)
})

test('inbound mail opens a case once; the dashboard counts it and exports', async () => {
  const fs = await import('node:fs')
  const raw = fs.readFileSync(new URL('../fixtures/mail/outlook_windows1252_html.eml', import.meta.url))
  const first = await admin.request('POST', '/api/v1/mail/inbound', raw.toString('latin1'), { 'content-type': 'message/rfc822' })
  assert.equal(first.status, 201, JSON.stringify(first.body))
  const again = await admin.request('POST', '/api/v1/mail/inbound', raw.toString('latin1'), { 'content-type': 'message/rfc822' })
  assert.equal(again.body.duplicate, true)
  assert.equal(again.body.case_id, first.body.case_id)
  const c = (await agent.get(`/api/v1/cases/${first.body.case_id}`)).body
  assert.equal(c.channel, 'email')
  assert.equal(c.requester_email, 'joneil@globex.test')
  assert.equal((await client.post('/api/v1/mail/inbound', 'x')).status, 403)
  const dash = await admin.get('/api/v1/service/dashboard?by=queue')
  assert.equal(dash.status, 200)
  assert.ok(dash.body.total.cases >= 1)
  assert.equal(dash.body.backlog_by_age.length, 5)
  assert.equal((await admin.get('/api/v1/service/dashboard?by=planet')).status, 400)
  const csv = (await admin.get('/api/v1/service/dashboard/export.csv?by=agent')).body.toString('utf8')
  assert.ok(csv.includes('sla_attainment_pct'))
  assert.equal((await client.get('/api/v1/service/dashboard')).status, 403)
})
