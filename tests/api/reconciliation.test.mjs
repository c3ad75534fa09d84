// Reconciliation work over real HTTP: save a spec, upload two CSV files, run it as a job, browse the
// exception items, resolve one with If-Match, export, and tenant isolation (another client's run is 404).
// The inputs are the weekly VMS audit of docs/RECONCILE.md, whose classes are worked by hand there.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Session, startServer, waitForJob } from './client.mjs'

// tests/fixtures/vms-audit: docs/RECONCILE.md worked example 1.
const fixture = (name) => fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/vms-audit', name), 'utf8')
const SPEC = fixture('spec.toml')
const VMS = fixture('vms.csv')
const ASSIGNMENTS = fixture('assignments.csv')

const base = '/api/v1/reconciliation'
let server, coordinator, client, other, mine, spec, run

async function upload(session, name, text) {
  const res = await session.request('POST', `${base}/files?name=${encodeURIComponent(name)}`, text, { 'content-type': 'text/csv' })
  assert.equal(res.status, 201, JSON.stringify(res.body))
  return res.body
}

before(async () => {
  server = await startServer()
  coordinator = await Session.login(server.baseUrl, 'coordinator@concord.test')
  client = await Session.login(server.baseUrl, 'client@concord.test')
  other = await Session.login(server.baseUrl, 'client2@concord.test')
  mine = (await client.get('/api/v1/auth/me')).body.user.client_ids[0]
})
after(async () => { await server?.stop() })

test('a spec is checked by the engine when saved; errors name the key', async () => {
  const bad = await coordinator.post(`${base}/specs`, { name: 'broken', toml: '[left]\nkey = ["id"]\nkye = 1\n[right]\n' })
  assert.equal(bad.status, 422)
  assert.equal(bad.body.errors[0].field, 'toml/left.kye')
  const saved = await coordinator.post(`${base}/specs`, { name: 'Weekly VMS audit', toml: SPEC, client_id: mine })
  assert.equal(saved.status, 201, JSON.stringify(saved.body))
  assert.equal(saved.headers.get('etag'), '"1"')
  spec = saved.body
  const list = await coordinator.get(`${base}/specs?q=vms`)
  assert.ok(list.body.items.some((s) => s.id === spec.id))
  assert.equal((await client.post(`${base}/specs`, { name: 'x', toml: SPEC })).status, 403)
})

test('upload two files, start a run, watch the job, read the counts', async () => {
  const left = await upload(coordinator, 'vms.csv', VMS)
  const right = await upload(coordinator, 'assignments.csv', ASSIGNMENTS)
  assert.equal(left.size, Buffer.byteLength(VMS))
  assert.match(left.sha256, /^[0-9a-f]{64}$/)
  const started = await coordinator.post(`${base}/runs`, { spec_id: spec.id, left_file_id: left.id, right_file_id: right.id })
  assert.equal(started.status, 202, JSON.stringify(started.body))
  assert.ok(started.body.job_id)
  const job = await waitForJob(coordinator, started.body.job_id)
  assert.equal(job.state, 'succeeded', job.message)
  assert.equal(job.done, job.total)
  const read = await coordinator.get(`${base}/runs/${started.body.id}`)
  run = read.body
  assert.equal(run.state, 'succeeded')
  assert.equal(run.left.sha256, left.sha256)
  assert.equal(run.right.name, 'assignments.csv')
  const s = run.summary
  assert.deepEqual([s.matched, s.mismatched, s.only_left, s.only_right, s.duplicate_keys], [2, 2, 1, 0, 1])
  const missing = await coordinator.post(`${base}/runs`, { spec_id: spec.id })
  assert.equal(missing.status, 422)
})

test('browse the items: by run, kind and key, in cursor pages', async () => {
  const all = await coordinator.get(`${base}/runs/${run.id}/items`)
  assert.equal(all.status, 200)
  assert.equal(all.body.total, 4)
  assert.deepEqual(all.body.items.map((i) => `${i.kind} ${i.key}`).sort(),
    ['duplicate W-1005', 'mismatched W-1002', 'mismatched W-1004', 'only_left W-1006'])
  const mismatched = await coordinator.get(`${base}/items?run_id=${run.id}&kind=mismatched`)
  assert.equal(mismatched.body.total, 2)
  const found = await coordinator.get(`${base}/items?run_id=${run.id}&q=w-1004`)
  assert.equal(found.body.items.length, 1)
  assert.equal(found.body.items[0].details.diffs[0].left_value, '$38.00')
  const seen = []
  let cursor = ''
  do {
    const page = await coordinator.get(`${base}/items?run_id=${run.id}&sort=key&limit=3${cursor ? `&cursor=${cursor}` : ''}`)
    seen.push(...page.body.items.map((i) => i.key))
    cursor = page.body.next_cursor
  } while (cursor)
  assert.deepEqual(seen, ['W-1002', 'W-1004', 'W-1005', 'W-1006'])
  assert.equal((await coordinator.get(`${base}/items?kind=sideways`)).status, 400)
})

