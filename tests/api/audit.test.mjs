// The audit trail over HTTP: filters, order, export, tenancy (a client user sees only their client's
// events), and the background chain check (admins and managers only).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Session, startServer, waitForJob } from './client.mjs'

let server, admin, coordinator, client, clientIds
before(async () => {
  server = await startServer()
  admin = await Session.login(server.baseUrl, 'admin@concord.test')
  coordinator = await Session.login(server.baseUrl, 'coordinator@concord.test')
  client = await Session.login(server.baseUrl, 'client@concord.test')
  clientIds = (await client.get('/api/v1/auth/me')).body.user.client_ids
})
after(async () => {
  await server?.stop()
})

test('an edit is found by record, action, actor, day and search, newest first or oldest first', async () => {
  const created = await admin.post('/api/v1/clients', { legal_name: 'Audit Trail Test Co', status: 'prospect' })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const id = created.body.id
  const patched = await admin.patch(`/api/v1/clients/${id}`, { industry: 'Logistics' }, { 'if-match': created.headers.get('etag') })
  assert.equal(patched.status, 200, JSON.stringify(patched.body))
  const me = (await admin.get('/api/v1/auth/me')).body.user
  const today = new Date().toISOString().slice(0, 10)

  const byRecord = await admin.get(`/api/v1/audit?entity=client&id=${id}`)
  assert.deepEqual(byRecord.body.items.map((e) => e.action), ['update', 'create'])
  assert.equal(byRecord.body.items[0].after.industry, 'Logistics')
  const oldestFirst = await admin.get(`/api/v1/audit?entity=client&id=${id}&sort=at`)
  assert.deepEqual(oldestFirst.body.items.map((e) => e.action), ['create', 'update'])

  const filtered = await admin.get(`/api/v1/audit?action=update&actor_id=${me.id}&from=${today}&to=${today}&q=${id}`)
  assert.ok(filtered.body.items.some((e) => e.entity === 'client' && String(e.entity_id) === String(id)))
  for (const e of filtered.body.items) {
    assert.equal(e.action, 'update')
    assert.equal(e.actor.id, me.id)
    assert.equal(e.at.slice(0, 10), today)
  }
  assert.equal((await admin.get(`/api/v1/audit?entity=client&id=${id}&to=2000-01-01`)).body.items.length, 0)

  const bad = await admin.get('/api/v1/audit?from=22/11/2026')
  assert.equal(bad.status, 400)
  assert.match(bad.body.detail, /from must be a date/)

  const csv = (await admin.get(`/api/v1/audit/export.csv?entity=client&id=${id}`)).body.toString('utf8').replace(/^\uFEFF/, '')
  const lines = csv.trim().split('\r\n')
  assert.equal(lines[0], 'seq,at,actor,actor_id,request_id,entity,id,client_id,action,before,after,hash')
  assert.equal(lines.length, 3)  // header, update, create
  assert.match(lines[1], /,update,/)
  const xlsx = await admin.get(`/api/v1/audit/export.xlsx?entity=client&id=${id}`)
  assert.equal(xlsx.status, 200)
  assert.equal(xlsx.body.subarray(0, 2).toString('latin1'), 'PK')
})

test("a client user sees only their client's events; another client's are not there", async () => {
  const mine = await client.get('/api/v1/audit?limit=200')
  assert.equal(mine.status, 200)
  assert.ok(mine.body.items.length > 0, 'the demo client has history')
  for (const e of mine.body.items) assert.ok(clientIds.includes(e.client_id), `event ${e.id} of client ${e.client_id}`)
  const other = (await admin.get('/api/v1/clients?limit=50')).body.items.find((c) => !clientIds.includes(c.id))
  assert.ok(other, 'the demo has another client')
  assert.ok((await admin.get(`/api/v1/audit?client_id=${other.id}`)).body.items.length > 0)
  assert.equal((await client.get(`/api/v1/audit?client_id=${other.id}`)).body.items.length, 0)
  assert.equal((await client.get(`/api/v1/audit?entity=client&id=${other.id}`)).body.items.length, 0)
  const csv = (await client.get(`/api/v1/audit/export.csv?client_id=${other.id}`)).body.toString('utf8').replace(/^\uFEFF/, '')
  assert.equal(csv.trim().split('\r\n').length, 1)  // the header only
})

test('the chain check runs as a job for admins and managers and finds the chain intact', async () => {
  assert.equal((await coordinator.post('/api/v1/audit/verify', {})).status, 403)
  assert.equal((await client.post('/api/v1/audit/verify', {})).status, 403)
  const started = await admin.post('/api/v1/audit/verify', {})
  assert.equal(started.status, 202, JSON.stringify(started.body))
  const job = await waitForJob(admin, started.body.id, 120_000)
  assert.equal(job.state, 'succeeded', job.message)
  assert.equal(job.result.ok, true, job.result.problem)
  assert.ok(job.result.events > 100, `${job.result.events} events`)
  assert.equal(job.done, job.total)
  // The check itself is on the record: who asked for it, then how it ended.
  const trail = await admin.get(`/api/v1/audit?entity=job&id=${started.body.id}&sort=at`)
  assert.equal(trail.body.items[0].action, 'enqueue')
  assert.equal(trail.body.items[0].actor.name, 'Alex Administrator')
})
