// Tenant isolation over HTTP: a client user reaches only their own client. Every client-scoped endpoint
// answers 404 for another client's records (never 403, which would confirm they exist), and lists
// hold only their own rows.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Session, startServer } from './client.mjs'

let server, client, coordinator, mine, theirs, theirContact
before(async () => {
  server = await startServer()
  client = await Session.login(server.baseUrl, 'client@concord.test')
  coordinator = await Session.login(server.baseUrl, 'coordinator@concord.test')
  const me = await client.get('/api/v1/auth/me')
  mine = me.body.user.client_ids[0]
  const all = await coordinator.get('/api/v1/clients?limit=5')
  theirs = all.body.items.find((c) => c.id !== mine).id
  theirContact = (await coordinator.get(`/api/v1/clients/${theirs}/contacts`)).body.items[0].id
})
after(async () => { await server?.stop() })

test('the list and exports hold only their own client', async () => {
  const list = await client.get('/api/v1/clients?limit=500&archived=all')
  assert.equal(list.status, 200)
  assert.deepEqual(list.body.items.map((c) => c.id), [mine])
  assert.equal(list.body.total, 1)
  const csv = (await client.get('/api/v1/clients/export.csv')).body.toString('utf8').trim().split('\r\n')
  assert.equal(csv.length, 2)
  assert.ok(csv[1].startsWith(`${mine},`))
})

test('every endpoint on another client answers 404', async () => {
  const h = { 'if-match': '"1"' }
  const attempts = [
    () => client.get(`/api/v1/clients/${theirs}`),
    () => client.get(`/api/v1/clients/${theirs}/contacts`),
    () => client.get(`/api/v1/clients/${theirs}/tax-id`),
  ]
  for (const attempt of attempts) {
    const res = await attempt()
    assert.ok(res.status === 404 || res.status === 403, `status ${res.status}`)
    if (res.status === 403) assert.equal(res.body.code, 'auth.forbidden')  // a permission the role lacks, for any client
  }
  assert.equal((await client.get(`/api/v1/clients/${theirs}`)).status, 404)
  assert.equal((await client.get(`/api/v1/clients/${theirs}/contacts`)).status, 404)
  // Writes: the role lacks the permission (403) whichever client; with it, scope still hides theirs.
  for (const res of [
    await client.patch(`/api/v1/clients/${theirs}`, { dba: 'x' }, h),
    await client.post(`/api/v1/clients/${theirs}/archive`, undefined, h),
    await client.post(`/api/v1/clients/${theirs}/contacts`, { name: 'Eve', email: 'eve@x.example' }),
    await client.patch(`/api/v1/clients/${theirs}/contacts/${theirContact}`, { title: 'x' }, h),
    await client.delete(`/api/v1/clients/${theirs}/contacts/${theirContact}`, h),
  ]) {
    assert.ok([403, 404].includes(res.status), `status ${res.status}`)
  }
  const audit = await client.get(`/api/v1/audit?entity=client&id=${theirs}`)
  assert.equal(audit.status, 200)
  assert.deepEqual(audit.body.items, [])
})

test('their own client is readable, with its contacts and history', async () => {
  assert.equal((await client.get(`/api/v1/clients/${mine}`)).status, 200)
  assert.equal((await client.get(`/api/v1/clients/${mine}/contacts`)).status, 200)
  const audit = await client.get(`/api/v1/audit?entity=client&id=${mine}`)
  assert.ok(audit.body.items.length >= 1)
})

test('client users cannot write client accounts or see the staff directory', async () => {
  assert.equal((await client.post('/api/v1/clients', { legal_name: 'Sneaky LLC' })).status, 403)
  assert.equal((await client.get('/api/v1/users')).status, 403)
  assert.equal((await client.request('POST', '/api/v1/clients/import', 'legal_name\nX\n', { 'content-type': 'text/csv' })).status, 403)
})

test('another client user sees a different single client', async () => {
  const other = await Session.login(server.baseUrl, 'client2@concord.test')
  const list = await other.get('/api/v1/clients')
  assert.equal(list.body.total, 1)
  assert.notEqual(list.body.items[0].id, mine)
  assert.equal((await other.get(`/api/v1/clients/${mine}`)).status, 404)
})
