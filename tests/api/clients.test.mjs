// Client accounts over real HTTP: CRUD with ETag/If-Match, validation, lists, exports, import, jobs, audit.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Session, startServer, waitForJob } from './client.mjs'

let server, coordinator
before(async () => {
  server = await startServer()
  coordinator = await Session.login(server.baseUrl, 'coordinator@concord.test')
})
after(async () => { await server?.stop() })

test('create, read with ETag, edit with If-Match, stale edit 412, missing If-Match 428', async () => {
  const created = await coordinator.post('/api/v1/clients', {
    legal_name: 'Pinecrest Analytics LLC', tax_id: '123456789', status: 'onboarding',
    addresses: [{ kind: 'billing', line1: '1 Main St', city: 'Boise', region: 'ID', postal_code: '83702', country: 'US' }],
  })
  assert.equal(created.status, 201)
  assert.equal(created.body.tax_id_masked, '**-***6789')
  assert.equal(created.body.tax_id, undefined)
  const id = created.body.id
  assert.equal(created.headers.get('location'), `/api/v1/clients/${id}`)
  const read = await coordinator.get(`/api/v1/clients/${id}`)
  const etag = read.headers.get('etag')
  assert.equal(etag, '"1"')
  const edited = await coordinator.patch(`/api/v1/clients/${id}`, { dba: 'Pinecrest' }, { 'if-match': etag })
  assert.equal(edited.status, 200)
  assert.equal(edited.headers.get('etag'), '"2"')
  const stale = await coordinator.patch(`/api/v1/clients/${id}`, { dba: 'PA' }, { 'if-match': etag })
  assert.equal(stale.status, 412)
  assert.match(stale.headers.get('content-type'), /problem\+json/)
  const missing = await coordinator.patch(`/api/v1/clients/${id}`, { dba: 'PA' })
  assert.equal(missing.status, 428)
})

test('validation errors name every field', async () => {
  const res = await coordinator.post('/api/v1/clients', { tax_id: '12', status: 'asleep', addresses: [{ kind: 'moon' }] })
  assert.equal(res.status, 422)
  const fields = res.body.errors.map((e) => e.field)
  for (const f of ['legal_name', 'tax_id', 'status', 'addresses/0/kind', 'addresses/0/line1']) assert.ok(fields.includes(f), f)
})

test('cursor pages walk the whole sorted list without repeats', async () => {
  const seen = new Set()
  let cursor = ''
  let total = 0
  let previous = ''
  do {
    const res = await coordinator.get(`/api/v1/clients?limit=7&sort=legal_name${cursor ? `&cursor=${cursor}` : ''}`)
    assert.equal(res.status, 200)
    total = res.body.total
    for (const c of res.body.items) {
      assert.ok(!seen.has(c.id), `client ${c.id} twice`)
      seen.add(c.id)
      assert.ok(c.legal_name.toLowerCase() >= previous, `${c.legal_name} after ${previous}`)
      previous = c.legal_name.toLowerCase()
    }
    cursor = res.body.next_cursor
  } while (cursor)
  assert.equal(seen.size, total)
  assert.equal((await coordinator.get('/api/v1/clients?sort=secret')).status, 400)
  assert.equal((await coordinator.get('/api/v1/clients?cursor=bogus')).status, 400)
})

test('search and filters narrow the list', async () => {
  const all = await coordinator.get('/api/v1/clients?limit=500')
  const active = await coordinator.get('/api/v1/clients?status=active&limit=500')
  assert.ok(active.body.total > 0 && active.body.total < all.body.total)
  assert.ok(active.body.items.every((c) => c.status === 'active'))
  const name = all.body.items[3].legal_name
  const found = await coordinator.get(`/api/v1/clients?q=${encodeURIComponent(name.slice(0, 8).toUpperCase())}`)
  assert.ok(found.body.items.some((c) => c.legal_name === name))
})

test('exports: CSV with the rows, XLSX as a zip package', async () => {
  const csv = await coordinator.get('/api/v1/clients/export.csv?status=active')
  assert.equal(csv.status, 200)
  assert.match(csv.headers.get('content-disposition'), /attachment; filename="clients.csv"/)
  const text = csv.body.toString('utf8').replace(/^\uFEFF/, '')
  const lines = text.trim().split('\r\n')
  assert.match(lines[0], /^id,external_ref,legal_name/)
  const active = await coordinator.get('/api/v1/clients?status=active&limit=1')
  assert.ok(lines.length - 1 >= active.body.total)
  const xlsx = await coordinator.get('/api/v1/clients/export.xlsx')
  assert.equal(xlsx.status, 200)
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/)
  assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK')
})

test('archive and restore', async () => {
  const c = (await coordinator.post('/api/v1/clients', { legal_name: 'Short Lived Co' })).body
  const archived = await coordinator.post(`/api/v1/clients/${c.id}/archive`, undefined, { 'if-match': '"1"' })
  assert.equal(archived.status, 200)
  assert.equal(archived.body.archived, true)
  const list = await coordinator.get('/api/v1/clients?q=short%20lived')
  assert.equal(list.body.total, 0)
  const shown = await coordinator.get('/api/v1/clients?q=short%20lived&archived=true')
  assert.equal(shown.body.total, 1)
  const restored = await coordinator.post(`/api/v1/clients/${c.id}/restore`, undefined, { 'if-match': '"2"' })
  assert.equal(restored.body.archived, false)
})

