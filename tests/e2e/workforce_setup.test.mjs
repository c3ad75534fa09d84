// Browser journey for setting up the coordinator's work (issue 4): a new programme from its form, a PSR
// entered from the client's own system with details missing, the details filled in, the PSR ready.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { login, newContext, screenshot, selectOption, until, suiteServerAndBrowser } from './harness.mjs'

describe('workforce set-up journey', { timeout: 300_000 }, () => {
  const env = suiteServerAndBrowser()
  let programmeUrl = null

  test('coordinator: new programme → PSR entered with details missing → details filled → ready', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'coordinator@concord.test')
    await page.goto('/workforce/programmes')
    await page.getByRole('link', { name: 'New programme' }).click()
    const form = page.getByRole('form', { name: 'New programme' })
    await form.getByRole('button', { name: 'Create' }).click()
    await form.getByTestId('form-error').waitFor()  // client, name and VMS are required
    await form.getByRole('combobox', { name: 'Client' }).click()
    await page.getByRole('option').first().click()
    await form.getByLabel('Name').fill('Set-up journey contingent')
    await selectOption(page, 'VMS', 'Beeline')
    await form.getByLabel('MSP').fill('Magnit')
    await form.getByLabel('Details a PSR must have').fill('manager_email, cost_centre')
    await form.getByLabel('Minimum notice of an end (days)').fill('10')
    await selectOption(page, 'Notice counted in', 'Business')
    await form.getByRole('button', { name: 'Create' }).click()
    await page.waitForURL(/\/workforce\/programmes\/\d+$/)
    programmeUrl = new URL(page.url()).pathname
    await page.getByRole('heading', { name: 'Set-up journey contingent' }).waitFor()
    assert.match(await page.locator('main').innerText(), /Magnit/)

    // an edit keeps what it does not touch
    await page.getByRole('button', { name: 'Edit', exact: true }).click()
    const edit = page.getByRole('form', { name: 'Edit the programme' })
    await edit.getByLabel('Account executive').fill('Priya Natarajan')
    await edit.getByRole('button', { name: 'Save changes' }).click()
    await edit.waitFor({ state: 'detached' })
    assert.match(await page.locator('main').innerText(), /Priya Natarajan[\s\S]*Magnit|Magnit[\s\S]*Priya Natarajan/)

    await page.goto('/workforce/psrs')
    await page.getByRole('link', { name: 'Enter a PSR' }).click()
    const psr = page.getByRole('form', { name: 'Enter a PSR' })
    await selectOption(page, 'Programme', await until(async () => {
      await psr.getByRole('combobox', { name: 'Programme' }).click()
      const option = page.getByRole('option', { name: /Set-up journey contingent/ })
      const text = (await option.count()) ? await option.first().innerText() : null
      await page.keyboard.press('Escape')
      return text
    }, 'the new programme among the options'))
    await psr.getByLabel('Work order').fill('WO-SETUP-1')
    await psr.getByLabel('Worker first name').fill('Noor')
    await psr.getByLabel('Worker last name').fill('Haddad')
    await psr.getByLabel('Worker email').fill('noor.haddad@example.test')
    await selectOption(page, 'Worker type', 'W2 employee')
    await psr.getByLabel('Title').fill('Data analyst')
    await psr.getByLabel('Manager name').fill('Dana Kim')
    await psr.getByLabel('Work state').fill('WA')
    await psr.getByLabel('Start date').fill('2026-12-07')
    await psr.getByLabel('Pay rate').fill('48.50')
    await psr.getByLabel('Bill rate').fill('63.05')
    await psr.getByRole('button', { name: 'Create' }).click()
    await page.waitForURL(/\/workforce\/psrs\/\d+$/)
    const missing = page.getByTestId('psr-missing')
    await missing.waitFor()
    // what this programme asks for beyond the usual details
    assert.match(await missing.innerText(), /Manager email, Cost centre$/)
    await screenshot(page, 'workforce-psr-entered')

    await page.getByTestId('psr-edit').click()
    const details = page.getByRole('form', { name: "Fill in the PSR's details" })
    await details.getByLabel('Manager email').fill('not an address')
    await details.getByRole('button', { name: 'Save changes' }).click()
    await details.getByText(/is not an email address/).first().waitFor()
    await details.getByLabel('Manager email').fill('dana.kim@client.test')
    await details.getByLabel('Cost centre').fill('CC-7100')
    await details.getByRole('button', { name: 'Save changes' }).click()
    await missing.waitFor({ state: 'detached' })
    await page.getByTestId('psr-convert').waitFor()
    await ctx.close()
  })

  test("manager: the programme's weekly VMS audit on the export the VMS drops, then stopped", async () => {
    assert.ok(programmeUrl, 'the first journey made a programme')
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'manager@concord.test')
    await page.goto(programmeUrl)
    const section = page.getByTestId('vms-audit-schedule')
    await section.getByText(/Not scheduled/).waitFor()
    await section.getByRole('button', { name: 'Schedule it weekly' }).click()
    await section.getByLabel('Export on the server').fill('relative/export.csv')
    await section.getByRole('button', { name: 'Save schedule' }).click()
    await section.getByText(/absolute path/).waitFor()
    await section.getByLabel('Export on the server').fill('/srv/vms/setup-journey.csv')
    await section.getByRole('button', { name: 'Save schedule' }).click()
    await section.getByText(/Every 0 6 \* \* 1 \(UTC\) on \/srv\/vms\/setup-journey\.csv; next/).waitFor()
    await screenshot(page, 'workforce-programme-schedule')
    await section.getByRole('button', { name: 'Stop schedule' }).click()
    await section.getByText(/Not scheduled/).waitFor()
    await ctx.close()
  })
})