test('resolve an item: note and correction required, If-Match checked, history kept', async () => {
  const item = (await coordinator.get(`${base}/items?run_id=${run.id}&q=w-1004`)).body.items[0]
  const read = await coordinator.get(`${base}/items/${item.id}`)
  const etag = read.headers.get('etag')
  assert.equal(etag, `"${item.version}"`)
  const path = `${base}/items/${item.id}/resolve`
  assert.equal((await coordinator.post(path, { note: 'x', correction: 'y' })).status, 428)
  const bare = await coordinator.post(path, { note: '' }, { 'if-match': etag })
  assert.equal(bare.status, 422)
  assert.deepEqual(bare.body.errors.map((e) => e.field), ['note', 'correction'])
  const assigned = await coordinator.post(`${base}/items/${item.id}/assign`, { assignee_id: (await coordinator.get('/api/v1/auth/me')).body.user.id }, { 'if-match': etag })
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body))
  const stale = await coordinator.post(path, { note: 'rate keyed wrong', correction: 'IES W-1004 bill rate 36.00 -> 38.00' }, { 'if-match': etag })
  assert.equal(stale.status, 412)
  const resolved = await coordinator.post(path, { note: 'rate keyed wrong', correction: 'IES W-1004 bill rate 36.00 -> 38.00' },
    { 'if-match': assigned.headers.get('etag') })
  assert.equal(resolved.status, 200, JSON.stringify(resolved.body))
  assert.equal(resolved.body.status, 'resolved')
  assert.equal(resolved.body.assignee.name, 'Casey Coordinator')
  const audit = await coordinator.get(`/api/v1/audit?entity=recon_item&id=${item.id}`)
  assert.deepEqual(audit.body.items.map((e) => e.action), ['resolve', 'assign'])
  const open = await coordinator.get(`${base}/items?run_id=${run.id}&status=open`)
  assert.equal(open.body.total, 3)
})

test('accept a known difference, then reopen it; the item lists the runs that reported it', async () => {
  const item = (await coordinator.get(`${base}/items?run_id=${run.id}&kind=only_left`)).body.items[0]
  const noNote = await coordinator.post(`${base}/items/${item.id}/accept`, {}, { 'if-match': `"${item.version}"` })
  assert.equal(noNote.status, 422)
  const accepted = await coordinator.post(`${base}/items/${item.id}/accept`, { note: 'W-1006 is billed outside the VMS' },
    { 'if-match': `"${item.version}"` })
  assert.equal(accepted.status, 200)
  assert.equal(accepted.body.status, 'accepted')
  assert.deepEqual(accepted.body.run_ids, [run.id])
  const reopened = await coordinator.request('POST', `${base}/items/${item.id}/reopen`, undefined, { 'if-match': accepted.headers.get('etag') })
  assert.equal(reopened.status, 200, JSON.stringify(reopened.body))
  assert.equal(reopened.body.status, 'open')
})

test('export the items as CSV and XLSX', async () => {
  const csv = await coordinator.get(`${base}/items/export.csv?run_id=${run.id}&sort=key`)
  assert.equal(csv.status, 200)
  assert.match(csv.headers.get('content-disposition'), /exceptions.csv/)
  const lines = csv.body.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n')
  assert.match(lines[0], /^id,run_id,first_run_id,kind,key,status/)
  assert.equal(lines.length, 5)
  assert.ok(lines[2].includes('W-1004') && lines[2].includes('resolved'), lines[2])
  const xlsx = await coordinator.get(`${base}/items/export.xlsx?run_id=${run.id}`)
  assert.equal(xlsx.status, 200)
  assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK')
})

test('runs: search by file name, sort, export', async () => {
  const found = await coordinator.get(`${base}/runs?q=ASSIGNMENTS`)
  assert.equal(found.status, 200)
  assert.ok(found.body.items.some((r) => r.id === run.id))
  assert.equal((await coordinator.get(`${base}/runs?q=no-such-file`)).body.total, 0)
  const sorted = await coordinator.get(`${base}/runs?sort=spec_name&limit=1`)
  assert.equal(sorted.status, 200)
  assert.equal((await coordinator.get(`${base}/runs?sort=secret`)).status, 400)
  const csv = await coordinator.get(`${base}/runs/export.csv`)
  assert.equal(csv.status, 200)
  const lines = csv.body.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n')
  assert.match(lines[0], /^id,spec,state,left_file,left_sha256,right_file/)
  assert.ok(lines.some((l) => l.startsWith(`${run.id},`) && l.includes('assignments.csv')))
})

