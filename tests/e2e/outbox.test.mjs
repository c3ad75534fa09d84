// Browser journey for the outbox: a coordinator checks the mail relay from the Outbox screen. This server
// has no relay, so the message is held with the reason and offers "Send again" (delivery through a real
// relay is tested in tests/api/mail.test.mjs).
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { login, newContext, screenshot, until, suiteServerAndBrowser } from './harness.mjs'


describe('outbox journey', { timeout: 300_000 }, () => {
  delete process.env.CONCORD_SMTP_URL // this suite's server has no relay
  const env = suiteServerAndBrowser()

  test('coordinator: a test message without a relay is held with its reason', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'coordinator@concord.test')
    await page.getByRole('link', { name: 'Outbox' }).click()
    await page.getByRole('heading', { name: 'Outbox', level: 2 }).waitFor()
    await page.getByRole('button', { name: 'Send a test message' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('To').fill('not an address')
    await dialog.getByRole('button', { name: 'Queue test message' }).click()
    await dialog.getByText(/not an e-mail address/).waitFor()
    await dialog.getByLabel('To').fill('it@acme-staffing.test')
    await dialog.getByRole('button', { name: 'Queue test message' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const row = page.getByTestId('outbox-row').filter({ hasText: 'it@acme-staffing.test' }).first()
    await until(async () => /held/i.test(await row.innerText()), 'the message to be held (no relay)', 30_000)
    await row.getByRole('button', { name: /concord: test message/ }).click()
    await page.getByRole('dialog').getByText(/No mail relay is configured/).waitFor()
    assert.ok(await row.getByRole('button', { name: 'Send again' }).isVisible())
    await screenshot(page, 'outbox-held')
    await page.keyboard.press('Escape')
    await ctx.close()
  })
})
