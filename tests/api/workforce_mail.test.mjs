// Workforce e-mail over real HTTP with a real SMTP server (Debian's python3-aiosmtpd): a missing-timecard
// reminder is recorded on the worker's timeline and arrives at the relay, addressed to the worker.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Session, startServer } from './client.mjs'
import { startSmtp } from '../e2e/smtp.mjs'

let smtp, server, coordinator, client2
before(async () => {
  smtp = await startSmtp()
  server = await startServer()
  coordinator = await Session.login(server.baseUrl, 'coordinator@concord.test')
  client2 = await Session.login(server.baseUrl, 'client2@concord.test')
})
after(async () => {
  await server?.stop()
  smtp?.stop()
})

test("a missing-timecard reminder is on the worker's timeline and reaches the SMTP relay", async () => {
  // A finished week in which the demo has workers without a submitted timecard.
  let week, rows
  for (let back = 1; back <= 4 && !rows?.length; back++) {
    const d = new Date(Date.now() - back * 7 * 86400_000)
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
    week = d.toISOString().slice(0, 10)
    rows = (await coordinator.get(`/api/v1/workforce/reports/missing-timecards?week_start=${week}`)).body.items
  }
  assert.ok(rows.length > 0, 'the demo has missing timecards')
  const row = rows[0]
  const worker = (await coordinator.get(`/api/v1/workers/${row.worker_id}`)).body
  assert.ok(worker.email, 'the demo worker has an address')
  const sent = await coordinator.post(`/api/v1/workforce/reports/missing-timecards/reminders?week_start=${week}`, {})
  assert.equal(sent.status, 200, JSON.stringify(sent.body))
  assert.ok(sent.body.sent >= 1)
  const subject = `Reminder: timecard for the week of ${week} (sent the week of ${sent.body.week_of})`
  const timeline = (await coordinator.get(`/api/v1/workforce/timeline?worker_id=${row.worker_id}&limit=200`)).body.items
  assert.ok(timeline.some((e) => e.subject === subject && e.direction === 'outbound'))
  const raw = await smtp.waitFor((m) => m.includes(`To: ${worker.email}`) && m.includes('Reminder: timecard for the week of'),
    `the reminder to ${worker.email} at the SMTP server`, 120_000)
  assert.match(raw, new RegExp(`for the week of ${week}`))
  const outbox = (await coordinator.get(`/api/v1/mail/outbox?purpose=timecard_reminder&q=${encodeURIComponent(worker.email)}`)).body.items
  assert.ok(outbox.some((m) => m.subject === subject && m.entity === 'assignment' && m.entity_id === String(row.assignment_id)))
  // Another client's user cannot send them.
  assert.ok([403, 404].includes((await client2.post(`/api/v1/workforce/reports/missing-timecards/reminders?week_start=${week}`, {})).status))
})
