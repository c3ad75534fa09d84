// The workforce life-cycle additions over HTTP on the demo data: a contractor converted to a W-2 employee
// (If-Match, the 409/422 that name what blocks it, the employee checklist gating the new period), and
// tenancy — a user of another client and a worker get 404/403 from every endpoint here.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Session, startServer } from './client.mjs'

let server, coordinator, client2, worker, mine
before(async () => {
  server = await startServer()
  coordinator = await Session.login(server.baseUrl, 'coordinator@concord.test')
  const client = await Session.login(server.baseUrl, 'client@concord.test')
  client2 = await Session.login(server.baseUrl, 'client2@concord.test')
  worker = await Session.login(server.baseUrl, 'worker@concord.test')
  mine = (await client.get('/api/v1/auth/me')).body.user.client_ids[0]
})
after(async () => { await server?.stop() })

const addDays = (iso, n) => new Date(Date.parse(iso + 'T00:00:00Z') + n * 86400000).toISOString().slice(0, 10)

// An active 1099 contractor of the client's, and the first Monday after the time already billed for them.
async function contractorAndFirstFreeMonday() {
  const list = await coordinator.get(`/api/v1/assignments?client_id=${mine}&worker_type=contractor_1099&status=active&limit=50`)
  assert.equal(list.status, 200)
  for (const a of list.body.items) {
    if (a.work_country !== 'US' || !a.work_state) continue
    const cards = (await coordinator.get(`/api/v1/timecards?assignment_id=${a.id}&limit=200`)).body.items
    const billed = cards.filter((t) => t.status === 'submitted' || t.status === 'approved').map((t) => t.week_start).sort()
    const monday = billed.length ? addDays(billed.at(-1), 7) : a.start_date
    if (!a.end_date || monday <= a.end_date) return { a, monday }
  }
  assert.fail('the demo has no active contractor of the client to convert')
}

test('a contractor converts to a W-2 employee; the new period waits for the employee checklist', async () => {
  const { a, monday } = await contractorAndFirstFreeMonday()
  const path = `/api/v1/assignments/${a.id}/conversion`
  const body = { effective_date: monday, reason: 'coordinator_decision', note: 'The client directs the work day to day.' }
  // Another client's user does not see it (404) and may not convert anything (403); nor may a worker.
  assert.equal((await client2.get(`/api/v1/assignments/${a.id}`)).status, 404)
  assert.equal((await client2.post(path, body, { 'if-match': `"${a.version}"` })).status, 403)
  assert.equal((await worker.post(path, body, { 'if-match': `"${a.version}"` })).status, 403)
  assert.equal((await coordinator.post(path, body)).status, 428)
  const noNote = await coordinator.post(path, { ...body, note: '' }, { 'if-match': `"${a.version}"` })
  assert.equal(noNote.status, 422)
  assert.equal(noNote.body.errors[0].field, 'note')
  const early = await coordinator.post(path, { ...body, effective_date: addDays(a.start_date, -1) }, { 'if-match': `"${a.version}"` })
  assert.equal(early.status, 422)
  assert.equal(early.body.errors[0].field, 'effective_date')

  const done = await coordinator.post(path, body, { 'if-match': `"${a.version}"` })
  assert.equal(done.status, 200, JSON.stringify(done.body))
  assert.equal(done.body.worker_type, 'w2_employee')
  assert.equal(done.body.conversion.effective_date, monday)
  assert.equal(done.body.vms_update_pending, true)
  const ids = done.body.checklist.items.map((i) => i.id)
  assert.deepEqual(ids.slice(0, 3), ['i9_section1', 'i9_section2', 'w4'])
  assert.equal((await coordinator.post(path, body, { 'if-match': `"${a.version}"` })).status, 412)
  assert.equal((await coordinator.post(path, body, { 'if-match': `"${done.body.version}"` })).status, 409)  // an employee now

  const revisions = (await coordinator.get(`/api/v1/assignments/${a.id}/revisions`)).body.items
  assert.equal(revisions.at(-1).action, 'convert')
  const w = (await coordinator.get(`/api/v1/workers/${a.worker_id}`)).body
  assert.equal(w.worker_type, 'w2_employee')
  assert.deepEqual(w.type_history.map((h) => h.worker_type), ['contractor_1099', 'w2_employee'])
  const timeline = (await coordinator.get(`/api/v1/workforce/timeline?worker_id=${a.worker_id}&q=contractor%20to%20employee`)).body.items
  assert.equal(timeline.length, 1)

  const hours = { regular: ['8', '8', '8', '8', '8', '0', '0'] }
  const gated = await coordinator.request('PUT', `/api/v1/assignments/${a.id}/timecards/${monday}`, { hours })
  assert.equal(gated.status, 409)
  assert.equal(gated.body.code, 'conversion.onboarding_incomplete')
  assert.ok(gated.body.errors.some((e) => /W-4/.test(e.message)))
})
