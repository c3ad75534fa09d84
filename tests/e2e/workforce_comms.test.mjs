// Browser journey of the coordinator's communication work: a payroll ticket opened from a worker, sent to
// payroll and resolved, each step on the ticket's page.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { USERS, login, newContext, screenshot, suiteServerAndBrowser } from './harness.mjs'

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
})
