// Workforce management over real HTTP: import the hand-worked call-detail fixture (a job), forecast it
// (a job) with accuracy on the held-back week, import a schedule and read the staffing plan with its
// gaps; lists, exports, the calculator, If-Match, and access (internal only: client users get 403).
// Expected numbers are worked by hand in tests/fixtures/wfm/README.md and
// ../shared/conformance/wfm/erlang-cases.md (case 4).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Session, startServer, waitForJob } from './client.mjs'

const fixture = (name) => fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/wfm', name), 'utf8')
const CALLS = fixture('calls.csv')
const SCHEDULE = fixture('schedule.csv')
const base = '/api/v1/wfm'
const csv = { 'content-type': 'text/csv' }

let server, manager, coordinator, client, queue, forecast

before(async () => {
  server = await startServer()
  manager = await Session.login(server.baseUrl, 'manager@concord.test')
  coordinator = await Session.login(server.baseUrl, 'coordinator@concord.test')
  client = await Session.login(server.baseUrl, 'client@concord.test')
})
after(async () => { await server?.stop() })

test('a call-detail file is imported by a job, once', async () => {
  const res = await manager.request('POST', `${base}/contacts/import?file_name=calls.csv`, CALLS, csv)
  assert.equal(res.status, 202, JSON.stringify(res.body))
  const job = await waitForJob(manager, res.body.id)
  assert.equal(job.state, 'succeeded', job.message)
  assert.equal(job.result.created, 1290)
  assert.equal(job.result.queues_created, 1)
  const again = await waitForJob(manager, (await manager.request('POST', `${base}/contacts/import`, CALLS, csv)).body.id)
  assert.equal(again.result.unchanged, 1290)
  assert.equal(again.result.created, 0)
  const list = await manager.get(`${base}/queues?q=employer_line`)
  assert.equal(list.body.total, 1)
  queue = list.body.items[0]
  assert.equal(queue.contacts, 1290)
})

test('a bad file is refused at once with line and column, and nothing is saved', async () => {
  const bad = 'call_id,queue,arrived_at,outcome,handle_s\nx-1,employer_line,2026-13-01T09:00:00Z,answered,100\n'
  const res = await manager.request('POST', `${base}/contacts/import?file_name=bad.csv`, bad, csv)
  assert.equal(res.status, 422)
  assert.equal(res.body.errors[0].field, 'bad.csv, line 2, column 3 (arrived_at)')
  const dry = await manager.request('POST', `${base}/contacts/import?dry_run=true`, CALLS, csv)
  assert.equal(dry.status, 200)
  assert.equal(dry.body.dry_run, true)
  assert.equal(dry.body.rows, 1290)
})

test('contacts list: filter, sort, cursor pages and exports', async () => {
  // One abandoned call each weekday (16:30, third call) over 25 weekdays.
  const abandoned = await manager.get(`${base}/contacts?queue_id=${queue.id}&outcome=abandoned`)
  assert.equal(abandoned.body.total, 25)
  assert.ok(abandoned.body.items.every((c) => c.outcome === 'abandoned' && c.handle_s === 0))
  const longest = await manager.get(`${base}/contacts?queue_id=${queue.id}&sort=-handle_s&limit=1`)
  assert.equal(longest.body.items[0].handle_s, 300)
  const first = await manager.get(`${base}/contacts?queue_id=${queue.id}&sort=arrived_at&limit=2`)
  assert.deepEqual(first.body.items.map((c) => c.call_id), ['EL-00001', 'EL-00002'])
  const next = await manager.get(`${base}/contacts?queue_id=${queue.id}&sort=arrived_at&limit=2&cursor=${first.body.next_cursor}`)
  assert.deepEqual(next.body.items.map((c) => c.call_id), ['EL-00003', 'EL-00004'])
  const search = await manager.get(`${base}/contacts?q=EL-00012`)
  assert.equal(search.body.total, 1)
  const exported = (await manager.get(`${base}/contacts/export.csv?queue_id=${queue.id}&outcome=abandoned`)).body.toString('utf8')
  assert.equal(exported.trim().split('\r\n').length, 26)
  const xlsx = await manager.get(`${base}/queues/export.xlsx`)
  assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK')
})

