// Browser journey for the agency's account side (run: node --test tests/e2e/agency_accounts.test.mjs).
// The coordinator finds an account by something written in its knowledge, edits its processes and key
// dates (the change shows in its history), uploads a brand file; the admin schedules a rate change and
// locks a period, and the lock shows who set it.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Session } from '../api/client.mjs'
import { launchBrowser, login, newContext, screenshot, startServer } from './harness.mjs'

let server
let browser

describe('agency account journeys', { timeout: 600_000 }, () => {
  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  after(async () => {
    await browser?.close().catch(() => {})
    await server?.stop()
  })

  test('coordinator: search accounts → edit knowledge and key dates → history → upload a file', async () => {
    const api = await Session.login(server.baseUrl, 'coordinator@concord.test')
    const first = (await api.get('/api/v1/agency/accounts?limit=1')).body.items[0]
    assert.ok(first, 'the demo has agency accounts')

    const ctx = await newContext(browser, server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'coordinator@concord.test')
    await page.goto(`${server.baseUrl}/agency/accounts`)
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
    await page.goto(`${server.baseUrl}/agency/accounts`)
    await page.getByLabel('Search').fill('legal signs off')
    await page.getByRole('link', { name: first.client_name }).waitFor()
    await ctx.close()
  })

  test('admin: a future-dated rate change and a period lock with who and when', async () => {
    const ctx = await newContext(browser, server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'admin@concord.test')
    await page.goto(`${server.baseUrl}/agency/settings`)
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
})