test("concord's own records as an input: a CRM list against the client accounts", async () => {
  const sources = await coordinator.get(`${base}/sources`)
  assert.ok(sources.body.items.some((src) => src.name === 'clients'))
  const clients = (await coordinator.get('/api/v1/clients?limit=500&archived=all')).body
  const [same, renamed] = clients.items.filter((c) => c.external_ref)
  const crm = `external_ref,legal_name\r\n${same.external_ref},"${same.legal_name}"\r\n${renamed.external_ref},Renamed Holdings\r\n`
  const crmSpec = await coordinator.post(`${base}/specs`, {
    name: 'CRM vs concord clients',
    toml: '[left]\nname = "crm"\nkey = ["external_ref"]\n\n[right]\nname = "concord"\nkey = ["external_ref"]\n\n' +
      '[[columns]]\nleft = "legal_name"\nnormalize = ["trim", "casefold"]\n',
  })
  assert.equal(crmSpec.status, 201, JSON.stringify(crmSpec.body))
  const left = await upload(coordinator, 'crm.csv', crm)
  const snapshot = await coordinator.post(`${base}/sources/clients/snapshot`)
  assert.equal(snapshot.status, 201, JSON.stringify(snapshot.body))
  assert.match(snapshot.body.sha256, /^[0-9a-f]{64}$/)
  assert.equal((await coordinator.post(`${base}/sources/nothing/snapshot`)).status, 404)
  const started = await coordinator.post(`${base}/runs`, { spec_id: crmSpec.body.id, left_file_id: left.id, right_file_id: snapshot.body.id })
  assert.equal(started.status, 202, JSON.stringify(started.body))
  const job = await waitForJob(coordinator, started.body.job_id)
  assert.equal(job.state, 'succeeded', job.message)
  const s = (await coordinator.get(`${base}/runs/${started.body.id}`)).body.summary
  assert.deepEqual([s.matched, s.mismatched, s.only_left, s.only_right], [1, 1, 0, clients.total - 2])
})

test("a client user sees their client's run; another client's user gets 404", async () => {
  assert.equal((await client.get(`${base}/runs/${run.id}`)).status, 200)
  assert.equal((await client.get(`${base}/runs/${run.id}/items`)).body.total, 4)
  const item = (await client.get(`${base}/runs/${run.id}/items`)).body.items[0]
  assert.equal((await other.get(`${base}/runs/${run.id}`)).status, 404)
  assert.equal((await other.get(`${base}/runs/${run.id}/items`)).status, 404)
  assert.equal((await other.get(`${base}/items/${item.id}`)).status, 404)
  assert.equal((await other.get(`${base}/specs/${spec.id}`)).status, 404)
  const runs = await other.get(`${base}/runs`)
  assert.ok(runs.body.items.every((r) => r.id !== run.id))
  const items = await other.get(`${base}/items?run_id=${run.id}`)
  assert.equal(items.body.total, 0)
  const csv = (await other.get(`${base}/items/export.csv`)).body.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n')
  assert.equal(csv.length, 1)
  // Reading is all a client user may do here.
  assert.equal((await client.post(`${base}/items/${item.id}/accept`, { note: 'x' }, { 'if-match': '"1"' })).status, 403)
})

test('the weekly audit: a manager schedules a spec on files the server reads', async () => {
  const body = { cron: '0 6 * * 1', left_path: '/srv/drop/vms.csv', right_path: '/srv/drop/assignments.csv' }
  const current = await coordinator.get(`${base}/specs/${spec.id}`)
  const path = `${base}/specs/${spec.id}/schedule`
  assert.equal((await coordinator.request('PUT', path, body, { 'if-match': current.headers.get('etag') })).status, 403)
  const manager = await Session.login(server.baseUrl, 'manager@concord.test')
  const relative = await manager.request('PUT', path, { ...body, left_path: 'vms.csv' }, { 'if-match': current.headers.get('etag') })
  assert.equal(relative.status, 422)
  const scheduled = await manager.request('PUT', path, body, { 'if-match': current.headers.get('etag') })
  assert.equal(scheduled.status, 200, JSON.stringify(scheduled.body))
  assert.deepEqual(scheduled.body.schedule, body)
  assert.equal(scheduled.headers.get('etag'), `"${current.body.version + 1}"`)
  // Stopping it: a coordinator may not, a stale version is refused, then the schedule is gone.
  const etag = scheduled.headers.get('etag')
  assert.equal((await coordinator.request('DELETE', path, undefined, { 'if-match': etag })).status, 403)
  assert.equal((await manager.request('DELETE', path, undefined, { 'if-match': current.headers.get('etag') })).status, 412)
  const stopped = await manager.request('DELETE', path, undefined, { 'if-match': etag })
  assert.equal(stopped.status, 200, JSON.stringify(stopped.body))
  assert.equal(stopped.body.schedule, null)
})

test('the OpenAPI document lists the reconciliation routes', async () => {
  const doc = (await coordinator.get('/api/v1/openapi.json')).body
  for (const p of ['/specs', '/specs/{id}', '/specs/{id}/schedule', '/files', '/runs', '/runs/{id}', '/runs/{id}/items',
    '/items', '/items/{id}', '/items/{id}/resolve', '/items/{id}/reopen', '/items/export.csv']) {
    assert.ok(doc.paths[`${base}${p}`], p)
  }
  assert.ok(doc.components.schemas.ReconItem)
})