test('a forecast job back-tests the held-back week: a repeating week is forecast exactly', async () => {
  const res = await manager.post(`${base}/queues/${queue.id}/forecasts`, { holdout_days: 7, horizon_days: 14 })
  assert.equal(res.status, 202, JSON.stringify(res.body))
  assert.equal(res.body.state, 'queued')
  const job = await waitForJob(manager, res.body.job_id)
  assert.equal(job.state, 'succeeded', job.message)
  forecast = (await manager.get(`${base}/forecasts/${res.body.id}`)).body
  assert.equal(forecast.state, 'succeeded')
  assert.equal(forecast.forecast_from, '2026-02-09')
  assert.equal(forecast.accuracy.interval.wape, 0)
  assert.equal(forecast.accuracy.daily.mape, 0)
  assert.equal(forecast.series.forecast.contacts[18], 3)  // Monday 09:00
  assert.equal(forecast.series.backtest.actual.length, 7 * 48)
  const list = await manager.get(`${base}/forecasts?queue_id=${queue.id}&state=succeeded`)
  assert.equal(list.body.total, 1)
  const exported = (await manager.get(`${base}/forecasts/export.csv?queue_id=${queue.id}`)).body.toString('utf8')
  assert.match(exported.split('\r\n')[1], /,employer_line,succeeded,2026-01-05,2026-02-08,2026-02-09,14,7,0\.00,0\.00,0\.00,0\.00,/)
  const bad = await manager.post(`${base}/queues/${queue.id}/forecasts`, { horizon_days: 0 })
  assert.equal(bad.status, 422)
  assert.equal(bad.body.errors[0].field, 'horizon_days')
})

test('the staffing plan shows required against scheduled and the gaps', async () => {
  const imported = await manager.request('POST', `${base}/schedule/import?file_name=schedule.csv`, SCHEDULE, csv)
  assert.equal(imported.status, 200, JSON.stringify(imported.body))
  assert.equal(imported.body.rows, 16)
  const plan = (await manager.get(`${base}/forecasts/${forecast.id}/staffing`)).body
  const nine = plan.intervals[18]
  assert.deepEqual([nine.day, nine.start, nine.agents, nine.positions, nine.scheduled, nine.gap], ['2026-02-09', '09:00', 2, 3, 3, 0])
  assert.ok(Math.abs(nine.service_level - 0.9417) < 5e-5)
  assert.equal(plan.intervals[24].gap, 1)  // 12:00 lunch: 2 scheduled of 3
  assert.equal(plan.summary.model, 'erlang_c')
  const table = (await manager.get(`${base}/forecasts/${forecast.id}/staffing.csv`)).body.toString('utf8').split('\r\n')
  assert.match(table[0], /day,start,forecast_contacts/)
  assert.match(table[25], /^2026-02-09,12:00,3\.00,,240,erlang_c,2,3,.*,2,1$/)
  const wrong = await manager.get(`${base}/forecasts/${forecast.id}/staffing?target_sl=lots`)
  assert.equal(wrong.status, 422)
  assert.equal(wrong.body.errors[0].field, 'target_sl')
  const put = await manager.request('PUT', `${base}/queues/${queue.id}/schedule`, JSON.stringify({ entries: [{ date: '2026-02-09', start: '12:00', scheduled: 3 }] }), { 'content-type': 'application/json' })
  assert.equal(put.status, 200, JSON.stringify(put.body))
  assert.equal((await manager.get(`${base}/forecasts/${forecast.id}/staffing`)).body.intervals[24].gap, 0)
})

