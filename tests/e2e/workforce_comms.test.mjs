// Browser journey of the coordinator's communication work: a payroll ticket opened from a worker, sent to
// payroll and resolved, each step on the ticket's page; a Slack export folder imported, its message on the
// worker's timeline.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import path from 'node:path'
import { USERS, login, newContext, repoRoot, screenshot, suiteServerAndBrowser, until } from './harness.mjs'

describe('workforce communication', { timeout: 600_000 }, () => {
  const env = suiteServerAndBrowser()

  test('a payroll ticket from the worker page: opened, sent to payroll, resolved', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    const workerId = await page.evaluate(async () => (await (await fetch('/api/v1/assignments?status=active&limit=1')).json()).items[0].worker_id)
    await page.goto(`/workforce/workers/${workerId}`)
    await page.getByTestId('open-payroll-ticket').click()
    await page.getByTestId('payroll-subject').fill('E2E final check short by one day')
    await page.getByTestId('payroll-amount').fill('240.00')
    await page.getByTestId('payroll-submit').click()
    await page.getByRole('heading', { name: /E2E final check short by one day/ }).waitFor()
    await page.getByTestId('payroll-reference').fill('PAY-E2E-1')
    await page.getByTestId('payroll-note').fill('Sent with the approved timecard.')
    await page.getByTestId('payroll-send_to_payroll').click()
    await page.getByText(/sent to payroll/i).first().waitFor()
    await page.getByText('PAY-E2E-1').first().waitFor()
    await screenshot(page, 'workforce-payroll-ticket')
    await page.getByTestId('payroll-resolve').click()
    await page.getByTestId('payroll-error').getByText(/how the ticket was resolved/i).first().waitFor()
    await page.getByTestId('payroll-resolution').fill('Off-cycle check issued on Friday.')
    await page.getByTestId('payroll-resolve').click()
    await page.getByTestId('payroll-reopen').waitFor()
    await page.getByText('Resolution: Off-cycle check issued on Friday.').waitFor()
    await page.goto('/workforce/payroll')
    await page.getByTestId('wf-row').first().waitFor()
    await screenshot(page, 'workforce-payroll-queue')
    await page.goto('/workforce/home')
    await page.getByTestId('home-payroll').waitFor()
    assert.ok(Number(await page.getByTestId('home-payroll-count').innerText()) >= 0)
    await ctx.close()
  })

  test("a Slack export imported: the worker's message on their timeline", async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    // A demo worker takes the address the sample export's Maria writes from.
    const workerId = await page.evaluate(async () => {
      const me = await (await fetch('/api/v1/auth/me')).json()
      const w = (await (await fetch('/api/v1/workers?sort=id&limit=1')).json()).items[0]
      const r = await fetch(`/api/v1/workers/${w.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token, 'if-match': `"${w.version}"` },
        body: JSON.stringify({ email: 'maria.garcia@example.test' }),
      })
      return (await r.json()).id
    })
    assert.ok(workerId)
    await page.goto('/workforce/workers')
    await page.getByRole('link', { name: 'Import chat' }).click()
    await page.getByTestId('chat-files').setInputFiles(path.join(repoRoot, 'tests/fixtures/workforce/chat/slack'))
    await page.getByTestId('chat-import').click()
    await page.getByTestId('chat-result').getByText(/5 messages recorded on the timelines of 1 worker/).waitFor()
    await screenshot(page, 'workforce-chat-import')
    await page.goto(`/workforce/workers/${workerId}`)
    const timeline = page.getByTestId('worker-timeline')
    await timeline.getByText('Hi Casey, my check on Friday was missing the 6.5 overtime hours from the week of 11/9.').waitFor()
    await timeline.getByText('#payroll-help').first().waitFor()
    await timeline.getByText(/^Slack$/i).first().waitFor()
    await screenshot(page, 'workforce-worker-timeline')
    await ctx.close()
  })

  test('a knowledge article pasted into a reply, and a question escalated to Level II', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    await page.goto('/workforce/knowledge')
    await page.getByRole('link', { name: 'Exempt or non-exempt under the FLSA' }).click()
    await page.getByTestId('article-text').getByText(/At least \$684 a week \(29 CFR 541\.600\(a\)\)/).waitFor()
    await screenshot(page, 'workforce-knowledge-article')
    const workerId = await page.evaluate(async () => (await (await fetch('/api/v1/assignments?status=active&limit=1')).json()).items[0].worker_id)
    await page.goto(`/workforce/workers/${workerId}`)
    await page.getByTestId('timeline-article').click()
    await page.getByRole('option', { name: 'Overtime for non-exempt workers' }).click()
    await until(async () => /29 U\.S\.C\. §207/.test(await page.getByTestId('timeline-body').inputValue()), 'the article in the reply')
    await page.getByTestId('timeline-record').click()
    await page.getByTestId('worker-timeline').getByText(/Sources:/).first().waitFor()
    await page.getByTestId('ask-level2').click()
    await page.getByTestId('level2-question').fill('Does the retention bonus count in the regular rate?')
    await page.getByTestId('level2-send').click()
    await page.getByTestId('worker-timeline').getByText('Level II question sent to the HRBP').first().waitFor()
    await screenshot(page, 'workforce-worker-timeline-knowledge')
    await ctx.close()
  })
})
