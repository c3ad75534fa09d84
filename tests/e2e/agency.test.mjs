// Browser journey for Agency accounts (run: node --test tests/e2e/agency.test.mjs from the repo root).
// The account coordinator opens a job, drafts an estimate priced from the rate card, sends the LOE,
// revises it, and the client approves revision 2 in the portal. Time is entered (one entry late and
// flagged), which takes the job past 90 % of its budget; a status report is recorded and downloaded as PDF;
// a contact report with action items is filed; the approved time is invoiced and is frozen from then on.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Session } from '../api/client.mjs'
import { login, newContext, screenshot, selectOption, suiteServerAndBrowser, until } from './harness.mjs'


const isoDay = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

describe('agency journeys', { timeout: 600_000 }, () => {
  const env = suiteServerAndBrowser()

  test('coordinator: job → estimate → revise → client approves → late time → over budget → status report → invoice → frozen', async () => {
    const api = await Session.login(env.server.baseUrl, 'coordinator@concord.test')
    const clientApi = await Session.login(env.server.baseUrl, 'client@concord.test')
    const clientId = (await clientApi.get('/api/v1/auth/me')).body.user.client_ids[0]
    const clientName = (await api.get(`/api/v1/clients/${clientId}`)).body.legal_name

    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'coordinator@concord.test')
    await page.getByRole('link', { name: 'Agency accounts' }).click()
    await page.getByRole('heading', { name: 'Agency — today' }).waitFor()
    await screenshot(page, 'agency-home')

    // Open a job.
    await page.getByRole('tab', { name: 'Jobs' }).click()
    await page.getByRole('button', { name: 'Open a job' }).click()
    await selectOption(page, 'Client', clientName)
    await page.getByLabel('Title').fill('Launch mailer')
    await page.getByLabel('Due date').fill(isoDay(30))
    await page.getByRole('button', { name: 'Open job' }).click()
    await page.getByRole('heading', { name: /Launch mailer/ }).waitFor()
    const jobId = Number(page.url().split('/').pop())

    // Estimate: 10 h of design from the rate card + 200.00 printing at 15 %; send; revise to 12 h; send.
    await page.getByLabel('Line 1 hours').fill('10')
    await page.getByRole('button', { name: '+ Expense' }).click()
    await page.getByLabel('Line 2 service').fill('printing')
    await page.getByLabel('Line 2 cost').fill('200.00')
    await page.getByLabel('Line 2 mark-up').fill('15')
    await page.getByTestId('line-amount').nth(1).getByText('230.00').waitFor()  // 200.00 + 15 %, before saving
    await page.getByRole('button', { name: 'Create estimate' }).click()
    await page.getByRole('button', { name: 'Send LOE' }).click()
    await page.getByRole('button', { name: 'Revise' }).first().waitFor()
    await page.getByRole('button', { name: 'Revise' }).first().click()
    await page.getByRole('button', { name: 'Save draft' }).waitFor()
    await page.getByLabel('Line 1 hours').fill('12')
    // Send only once the saved draft is back in the list with its new total (its new version is the one sent)
    const draftTotal = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Send LOE' }) }).locator('td').nth(3)
    const unsaved = await draftTotal.innerText()
    // While the save is in flight (held here) "Send LOE" is disabled: it would send the version before it.
    let release
    const held = new Promise((resolve) => { release = resolve })
    await page.route('**/api/v1/agency/estimates/*', async (route) => {
      if (route.request().method() === 'PATCH') await held
      await route.continue()
    })
    const send = page.getByRole('button', { name: 'Send LOE' })
    await page.getByRole('button', { name: 'Save draft' }).click()
    await until(() => send.isDisabled(), 'Send LOE disabled while the draft saves')
    release()
    await until(async () => (await draftTotal.innerText()) !== unsaved && (await send.isEnabled()), 'the saved draft in the estimates list')
    await page.unroute('**/api/v1/agency/estimates/*')
    await send.click()
    await page.getByText('superseded').waitFor()

    // The client approves revision 2 in the portal.
    const clientCtx = await newContext(env.browser, env.server.baseUrl)
    const clientPage = await clientCtx.newPage()
    await login(clientPage, 'client@concord.test')
    await clientPage.goto(`${env.server.baseUrl}/agency/jobs/${jobId}`)
    await clientPage.getByRole('button', { name: 'Record approval' }).click()
    await clientPage.getByText('(portal)').waitFor()
    await clientCtx.close()

    const estimates = (await api.get(`/api/v1/agency/jobs/${jobId}/estimates`)).body.items
    const approved = estimates.find((e) => e.status === 'approved')
    assert.equal(approved.revision, 2)
    const budget = Number(approved.totals.total)
    const rate = Number(approved.lines[0].rate)
    assert.equal(budget, 12 * rate + 230)

    // Time: enough on time to pass 90 % of the budget, plus one entry well after the 3-business-day window.
    await page.getByRole('tab', { name: 'Timesheet' }).click()
    const job = (await api.get(`/api/v1/agency/jobs/${jobId}`)).body
    await selectOption(page, 'Job', `${job.number} Launch mailer`)
    const minutes = Math.ceil((0.92 * budget * 60) / rate)
    await page.getByLabel('Minutes').fill(String(minutes))
    await page.getByRole('button', { name: 'Enter time' }).click()
    await page.getByText('Saved on time.').waitFor()
    await page.getByLabel('Work date').fill(isoDay(-14))
    await page.getByLabel('Minutes').fill('30')
    await page.getByRole('button', { name: 'Enter time' }).click()
    await page.getByText(/flagged late/).waitFor()
    await screenshot(page, 'agency-timesheet')

    // The job now shows the over-budget alert.
    await page.goto(`${env.server.baseUrl}/agency/jobs/${jobId}`)
    await page.getByTestId('job-alert').filter({ hasText: /budget/ }).first().waitFor()

    // Status report, downloaded as PDF.
    await page.getByRole('button', { name: 'Record status report' }).click()
    await page.getByText('PDF', { exact: true }).first().waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('PDF', { exact: true }).first().click()])
    assert.match(download.suggestedFilename(), /^status-report-.+\.pdf$/)

    // Contact report with action items (filed through the API the screens use).
    const report = await api.post('/api/v1/agency/contact-reports', {
      client_id: clientId, meeting_date: isoDay(0), attendees: [{ name: 'Dana Client', side: 'client' }],
      discussion: 'Mailer copy', decisions: 'Approved with two changes', job_ids: [jobId],
      action_items: [{ text: 'Send final proofs', due_date: isoDay(2) }, { text: 'Confirm mailing list', due_date: isoDay(3) }],
    })
    assert.equal(report.status, 201, JSON.stringify(report.body))
    assert.equal(report.body.action_items.length, 2)

    // The account lead (a manager) approves the time, invoices it and issues the invoice: the entries are
    // invoiced and frozen.
    const leadCtx = await newContext(env.browser, env.server.baseUrl)
    const lead = await leadCtx.newPage()
    await login(lead, 'manager@concord.test')
    await lead.goto(`${env.server.baseUrl}/agency/jobs/${jobId}`)
    const approveButtons = lead.getByRole('button', { name: 'Approve', exact: true })
    await approveButtons.first().waitFor()
    for (let i = 0; i < 2; ++i) {
      await approveButtons.first().click()
      await lead.waitForTimeout(500)
    }
    await lead.getByRole('button', { name: 'Invoice approved time' }).click()
    await lead.getByRole('button', { name: 'Issue' }).click()
    await lead.getByText(/INV-\d{4}-\d{4}/).waitFor()
    await screenshot(lead, 'agency-job')
    await leadCtx.close()
    const time = (await api.get(`/api/v1/agency/time?job_id=${jobId}`)).body.items
    assert.ok(time.length === 2 && time.every((t) => t.state === 'invoiced' && t.frozen))
    assert.ok(time.some((t) => t.late))
    const frozen = await api.patch(`/api/v1/agency/time/${time[0].id}`, { minutes: 5 }, { 'if-match': `"${time[0].version}"` })
    assert.equal(frozen.status, 409)

    await page.getByRole('tab', { name: 'Reports & forecast' }).click()
    await page.getByText('Monthly revenue forecast').waitFor()
    await screenshot(page, 'agency-reports')
    // The contact report is on the meetings screen, due to the client by the agency's deadline.
    await page.getByRole('tab', { name: 'Meetings' }).click()
    await page.getByRole('cell', { name: 'Approved with two changes' }).waitFor()
    await page.getByRole('button', { name: 'Start a traffic meeting' }).click()
    await page.getByText('Launch mailer').first().waitFor()
    await screenshot(page, 'agency-meetings')
    await ctx.close()
  })
})
