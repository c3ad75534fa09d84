// The outbox over real HTTP with a real SMTP server (Debian's aiosmtpd): a queued message reaches the
// relay and its state is visible to internal users only; clients and workers are told it does not exist.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Session, startServer } from './client.mjs'
import { until } from '../e2e/harness.mjs'
import { startSmtp } from '../e2e/smtp.mjs'

let smtp, server, coordinator, client, worker
before(async () => {
  smtp = await startSmtp()
  server = await startServer()
  coordinator = await Session.login(server.baseUrl, 'coordinator@concord.test')
  client = await Session.login(server.baseUrl, 'client@concord.test')
  worker = await Session.login(server.baseUrl, 'worker@concord.test')
})
after(async () => {
  await server?.stop()
  smtp?.stop()
})

async function sentMessage(id) {
  return until(async () => {
    const res = await coordinator.get(`/api/v1/mail/outbox/${id}`)
    return res.body.status === 'sent' ? res.body : null
  }, `outbox message ${id} to be sent`)
}

test('a test message reaches the relay and the outbox says so', async () => {
  const bad = await coordinator.post('/api/v1/mail/test', { to: 'not an address' })
  assert.equal(bad.status, 422, JSON.stringify(bad.body))
  assert.equal(bad.body.errors[0].field, 'to[0]')

  const queued = await coordinator.post('/api/v1/mail/test', { to: 'it@acme-staffing.test' })
  assert.equal(queued.status, 201, JSON.stringify(queued.body))
  assert.equal(queued.body.status, 'queued')
  const sent = await sentMessage(queued.body.id)
  assert.equal(sent.attempts, 1)
  const raw = await smtp.waitFor('To: it@acme-staffing.test', 'the test message at the SMTP server')
  assert.match(raw, /Subject: concord: test message/)
  assert.ok(raw.includes(sent.message_id), 'the Message-ID fixed at queueing is the one delivered')

  const list = await coordinator.get('/api/v1/mail/outbox?purpose=relay_test&q=acme-staffing')
  assert.equal(list.status, 200)
  assert.ok(list.body.items.some((m) => m.id === sent.id))
  const csv = await coordinator.get('/api/v1/mail/outbox/export.csv?status=sent')
  assert.equal(csv.status, 200)
  assert.match(csv.body.toString('utf8'), /it@acme-staffing\.test/)
  const xlsx = await coordinator.get('/api/v1/mail/outbox/export.xlsx')
  assert.equal(xlsx.status, 200)
  assert.equal(xlsx.body.subarray(0, 2).toString('latin1'), 'PK')

  const again = await coordinator.post(`/api/v1/mail/outbox/${sent.id}/resend`)
  assert.equal(again.status, 409, 'a sent message is not sent twice')
  const audit = await coordinator.get(`/api/v1/audit?entity=mail&id=${sent.id}`)
  assert.deepEqual(audit.body.items.map((e) => e.action).sort(), ['mail_sent', 'queue'])
})

test('clients and workers cannot see the outbox', async () => {
  const queued = await coordinator.post('/api/v1/mail/test', { to: 'it@acme-staffing.test' })
  await sentMessage(queued.body.id)
  for (const outsider of [client, worker]) {
    assert.equal((await outsider.get(`/api/v1/mail/outbox/${queued.body.id}`)).status, 404)
    assert.equal((await outsider.post(`/api/v1/mail/outbox/${queued.body.id}/resend`)).status, 403)
    assert.equal((await outsider.get('/api/v1/mail/outbox')).status, 403)
    assert.equal((await outsider.get('/api/v1/mail/outbox/export.csv')).status, 403)
    assert.equal((await outsider.post('/api/v1/mail/test', { to: 'x@example.com' })).status, 403)
  }
})
