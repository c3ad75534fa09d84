// The account status report over HTTP: a draft over the account's live jobs, edited, downloaded as PDF and
// XLSX, e-mailed with its PDF to the client contact through the outbox (arriving at a real SMTP server),
// frozen once sent; the weekly schedule; and another tenant's 404s.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startSmtp } from '../e2e/smtp.mjs'
import { until } from '../e2e/harness.mjs'
import { A, agencyWorld, etag } from './agency_world.mjs'

let smtp, world
before(async () => {
  smtp = await startSmtp()
  world = await agencyWorld()
})
after(async () => {
  await world?.server.stop()
  smtp?.stop()
})

// The contact the report goes to by default: the primary one with an address, else the first with one.
async function defaultRecipient(session, clientId) {
  let contacts = (await session.get(`/api/v1/clients/${clientId}/contacts`)).body.items ?? []
  if (!contacts.some((c) => c.email)) {
    const added = await session.post(`/api/v1/clients/${clientId}/contacts`,
      { name: 'Morgan Marketing', role: 'Marketing', email: 'morgan@mine.example', is_primary: true })
    assert.equal(added.status, 201, JSON.stringify(added.body))
    contacts = (await session.get(`/api/v1/clients/${clientId}/contacts`)).body.items
  }
  return (contacts.find((c) => c.is_primary && c.email) ?? contacts.find((c) => c.email)).email
}

test('an account status report covers the live jobs, is downloaded and e-mailed with its PDF', async () => {
  const { coordinator, mine } = world
  const job = (await coordinator.post(`${A}/jobs`, {
    client_id: mine, title: 'Weekly report job', due_date: '2099-12-31',
    milestones: [{ name: 'Concepts', due: '2099-03-10', done: true }, { name: 'Print', due: '2099-04-01', done: false }],
  })).body
  assert.ok(job.id, JSON.stringify(job))

  const draft = await coordinator.post(`${A}/accounts/${mine}/status-reports`, {})
  assert.equal(draft.status, 200, JSON.stringify(draft.body))
  assert.equal(draft.body.state, 'draft')
  const line = draft.body.lines.find((l) => l.job_id === job.id)
  assert.ok(line, 'the new job is in the report')
  assert.equal(line.progress, 50) // 1 of 2 milestones done
  assert.ok(draft.body.lines.every((l) => !['invoiced', 'closed', 'cancelled'].includes(l.job_status)))

  const bad = await coordinator.request('PATCH', `${A}/account-status-reports/${draft.body.id}`,
    { lines: [{ job_id: job.id, progress: 101 }] }, etag(draft))
  assert.equal(bad.status, 422)
  assert.equal(bad.body.errors[0].field, 'lines[0].progress')
  const edited = await coordinator.request('PATCH', `${A}/account-status-reports/${draft.body.id}`,
    { narrative: 'Print slot booked for April.', lines: [{ job_id: job.id, health: 'at_risk', progress: 60 }] }, etag(draft))
  assert.equal(edited.status, 200, JSON.stringify(edited.body))
  assert.equal(edited.body.lines.find((l) => l.job_id === job.id).health, 'at_risk')

  const pdf = await coordinator.get(`${A}/account-status-reports/${draft.body.id}/pdf`)
  assert.equal(pdf.status, 200)
  assert.match(pdf.headers.get('content-type'), /application\/pdf/)
  assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-')
  const xlsx = await coordinator.get(`${A}/account-status-reports/${draft.body.id}/export.xlsx`)
  assert.equal(xlsx.status, 200)
  assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK')

  const to = await defaultRecipient(coordinator, mine)
  const sent = await coordinator.post(`${A}/account-status-reports/${draft.body.id}/send`, {}, etag(edited))
  assert.equal(sent.status, 200, JSON.stringify(sent.body))
  assert.equal(sent.body.state, 'sent')
  assert.equal(sent.body.sent_to, to)
  assert.ok(sent.body.outbox_id)
  const raw = await smtp.waitFor((m) => m.includes(`To: ${to}`) && m.includes('Subject: Status report:'),
    'the status report at the SMTP server')
  assert.match(raw, /Content-Type: application\/pdf/)
  assert.match(raw, /Weekly report job: at_risk, 60% done/)
  await until(async () => (await coordinator.get(`/api/v1/mail/outbox/${sent.body.outbox_id}`)).body.status === 'sent',
    'the outbox to record it sent')

  const frozen = await coordinator.request('PATCH', `${A}/account-status-reports/${draft.body.id}`, { narrative: 'x' }, etag(sent))
  assert.equal(frozen.status, 409)
  const again = await coordinator.post(`${A}/account-status-reports/${draft.body.id}/send`, {}, etag(sent))
  assert.equal(again.status, 409)

  // The next draft carries the narrative and the job's health forward.
  const next = await coordinator.post(`${A}/accounts/${mine}/status-reports`, {})
  assert.notEqual(next.body.id, draft.body.id)
  assert.equal(next.body.previous_id, draft.body.id)
  assert.equal(next.body.narrative, 'Print slot booked for April.')
  assert.equal(next.body.lines.find((l) => l.job_id === job.id).health, 'at_risk')
  const list = await coordinator.get(`${A}/account-status-reports?client_id=${mine}&state=sent`)
  assert.ok(list.body.items.some((r) => r.id === draft.body.id))
  assert.ok(list.body.items.every((r) => r.state === 'sent'))
})

test('the weekly schedule is set per account and checked', async () => {
  const { coordinator, mine } = world
  const current = await coordinator.get(`${A}/accounts/${mine}/status-report-schedule`)
  assert.equal(current.status, 200)
  const bad = await coordinator.request('PUT', `${A}/accounts/${mine}/status-report-schedule`, { weekday: 9 }, etag(current))
  assert.equal(bad.status, 422)
  assert.equal(bad.body.errors[0].field, 'weekday')
  const saved = await coordinator.request('PUT', `${A}/accounts/${mine}/status-report-schedule`,
    { weekday: 3, auto_send: false, send_to: '' }, etag(current))
  assert.equal(saved.status, 200, JSON.stringify(saved.body))
  assert.equal(saved.body.weekday, 3)
  assert.equal(saved.body.version, current.body.version + 1)
  const stale = await coordinator.request('PUT', `${A}/accounts/${mine}/status-report-schedule`, { weekday: 1 }, etag(current))
  assert.equal(stale.status, 412)
})

test("another tenant's account status reports and schedule are not found", async () => {
  const { coordinator, client, theirs } = world
  const report = await coordinator.post(`${A}/accounts/${theirs}/status-reports`, {})
  assert.equal(report.status, 200, JSON.stringify(report.body))
  for (const path of [`/account-status-reports/${report.body.id}`, `/account-status-reports/${report.body.id}/pdf`,
    `/account-status-reports/${report.body.id}/export.xlsx`, `/accounts/${theirs}/status-report-schedule`]) {
    assert.equal((await client.get(`${A}${path}`)).status, 404, path)
  }
  const listed = await client.get(`${A}/account-status-reports?client_id=${theirs}`)
  assert.equal(listed.status, 200)
  assert.equal(listed.body.items.length, 0)
  // Writing is the agency's: the client user is refused before the record is even looked up.
  assert.equal((await client.post(`${A}/account-status-reports/${report.body.id}/send`, {}, etag(report))).status, 403)
})
