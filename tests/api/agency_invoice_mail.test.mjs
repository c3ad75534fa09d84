// An issued invoice e-mailed with its PDF to the client's billing contact through the outbox, arriving at a
// real SMTP server (Debian's aiosmtpd), and recorded on the invoice as a delivery.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Session, startServer } from './client.mjs'
import { until } from '../e2e/harness.mjs'
import { startSmtp } from '../e2e/smtp.mjs'

const A = '/api/v1/agency'
let smtp, server, admin, coordinator, client, mine
const etag = (res) => ({ 'if-match': res.headers.get('etag') })

before(async () => {
  smtp = await startSmtp()
  server = await startServer()
  admin = await Session.login(server.baseUrl, 'admin@concord.test')
  coordinator = await Session.login(server.baseUrl, 'coordinator@concord.test')
  client = await Session.login(server.baseUrl, 'client@concord.test')
  mine = (await client.get('/api/v1/auth/me')).body.user.client_ids[0]
  if ((await coordinator.get(`${A}/accounts/${mine}`)).status !== 200) {
    await coordinator.request('PUT', `${A}/accounts/${mine}`, { client_code: 'MINE' })
  }
})
after(async () => {
  await server?.stop()
  smtp?.stop()
})

test('an invoice is e-mailed as PDF to the billing contact and recorded as a delivery', async () => {
  const contact = await coordinator.post(`/api/v1/clients/${mine}/contacts`,
    { name: 'Avery Payable', role: 'Accounts Payable', email: 'ap-billing@mine.example' })
  assert.equal(contact.status, 201, JSON.stringify(contact.body))
  const job = (await coordinator.post(`${A}/jobs`, { client_id: mine, title: 'Mailed invoice', due_date: '2099-12-31' })).body
  const x = await coordinator.post(`${A}/expenses`,
    { job_id: job.id, expense_date: '2025-06-02', description: 'Courier', cost: '64.00', markup_percent: '0' })
  await admin.post(`${A}/expenses/${x.body.id}/approve`, undefined, etag(x))
  const draft = await coordinator.post(`${A}/invoices`, { job_id: job.id, source: 'time_and_expenses' })
  const unissued = await coordinator.post(`${A}/invoices/${draft.body.id}/email`, {}, etag(draft))
  assert.equal(unissued.status, 409)
  const issued = await admin.post(`${A}/invoices/${draft.body.id}/issue`, {}, etag(draft))

  const mailed = await coordinator.post(`${A}/invoices/${issued.body.id}/email`, { note: 'Thank you.' }, etag(issued))
  assert.equal(mailed.status, 200, JSON.stringify(mailed.body))
  // Queued is not sent: the delivery shows the outbox message's state, and the stage waits for it.
  assert.equal(mailed.body.stage, 'issued')
  const [delivery] = mailed.body.deliveries
  assert.equal(delivery.status, 'queued')
  assert.equal(delivery.channel, 'email')
  assert.equal(delivery.sent_to, 'ap-billing@mine.example')
  assert.ok(delivery.outbox_id)

  const raw = await smtp.waitFor(`Subject: Invoice ${issued.body.number}`, 'the invoice at the SMTP server')
  assert.match(raw, /To: ap-billing@mine\.example/)
  assert.match(raw, /Content-Type: application\/pdf/)
  assert.ok(raw.includes(`${issued.body.number}`))
  assert.match(raw, /Thank you\./)
  const sent = await until(async () => {
    const res = await coordinator.get(`/api/v1/mail/outbox/${delivery.outbox_id}`)
    return res.body.status === 'sent' ? res.body : null
  }, 'the outbox to record it sent')
  assert.equal(sent.entity, 'agency_invoice')
  assert.equal(sent.entity_id, String(issued.body.id))
  const after = (await coordinator.get(`${A}/invoices/${issued.body.id}`)).body
  assert.equal(after.deliveries[0].status, 'sent')
  assert.equal(after.delivery_status, 'sent')
  assert.equal(after.stage, 'sent')

  // The client user cannot send the agency's invoices, nor reach another client's.
  assert.equal((await client.post(`${A}/invoices/${issued.body.id}/email`, {}, etag(mailed))).status, 403)
})