test('the calculator gives the published Erlang C case 4', async () => {
  const res = await coordinator.post(`${base}/staffing`, { contacts: 100, interval_min: 30, aht_s: 180, target_sl: 0.8, target_s: 20, shrinkage: 0.3, max_occupancy: 0.85 })
  assert.equal(res.status, 200, JSON.stringify(res.body))
  assert.equal(res.body.agents, 14)
  assert.equal(res.body.positions, 20)
  assert.ok(Math.abs(res.body.service_level - 0.88835) < 5e-6)
  const bad = await coordinator.post(`${base}/staffing`, { contacts: 100, aht_s: 0 })
  assert.equal(bad.status, 422)
  assert.equal(bad.body.errors[0].field, 'aht_s')
})

test('queue settings change with If-Match only', async () => {
  const one = await manager.get(`${base}/queues/${queue.id}`)
  assert.equal((await manager.patch(`${base}/queues/${queue.id}`, { target_sl: 0.9 })).status, 428)
  const saved = await manager.patch(`${base}/queues/${queue.id}`, { target_sl: 0.9, patience_s: 300 }, { 'if-match': one.headers.get('etag') })
  assert.equal(saved.status, 200, JSON.stringify(saved.body))
  assert.equal(saved.body.patience_s, 300)
  assert.equal((await manager.patch(`${base}/queues/${queue.id}`, { name: 'x' }, { 'if-match': one.headers.get('etag') })).status, 412)
  assert.equal((await manager.patch(`${base}/queues/${queue.id}`, { key: 'other' }, { 'if-match': saved.headers.get('etag') })).status, 422)
  const audit = await manager.get(`/api/v1/audit?entity=wfm_queue&id=${queue.id}`)
  assert.ok(audit.body.items.some((e) => e.action === 'update'))
  // With patience known the plan is Erlang A.
  assert.equal((await manager.get(`${base}/forecasts/${forecast.id}/staffing`)).body.summary.model, 'erlang_a')
})

test('records that are not there are 404', async () => {
  assert.equal((await manager.get(`${base}/queues/999999`)).status, 404)
  assert.equal((await manager.get(`${base}/forecasts/999999`)).status, 404)
  assert.equal((await manager.get(`${base}/forecasts/999999/staffing`)).status, 404)
  assert.equal((await manager.get(`${base}/queues/abc`)).status, 404)
})

test('WFM is internal: client users get 403 everywhere; coordinators read but do not plan', async () => {
  const reads = ['/queues', '/queues/export.csv', `/queues/${queue.id}`, `/queues/${queue.id}/history?from=2026-01-05`,
    `/queues/${queue.id}/schedule`, '/contacts', '/contacts/export.xlsx', '/forecasts', '/forecasts/export.csv',
    `/forecasts/${forecast.id}`, `/forecasts/${forecast.id}/staffing`, `/forecasts/${forecast.id}/staffing.xlsx`]
  for (const p of reads) {
    const denied = await client.get(base + p)
    assert.equal(denied.status, 403, p)
    assert.equal(denied.body.code, 'auth.forbidden')
    assert.equal((await coordinator.get(base + p)).status, 200, p)
  }
  const writes = [
    (s) => s.post(`${base}/queues`, { key: 'sneaky' }),
    (s) => s.patch(`${base}/queues/${queue.id}`, { name: 'x' }, { 'if-match': '"1"' }),
    (s) => s.request('PUT', `${base}/queues/${queue.id}/schedule`, '{"entries":[]}', { 'content-type': 'application/json' }),
    (s) => s.request('POST', `${base}/schedule/import`, SCHEDULE, csv),
    (s) => s.request('POST', `${base}/contacts/import`, CALLS, csv),
    (s) => s.post(`${base}/queues/${queue.id}/forecasts`, {}),
  ]
  for (const write of writes) {
    assert.equal((await write(client)).status, 403)
    assert.equal((await write(coordinator)).status, 403)
  }
  assert.equal((await client.post(`${base}/staffing`, { contacts: 1, aht_s: 1 })).status, 403)
})
