// Browser journey for agency billing (run: node --test tests/e2e/agency_billing.test.mjs from the repo root).
// The agency admin prices an estimate in the line editor (labour from the rate card, an expense, a fixed fee;
// totals as the server computes them), records a printing expense that takes the approved estimate's
// mark-up and approves it, invoices it, then records the invoice's delivery, a partial payment with its
// remittance reference and the rest: the invoice's stage follows each step.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Session } from '../api/client.mjs'
import { login, newContext, screenshot, selectOption, suiteServerAndBrowser } from './harness.mjs'

const A = '/api/v1/agency'
const isoDay = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

describe('agency billing journeys', { timeout: 600_000 }, () => {
  const env = suiteServerAndBrowser()

  test('admin: estimate lines → expense at the estimate mark-up → invoice → delivered → part paid → paid', async () => {
    const api = await Session.login(env.server.baseUrl, 'admin@concord.test')
    const clientApi = await Session.login(env.server.baseUrl, 'client@concord.test')
    const clientId = (await clientApi.get('/api/v1/auth/me')).body.user.client_ids[0]
    const job = (await api.post(`${A}/jobs`, { client_id: clientId, title: 'Billing mailer', due_date: isoDay(40) })).body
    assert.ok(job.id, JSON.stringify(job))

    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'admin@concord.test')

    // The estimate editor: 2 h at an explicit 125.00 = 250.00; printing 10.30 at 15 % = 11.845 -> 11.85;
    // a fixed fee of 500.00. Total 761.85, shown before saving and stored the same.
    await page.goto(`${env.server.baseUrl}/agency/jobs/${job.id}`)
    await page.getByTestId('estimate-editor').waitFor()
    await page.getByLabel('Line 1 hours').fill('2')
    await page.getByLabel('Line 1 rate').fill('125.00')
    await page.getByRole('button', { name: '+ Expense' }).click()
    await page.getByLabel('Line 2 service').fill('printing')
    await page.getByLabel('Line 2 cost').fill('10.30')
    await page.getByLabel('Line 2 mark-up').fill('15')
    await page.getByRole('button', { name: '+ Fixed fee' }).click()
    await page.getByLabel('Line 3 service').fill('licence')
    await page.getByLabel('Line 3 cost').fill('500')
    await page.getByRole('button', { name: 'Move line 3 up' }).click()  // the fee before the expense
    await page.getByTestId('estimate-total').getByText('Total 761.85').waitFor()
    await screenshot(page, 'agency-estimate-editor')
    await page.getByRole('button', { name: 'Create estimate' }).click()
    await page.getByRole('button', { name: 'Send LOE' }).waitFor()
    const [estimate] = (await api.get(`${A}/jobs/${job.id}/estimates`)).body.items
    assert.equal(estimate.totals.total, '761.85')
    assert.deepEqual(estimate.lines.map((l) => l.kind), ['labor', 'fee', 'expense'])
    const sent = await api.post(`${A}/estimates/${estimate.id}/send`, undefined, { 'if-match': `"${estimate.version}"` })
    const approved = await api.post(`${A}/estimates/${estimate.id}/approve`,
      { approved_by: 'Client by e-mail', method: 'email' }, { 'if-match': `"${sent.body.version}"` })
    assert.equal(approved.status, 200, JSON.stringify(approved.body))

    // An expense recorded on the Expenses screen takes the estimate's 15 % printing mark-up:
    // 412.37 × 1.15 = 474.2255 -> 474.23.
    await page.getByRole('tab', { name: 'Expenses' }).click()
    await page.getByRole('button', { name: 'Record expense' }).click()
    await selectOption(page, 'Job', `${job.number} — Billing mailer`)
    await page.getByLabel('Date').fill(isoDay(-1))
    await page.getByLabel('Supplier').fill('Northside Print')
    await page.getByLabel('Description').fill('Final proofs')
    await page.getByLabel('Cost').fill('412.37')
    await page.getByRole('button', { name: 'Record expense' }).last().click()
    const row = page.getByTestId('expense-row').filter({ hasText: 'Final proofs' })
    await row.getByText('474.23').waitFor()
    await row.getByRole('button', { name: 'Approve' }).click()
    await row.getByText('approved').waitFor()
    await screenshot(page, 'agency-expenses')

    // Invoice the expense and issue it (total 474.23), then follow it on the invoice screen.
    const draft = await api.post(`${A}/invoices`, { job_id: job.id, source: 'time_and_expenses' })
    assert.equal(draft.body.total, '474.23')
    const issued = await api.post(`${A}/invoices/${draft.body.id}/issue`, {}, { 'if-match': `"${draft.body.version}"` })
    await page.getByRole('tab', { name: 'Invoices' }).click()
    await page.getByRole('link', { name: issued.body.number }).click()
    await page.getByTestId('invoice-stage').getByText('Issued').waitFor()
    await page.getByRole('textbox', { name: 'Sent to' }).fill('ap@client.example')
    await page.getByRole('button', { name: 'Record delivery' }).click()
    await page.getByTestId('invoice-stage').getByText('Sent').waitFor()
    await page.getByRole('textbox', { name: 'Amount', exact: true }).fill('200.00')
    await page.getByLabel('Remittance reference').fill('REMIT-001')
    await page.getByRole('button', { name: 'Record payment' }).click()
    await page.getByTestId('invoice-stage').getByText('Partially paid').waitFor()
    await page.getByTestId('invoice-outstanding').getByText('274.23').waitFor()
    await page.getByRole('button', { name: 'Pay in full' }).click()
    await page.getByLabel('Remittance reference').fill('REMIT-002')
    await page.getByRole('button', { name: 'Record payment' }).click()
    await page.getByTestId('invoice-stage').getByText('Paid').waitFor()
    await screenshot(page, 'agency-invoice')
    // E-mailed, the delivery shows its outbox message's state (no relay here: queued, then held), not "sent",
    // and links to the message in the Outbox.
    await page.getByRole('button', { name: 'E-mail the PDF' }).click()
    const mailed = page.getByTestId('delivery-row').nth(1)
    await mailed.getByText(/^(queued|held)$/i).waitFor()
    await mailed.getByRole('link', { name: 'in the Outbox' }).click()
    await page.getByText(`Invoice ${issued.body.number}`).first().waitFor()
    const final = (await api.get(`${A}/invoices/${issued.body.id}`)).body
    assert.deepEqual(final.payments.map((p) => [p.amount, p.reference]), [['200.00', 'REMIT-001'], ['274.23', 'REMIT-002']])
    assert.equal(final.deliveries[0].sent_to, 'ap@client.example')
    await ctx.close()
  })
})
