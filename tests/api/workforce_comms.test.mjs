// The coordinator's communication work over real HTTP: payroll tickets (open from a worker, research,
// send to payroll, resolve; the queue's exports; the home's follow-ups) and every endpoint's tenancy —
// another client's user gets 404, the worker sees their own ticket read-only.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Session, startServer } from './client.mjs'

let server, coordinator, client2, worker, workerId
before(async () => {
  server = await startServer()
  coordinator = await Session.login(server.baseUrl, 'coordinator@concord.test')
  client2 = await Session.login(server.baseUrl, 'client2@concord.test')
  worker = await Session.login(server.baseUrl, 'worker@concord.test')
  workerId = (await worker.get('/api/v1/auth/me')).body.user.worker_id
})
after(async () => {
  await server?.stop()
})

const ifMatch = (r) => ({ 'if-match': `"${r.version}"` })

test('a payroll ticket is opened from a worker, sent to payroll and resolved, each step on the timeline', async () => {
  const opened = await coordinator.post(`/api/v1/workers/${workerId}/payroll-tickets?today=2026-11-25`, {
    kind: 'missing_pay', subject: 'Overtime missing from the 11/20 check', pay_period_start: '2026-11-09',
    pay_period_end: '2026-11-15', amount: '412.5',
  })
  assert.equal(opened.status, 201, JSON.stringify(opened.body))
  let t = opened.body
  assert.equal(t.amount, '412.50')
  assert.equal(t.due_date, '2026-11-30') // Wednesday + 2 business days over Thanksgiving
  const bad = await coordinator.post(`/api/v1/workers/${workerId}/payroll-tickets`, { kind: 'bonus', subject: 'x' })
  assert.equal(bad.status, 422)
  assert.equal(bad.body.errors[0].field, 'kind')

  let r = await coordinator.post(`/api/v1/payroll-tickets/${t.id}/send_to_payroll`, { payroll_reference: 'PAY-1' }, ifMatch(t))
  assert.equal(r.status, 200, JSON.stringify(r.body))
  t = r.body
  r = await coordinator.post(`/api/v1/payroll-tickets/${t.id}/resolve`, {}, ifMatch(t))
  assert.equal(r.status, 422)
  r = await coordinator.post(`/api/v1/payroll-tickets/${t.id}/resolve`, { resolution: 'Off-cycle check issued.' }, ifMatch(t))
  assert.equal(r.status, 200)
  assert.equal(r.body.status, 'resolved')
  r = await coordinator.post(`/api/v1/payroll-tickets/${t.id}/resolve`, { resolution: 'again' }, ifMatch(r.body))
  assert.equal(r.status, 409)

  const timeline = (await coordinator.get(`/api/v1/workforce/timeline?worker_id=${workerId}&q=${encodeURIComponent(`Payroll ticket #${t.id}:`)}`)).body.items
  assert.equal(timeline.length, 3)
  const csv = await coordinator.get(`/api/v1/payroll-tickets/export.csv?q=${encodeURIComponent('11/20 check')}`)
  assert.equal(csv.status, 200)
  assert.match(csv.text ?? String(csv.body), /Overtime missing from the 11\/20 check/)
  assert.equal((await coordinator.get('/api/v1/payroll-tickets/export.xlsx?status=resolved')).status, 200)
  const summary = (await coordinator.get('/api/v1/payroll-tickets/summary?today=2030-01-01')).body
  assert.ok(summary.payroll_followups.count >= 1, 'the demo has unresolved tickets, all due by 2030')

  // The worker sees their ticket but cannot change it; another client's user sees nothing of it.
  assert.equal((await worker.get(`/api/v1/payroll-tickets/${t.id}`)).body.status, 'resolved')
  assert.ok((await worker.get('/api/v1/payroll-tickets')).body.items.every((x) => x.worker_id === workerId))
  assert.equal((await worker.post(`/api/v1/payroll-tickets/${t.id}/reopen`, { note: 'x' }, ifMatch(r.body))).status, 403)
  assert.equal((await client2.get(`/api/v1/payroll-tickets/${t.id}`)).status, 404)
  assert.ok((await client2.get('/api/v1/payroll-tickets?limit=500')).body.items.every((x) => x.id !== t.id))
  assert.equal((await client2.get('/api/v1/payroll-tickets/summary?today=2030-01-01')).body.payroll_followups.items
    .filter((x) => x.worker_id === workerId).length, 0)
  for (const [method, path] of [['POST', `/api/v1/payroll-tickets/${t.id}/reopen`], ['PATCH', `/api/v1/payroll-tickets/${t.id}`],
    ['POST', `/api/v1/workers/${workerId}/payroll-tickets`]]) {
    assert.ok([403, 404].includes((await client2.request(method, path, { note: 'x' }, ifMatch(t))).status), `${method} ${path}`)
  }
})
