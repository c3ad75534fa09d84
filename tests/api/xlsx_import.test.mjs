// Imports from .xlsx over HTTP: a VMS export saved as a workbook by another program
// (tests/fixtures/xlsx/fieldglass*.xlsx, made with openpyxl) goes through POST /psrs/import like its CSV —
// sniffed by its zip signature, bad cells named by row and cell, nothing saved, idempotent — and a user of
// another client cannot import into the programme.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { Session, startServer } from './client.mjs'

const fixture = (name) => readFileSync(new URL(`../fixtures/xlsx/${name}`, import.meta.url))

let server, coordinator, client, client2, programme
before(async () => {
  server = await startServer()
  coordinator = await Session.login(server.baseUrl, 'coordinator@concord.test')
  client = await Session.login(server.baseUrl, 'client@concord.test')
  client2 = await Session.login(server.baseUrl, 'client2@concord.test')
  const mine = (await client.get('/api/v1/auth/me')).body.user.client_ids[0]
  const created = await coordinator.post('/api/v1/programmes', { client_id: mine, name: 'Fieldglass workbook test', vms: 'fieldglass' })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  programme = created.body
})
after(async () => { await server?.stop() })

// The session's request() sends strings or JSON; a workbook is bytes.
async function upload(session, path, bytes) {
  const headers = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', cookie: session.cookie }
  if (session.csrf) headers['x-csrf-token'] = session.csrf
  const res = await fetch(server.baseUrl + path, { method: 'POST', headers, body: bytes })
  return { status: res.status, body: await res.json() }
}

test('a VMS export as .xlsx: bad cells named by row and cell, nothing saved; a good one imports once', async () => {
  const refused = await upload(coordinator, `/api/v1/psrs/import?programme_id=${programme.id}&file_name=export.xlsx`, fixture('fieldglass-broken.xlsx'))
  assert.equal(refused.status, 422)
  assert.deepEqual(refused.body.errors.map((e) => e.field), ['export.xlsx, row 5, cell H5 (Start Date)', 'export.xlsx, row 5, cell J5 (Pay Rate)'])
  assert.equal((await coordinator.get(`/api/v1/psrs?programme_id=${programme.id}`)).body.total, 0)

  // No file name: the zip signature says it is a workbook.
  const once = await upload(coordinator, `/api/v1/psrs/import?programme_id=${programme.id}`, fixture('fieldglass.xlsx'))
  assert.deepEqual([once.status, once.body.created], [200, 3])
  const twice = await upload(coordinator, `/api/v1/psrs/import?programme_id=${programme.id}`, fixture('fieldglass.xlsx'))
  assert.deepEqual([twice.body.created, twice.body.updated, twice.body.unchanged], [0, 0, 3])
  const psr = (await coordinator.get(`/api/v1/psrs?programme_id=${programme.id}&q=WO-1003`)).body.items[0]
  assert.deepEqual([psr.start_date, psr.end_date, psr.pay_rate, psr.worker_type], ['2026-11-16', '2027-02-26', '80.00', 'contractor_1099'])
})

test('another client cannot import into the programme', async () => {
  const res = await upload(client2, `/api/v1/psrs/import?programme_id=${programme.id}`, fixture('fieldglass.xlsx'))
  assert.ok([403, 404].includes(res.status), `status ${res.status}`)
})

test('a hostile workbook is refused with a clear error', async () => {
  const bomb = await upload(coordinator, `/api/v1/psrs/import?programme_id=${programme.id}&file_name=bomb.xlsx`, fixture('bomb.xlsx'))
  assert.equal(bomb.status, 422)
  assert.match(bomb.body.detail, /bomb\.xlsx: xl\/worksheets\/data\.xml: unpacks to more than 64 MiB/)
})
