// The service desk journey: an email arrives → a case in the right queue with an assignee → the agent
// replies in the browser (captured by a real SMTP server, Debian's python3-aiosmtpd) → pending pauses
// the SLA → the requester's mail answer reopens it → the escalation raises it to L2 as the resolution
// target nears → solved; then the manager's dashboard.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { Session } from '../api/client.mjs'
import { launchBrowser, login, newContext, repoRoot, screenshot, selectOption, startServer, until } from './harness.mjs'
import { startSmtp } from './smtp.mjs'

const fixture = (name) => fs.readFileSync(path.join(repoRoot, 'tests/fixtures/mail', name))
// What reached the requester (agents' escalation notices go to their own addresses).
const toRequester = () => smtp.delivered().filter((m) => /^To: .*acme-staffing\.test/im.test(m))

async function inbound(session, raw) {
  return session.request('POST', '/api/v1/mail/inbound', raw.toString('latin1'), { 'content-type': 'message/rfc822' })
}

let smtp, server, browser, admin, caseId
describe('service desk journey', { timeout: 600_000 }, () => {
  before(async () => {
    smtp = await startSmtp()
    server = await startServer()
    browser = await launchBrowser()
    admin = await Session.login(server.baseUrl, 'admin@concord.test')
    // A round-the-clock calendar and a short resolution target for "general" mail, so the escalation
    // (raise to the L2 queue 2 minutes before the 3-minute target) fires while the test runs.
    const cal = (await admin.post('/api/v1/service-calendars', {
      name: 'Journey 24x7', time_zone: 'UTC',
      weekly_hours: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, ['00:00-24:00']])),
    })).body
    const l2 = (await admin.get('/api/v1/queues')).body.items.find((q) => q.name.startsWith('L2'))
    const policy = await admin.post('/api/v1/sla-policies', {
      name: 'Journey fast', calendar_id: cal.id, category: 'general', first_response_min: 60, resolution_min: 3,
      escalations: [{ metric: 'resolution', before_due_min: 2, action: 'raise_level', target: String(l2.id) }],
    })
    assert.equal(policy.status, 201, JSON.stringify(policy.body))
  })

  after(async () => {
    await browser?.close().catch(() => {})
    await server?.stop()
    smtp?.stop()
  })

  test('an email becomes a case in the right queue with an assignee', async () => {
    const res = await inbound(admin, fixture('request_multipart_attachment.eml'))
    assert.equal(res.status, 201, JSON.stringify(res.body))
    caseId = res.body.case_id
    const c = (await admin.get(`/api/v1/cases/${caseId}`)).body
    assert.equal(c.queue_name, 'Employer support')  // sent to support@concord.test
    assert.ok(c.assignee_id, 'routed to an agent')
    assert.equal(c.level, 'l1')
  })

  test('the agent replies and sets pending: the mail goes out and the SLA pauses', async () => {
    const ctx = await newContext(browser, server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'admin@concord.test')
    await page.goto(`/service-desk/cases/${caseId}`)
    await page.getByText('Pay stub missing – week 09', { exact: false }).first().waitFor()
    await page.getByTestId('entry-body').fill('Could you send the register again, please?')
    await selectOption(page, 'Then set status', 'Pending requester')
    await page.getByRole('button', { name: 'Send reply' }).click()
    await until(async () => (await page.getByTestId('sla-badge').first().textContent()) === 'Paused', 'the SLA badge to show Paused')
    await screenshot(page, 'service-case-pending')
    const mails = await until(() => (toRequester().length === 1 ? toRequester() : null), 'the reply at the SMTP server')
    assert.match(mails[0], /In-Reply-To: <CAF8x2-request-0001@mail\.acme-staffing\.test>/)
    assert.match(mails[0], new RegExp(`\\[#${caseId}\\]`))
    await ctx.close()
  })

  test('the requester answers by mail: same case, open again', async () => {
    // The outbox records the delivery just after the relay takes the message.
    const sent = await until(async () => {
      const timeline = (await admin.get(`/api/v1/cases/${caseId}/timeline`)).body.items
      const reply = timeline.find((e) => e.kind === 'message_out')
      return reply?.outcome === 'sent' ? reply : null
    }, 'the reply recorded as sent')
    const raw = fixture('reply_iso8859_1.eml').toString('latin1').replaceAll('<OUTBOUND>', sent.mail.message_id).replace('[#CASE]', `[#${caseId}]`)
    const res = await inbound(admin, Buffer.from(raw, 'latin1'))
    assert.equal(res.body.case_id, caseId)
    assert.equal((await admin.get(`/api/v1/cases/${caseId}`)).body.status, 'open')
  })

  test('as the resolution target nears, the escalation raises the case to L2', async () => {
    const raised = await until(async () => {
      await admin.post('/api/v1/service/escalations/run')
      const c = (await admin.get(`/api/v1/cases/${caseId}`)).body
      return c.level === 'l2' ? c : null
    }, 'the escalation to L2', 150_000)
    assert.ok(raised.queue_name.startsWith('L2'))
    if (raised.assignee_id) {
      // the L2 agent it was routed to hears of it by e-mail too
      await smtp.waitFor((m) => m.includes(`Case #${caseId} escalated to l2`), 'the escalation notice at the SMTP server')
    }
  })

  test('the agent solves it; the manager sees the dashboard', async () => {
    const ctx = await newContext(browser, server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'admin@concord.test')
    await page.goto(`/service-desk/cases/${caseId}`)
    await page.getByTestId('entry-body').fill('The stubs are reissued. Thank you!')
    await selectOption(page, 'Then set status', 'Solved')
    await page.getByRole('button', { name: 'Send reply' }).click()
    await until(async () => (await page.getByTestId('case-status').textContent()) === 'Solved', 'the case to show Solved')
    await screenshot(page, 'service-case-solved')
    // The two replies, then the survey link the solve queued in the outbox.
    const survey = await smtp.waitFor((m) => m.includes('How did we do?'), 'the survey link at the SMTP server')
    assert.match(survey.replace(/=\r?\n/g, ''), /\/survey\/[A-Za-z0-9_-]+/)
    assert.equal(toRequester().length, 3)
    await page.goto('/service-desk?view=all')
    await page.getByTestId('case-row').first().waitFor()
    await screenshot(page, 'service-cases')
    await page.goto('/service-desk/dashboard')
    await page.getByTestId('dashboard-row').first().waitFor()
    const attainment = await page.getByTestId('stat-sla-attainment').textContent()
    assert.match(attainment, /%$/)
    await screenshot(page, 'service-dashboard')
    await ctx.close()
  })
})
