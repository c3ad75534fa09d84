// Browser checks of the workforce follow-ups: a programme's message templates (a bad placeholder refused at
// its line:column, a preview, a save, back to the default) and an expense entered with its receipt on an
// active assignment, then approved.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { USERS, login, newContext, screenshot, suiteServerAndBrowser } from './harness.mjs'

describe('workforce templates and expenses', { timeout: 600_000 }, () => {
  const env = suiteServerAndBrowser()
  // A signed-in coordinator's page at the first record `listPath` lists; returns [context, page, id].
  async function coordinatorAt(listPath) {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    const id = await page.evaluate(async (p) => (await (await fetch(p)).json()).items[0].id, listPath)
    return [ctx, page, id]
  }

  test("a programme's activation message: refused at line:column, previewed, saved, reset", async () => {
    const [ctx, page, id] = await coordinatorAt('/api/v1/programmes?sort=id&limit=1')
    await page.goto(`/workforce/programmes/${id}`)
    await page.getByTestId('programme-templates').click()
    await page.getByTestId('template-activation').click()
    const body = page.getByTestId('template-body')
    await body.fill('Hello {{worker.first_name}},\nYou start {{start}}.')
    await page.getByTestId('template-save').click()
    // "You start " is ten characters: the bad placeholder opens at line 2, column 11.
    await page.getByText(/\{\{start\}\} at 2:11/).first().waitFor()
    await body.fill('Hello {{worker.first_name}},\nYou start on {{assignment.start_date}} with {{client.name}}.')
    await page.getByTestId('template-preview').click()
    await page.getByTestId('template-preview-text').getByText('You start on 2026-11-02 with Harborview Logistics.').waitFor()
    await page.getByTestId('template-save').click()
    await page.getByTestId('template-origin').getByText("This programme's (v1)").waitFor()
    await screenshot(page, 'workforce-templates')
    await page.getByTestId('template-reset').click()
    await page.getByTestId('template-origin').getByText('Default').waitFor()
    await ctx.close()
  })

  test('an expense with its receipt on an active assignment, then approved', async () => {
    const [ctx, page, id] = await coordinatorAt('/api/v1/assignments?status=active&limit=1')
    await page.goto(`/workforce/assignments/${id}`)
    await page.getByRole('tab', { name: 'Expenses' }).click()
    const form = page.getByTestId('expense-form')
    await form.getByLabel('Spent on').fill('2026-11-05')
    await form.getByLabel('Category').selectOption('mileage')
    await form.getByLabel(/Amount/).fill('61.25')
    await form.getByLabel('Description').fill('E2E site visit')
    await form.locator('input[type=file]').setInputFiles({ name: 'fuel.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 e2e receipt') })
    await page.getByTestId('expense-submit').click()
    const row = page.getByTestId('expenses').getByRole('row', { name: /E2E site visit|61\.25/ })
    await row.getByText('Download').waitFor()
    await screenshot(page, 'workforce-expense')
    await row.getByRole('button', { name: 'Approve' }).click()
    await row.getByText('Approved').waitFor()
    assert.equal(await row.getByRole('button', { name: /Attach|Replace/ }).count(), 0)
    await ctx.close()
  })
})
