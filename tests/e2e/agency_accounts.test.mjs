// Browser journey for the agency's account side (run: node --test tests/e2e/agency_accounts.test.mjs).
// The coordinator finds an account by something written in its knowledge, edits its processes and key
// dates (the change shows in its history), uploads a brand file; the admin schedules a rate change and
// locks a period, and the lock shows who set it.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Session } from '../api/client.mjs'
import { login, newContext, screenshot, selectOption, suiteServerAndBrowser } from './harness.mjs'


describe('agency account journeys', { timeout: 600_000 }, () => {
  const env = suiteServerAndBrowser()

  test('coordinator: search accounts → edit knowledge and key dates → history → upload a file', async () => {
    const api = await Session.login(env.server.baseUrl, 'coordinator@concord.test')
    const first = (await api.get('/api/v1/agency/accounts?limit=1')).body.items[0]
    assert.ok(first, 'the demo has agency accounts')

    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'coordinator@concord.test')
    await page.goto(`${env.server.baseUrl}/agency/accounts`)
    await page.getByRole('heading', { name: 'Agency — accounts' }).waitFor()
    await page.getByLabel('Search').fill(first.client_code)
    await page.getByRole('link', { name: first.client_name }).click()
    await page.getByRole('tab', { name: 'Knowledge' }).waitFor()

    await page.getByLabel('Processes (how work flows at the client)').fill('Legal signs off every claim before the CMO sees it')
    await page.getByRole('button', { name: 'Save knowledge' }).click()
    await page.getByText('Saved').first().waitFor()
    await screenshot(page, 'agency-account')

    await page.getByRole('tab', { name: 'Key dates' }).click()
    await page.getByRole('button', { name: 'Add a date' }).click()
    await page.getByLabel('Date', { exact: true }).last().fill('2026-06-30')
    await page.getByLabel('What', { exact: true }).last().fill('Fiscal year end')
    await page.getByRole('button', { name: 'Save key dates' }).click()
    await page.getByText('Saved').first().waitFor()

    await page.getByRole('tab', { name: 'Files' }).click()
    await page.locator('input[type=file]').setInputFiles({ name: 'brand-book.txt', mimeType: 'text/plain', buffer: Buffer.from('Pantone 186 C') })
    await page.getByLabel('Title', { exact: true }).fill('Brand book')
    await page.getByRole('button', { name: 'Upload' }).click()
    await page.getByRole('cell', { name: 'Brand book' }).waitFor()
    await screenshot(page, 'agency-account-files')

    await page.getByRole('tab', { name: 'History' }).click()
    await page.getByText(/Legal signs off every claim/).first().waitFor()

    // Search finds the account by what was just written.
    await page.goto(`${env.server.baseUrl}/agency/accounts`)
    await page.getByLabel('Search').fill('legal signs off')
    await page.getByRole('link', { name: first.client_name }).waitFor()
    await ctx.close()
  })

  test('admin: a future-dated rate change and a period lock with who and when', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'admin@concord.test')
    await page.goto(`${env.server.baseUrl}/agency/settings`)
    await page.getByRole('heading', { name: /rate card & settings/ }).waitFor()
    await page.getByLabel('Role').fill('copywriting')
    await page.getByLabel('Hourly rate').fill('125.00')
    await page.getByLabel('Effective from').fill('2099-01-01')
    await page.getByRole('button', { name: 'Add rate' }).click()
    await page.getByText('125.00 from 2099-01-01').waitFor()

    await page.getByLabel('Lock time worked through').fill('2000-01-31')
    await page.getByRole('button', { name: 'Lock period' }).click()
    await page.getByTestId('period-lock').getByText(/2000-01-31 is locked \(by /).waitFor()
    await screenshot(page, 'agency-settings')
    await ctx.close()
  })
  test('coordinator: file a contact report with an action item, its deadline rule and PDF; tick a follow-up done', async () => {
    const api = await Session.login(env.server.baseUrl, 'coordinator@concord.test')
    const first = (await api.get('/api/v1/agency/accounts?limit=1')).body.items[0]
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'coordinator@concord.test')
    await page.goto(`${env.server.baseUrl}/agency/meetings`)
    await page.getByTestId('contact-report-rule').waitFor()
    await page.getByRole('button', { name: 'File a contact report' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox', { name: 'Client', exact: true }).click()
    await page.getByRole('option', { name: first.client_name, exact: true }).click()
    await dialog.getByRole('button', { name: 'Add attendee' }).click()
    await dialog.getByLabel('Name', { exact: true }).fill('Dana Client')
    await dialog.getByLabel('E-mail', { exact: true }).fill('dana@example.test')
    await dialog.getByLabel('Decisions').fill('Platypus headline approved')
    await dialog.getByRole('button', { name: 'Add action item' }).click()
    await dialog.getByLabel('Action', { exact: true }).fill('Send final artwork')
    await dialog.getByLabel('Due', { exact: true }).fill('2000-01-03')
    await dialog.getByRole('button', { name: 'Save contact report' }).click()
    await page.getByRole('cell', { name: 'Platypus headline approved' }).waitFor()
    await screenshot(page, 'agency-contact-reports')

    // The action item is overdue (due 2000-01-03): it leads the follow-ups, and ticking it done takes it off.
    await page.getByLabel('Search follow-ups').fill('final artwork')
    const row = page.getByRole('row', { name: /Send final artwork/ })
    await row.getByText('overdue').waitFor()
    await row.getByRole('button', { name: 'Done' }).click()
    await page.getByText('Showing 0 of 0').waitFor()
    await ctx.close()
  })

  test('coordinator: an account status report over the live jobs → PDF → sent to the client', async () => {
    const api = await Session.login(env.server.baseUrl, 'coordinator@concord.test')
    const first = (await api.get('/api/v1/agency/accounts?limit=1')).body.items[0]
    const job = (await api.post('/api/v1/agency/jobs', {
      client_id: first.client_id, title: 'Status report journey', due_date: '2099-12-31',
      milestones: [{ name: 'Concepts', due: '2099-03-10', done: true }, { name: 'Print', due: '2099-04-01', done: false }],
    })).body
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'coordinator@concord.test')
    await page.goto(`${env.server.baseUrl}/agency/accounts/${first.client_id}`)
    await page.getByRole('tab', { name: 'Status reports' }).click()
    await selectOption(page, 'Every', 'Monday')
    await page.getByRole('button', { name: 'Save schedule' }).click()
    await page.getByText('Every Monday at 07:00 UTC the report is prepared from the live jobs as a draft').waitFor()

    await page.getByRole('button', { name: /New status report|Refresh draft figures/ }).click()
    const editor = page.getByTestId('account-report-editor')
    await editor.getByText(`${job.number} Status report journey`).waitFor()
    await editor.getByLabel(`Progress of ${job.number}`).fill('65')
    await editor.getByLabel('Narrative (carried over from the last report)').fill('Concepts signed off; print on 1 April.')
    await editor.getByRole('button', { name: 'Save draft' }).click()
    await page.getByText('Draft saved').waitFor()
    await screenshot(page, 'agency-account-status-report')

    const draftRow = page.getByRole('row', { name: /draft/i }).first()
    const [download] = await Promise.all([page.waitForEvent('download'), draftRow.getByText('PDF', { exact: true }).click()])
    assert.match(download.suggestedFilename(), /^status-report-.+\.pdf$/)

    await editor.getByLabel(/^Send to/).fill('cmo@example.test')
    await editor.getByRole('button', { name: 'Send to client' }).click()
    await page.getByText('Queued to the client in the outbox').waitFor()
    await page.getByRole('row', { name: /sent.*cmo@example\.test/i }).first().waitFor()
    const sent = (await api.get(`/api/v1/agency/account-status-reports?client_id=${first.client_id}&state=sent`)).body.items[0]
    assert.equal(sent.sent_to, 'cmo@example.test')
    assert.equal(sent.lines.find((l) => l.job_id === job.id).progress, 65)
    const message = (await api.get(`/api/v1/mail/outbox/${sent.outbox_id}`)).body
    assert.equal(message.entity, 'agency_account_report')
    assert.deepEqual(message.attachments, [`status-report-${first.client_id}-${sent.sent_at.slice(0, 10)}.pdf`])
    await ctx.close()
  })
})