test('contacts: add, edit with If-Match, delete; audit history records each', async () => {
  const c = (await coordinator.post('/api/v1/clients', { legal_name: 'Contactful Inc.' })).body
  const added = await coordinator.post(`/api/v1/clients/${c.id}/contacts`, {
    name: 'Rosa Delgado', role: 'HR Director', email: 'rosa@contactful.example', preferred_channel: 'email', is_primary: true,
  })
  assert.equal(added.status, 201)
  const bad = await coordinator.post(`/api/v1/clients/${c.id}/contacts`, { name: 'X', preferred_channel: 'phone' })
  assert.equal(bad.status, 422)
  assert.equal(bad.body.errors[0].field, 'phone')
  const edited = await coordinator.patch(`/api/v1/clients/${c.id}/contacts/${added.body.id}`, { title: 'VP People' }, { 'if-match': '"1"' })
  assert.equal(edited.status, 200)
  assert.equal(edited.body.title, 'VP People')
  assert.equal((await coordinator.delete(`/api/v1/clients/${c.id}/contacts/${added.body.id}`, { 'if-match': '"1"' })).status, 412)
  assert.equal((await coordinator.delete(`/api/v1/clients/${c.id}/contacts/${added.body.id}`, { 'if-match': '"2"' })).status, 204)
  const audit = await coordinator.get(`/api/v1/audit?entity=contact&id=${added.body.id}`)
  assert.deepEqual(audit.body.items.map((e) => e.action), ['delete', 'update', 'create'])
  assert.equal(audit.body.items[1].before.title, '')
  assert.equal(audit.body.items[1].after.title, 'VP People')
  assert.equal(audit.body.items[0].actor.name, 'Casey Coordinator')
  const history = await coordinator.get(`/api/v1/audit?client_id=${c.id}`)
  assert.deepEqual(history.body.items.map((e) => `${e.entity}:${e.action}`),
    ['contact:delete', 'contact:update', 'contact:create', 'client:create'])
})

test('tax id: masked everywhere, revealed only to managers, and the reveal is audited', async () => {
  const c = (await coordinator.post('/api/v1/clients', { legal_name: 'Secret Holdings', tax_id: '98-7654321' })).body
  assert.equal((await coordinator.get(`/api/v1/clients/${c.id}/tax-id`)).status, 403)
  const manager = await Session.login(server.baseUrl, 'admin@concord.test')
  const shown = await manager.get(`/api/v1/clients/${c.id}/tax-id`)
  assert.equal(shown.status, 200)
  assert.equal(shown.body.tax_id, '98-7654321')
  assert.equal(shown.headers.get('cache-control'), 'no-store')
  const audit = await manager.get(`/api/v1/audit?entity=client&id=${c.id}`)
  assert.equal(audit.body.items[0].action, 'reveal_tax_id')
  assert.ok(!JSON.stringify(audit.body).includes('7654321'), 'the audit trail never holds a tax id in clear')
})

test('CSV import: all or nothing with line and column, then idempotent', async () => {
  const good = 'external_ref,legal_name,tax_id,status\r\nIMP-1,Import One LLC,11-1111111,active\r\nIMP-2,"Import Two, Inc.",,prospect\r\n'
  const bad = good + 'IMP-3,,22-2,sideways\r\n'
  const rejected = await coordinator.request('POST', '/api/v1/clients/import?file_name=batch.csv', bad, { 'content-type': 'text/csv' })
  assert.equal(rejected.status, 422)
  assert.deepEqual(rejected.body.errors.map((e) => e.field), [
    'batch.csv, line 4, column 2 (legal_name)', 'batch.csv, line 4, column 3 (tax_id)', 'batch.csv, line 4, column 4 (status)',
  ])
  assert.equal((await coordinator.get('/api/v1/clients?q=import%20one')).body.total, 0)
  const dry = await coordinator.request('POST', '/api/v1/clients/import?dry_run=true', good, { 'content-type': 'text/csv' })
  assert.deepEqual(dry.body, { created: 2, updated: 0, unchanged: 0, dry_run: true })
  const first = await coordinator.request('POST', '/api/v1/clients/import', good, { 'content-type': 'text/csv' })
  assert.deepEqual(first.body, { created: 2, updated: 0, unchanged: 0, dry_run: false })
  const again = await coordinator.request('POST', '/api/v1/clients/import', good, { 'content-type': 'text/csv' })
  assert.deepEqual(again.body, { created: 0, updated: 0, unchanged: 2, dry_run: false })
})

test('background XLSX export job: progress, then a downloadable file', async () => {
  const started = await coordinator.post('/api/v1/exports/clients')
  assert.equal(started.status, 202)
  assert.ok(['queued', 'running', 'succeeded'].includes(started.body.state))
  const job = await waitForJob(coordinator, started.body.id)
  assert.equal(job.state, 'succeeded', job.message)
  assert.equal(job.done, job.total)
  assert.ok(job.total > 0)
  const file = await coordinator.get(job.result_url)
  assert.equal(file.status, 200)
  assert.equal(file.body.subarray(0, 2).toString(), 'PK')
  const other = await Session.login(server.baseUrl, 'client@concord.test')
  assert.equal((await other.get(`/api/v1/jobs/${job.id}`)).status, 404)
  assert.equal((await other.get(job.result_url)).status, 404)
})
