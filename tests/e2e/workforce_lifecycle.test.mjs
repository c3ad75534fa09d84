// Browser journey of the workforce life-cycle additions: a coordinator converts an active contractor to a
// W-2 employee from the assignment page; the employee checklist and the gate on the new period show. The
// home page and the VMS audit page show the alerts (a short-notice end, a work order the VMS closed); a
// deliverable the coordinator adds and submits is accepted by the client's user on the portal.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { USERS, login, newContext, screenshot, suiteServerAndBrowser } from './harness.mjs'

describe('workforce life cycle', { timeout: 600_000 }, () => {
  const env = suiteServerAndBrowser()

  test('a contractor is converted to an employee from the first Monday after the time billed', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    // An active 1099 contractor in the US and the Monday after their last submitted or approved week.
    const { id, monday } = await page.evaluate(async () => {
      const get = async (p) => (await fetch(p)).json()
      const addDays = (iso, n) => new Date(Date.parse(iso + 'T00:00:00Z') + n * 86400000).toISOString().slice(0, 10)
      for (const a of (await get('/api/v1/assignments?worker_type=contractor_1099&status=active&limit=50')).items) {
        if (a.work_country !== 'US') continue
        const billed = (await get(`/api/v1/timecards?assignment_id=${a.id}&limit=200`)).items
          .filter((t) => t.status === 'submitted' || t.status === 'approved').map((t) => t.week_start).sort()
        const monday = billed.length ? addDays(billed.at(-1), 7) : a.start_date
        if (!a.end_date || monday <= a.end_date) return { id: a.id, monday }
      }
      return {}
    })
    assert.ok(id, 'no active contractor to convert in the demo')
    await page.goto(`/workforce/assignments/${id}`)
    await page.getByTestId('convert-open').click()
    await page.getByTestId('convert-effective').fill(monday)
    await page.getByRole('dialog').getByLabel('Reason', { exact: true }).first().click()
    await page.getByRole('option', { name: /coordinator's decision/ }).click()
    // A decision without a note is refused, naming the note.
    await page.getByTestId('convert-submit').click()
    await page.getByTestId('convert-error').getByText(/Say why/).first().waitFor()
    await page.getByTestId('convert-note').fill('The client directs the work day to day.')
    await page.getByTestId('convert-submit').click()
    await page.getByTestId('conversion').getByText(`Converted to a W-2 employee from ${monday}`).waitFor()
    await page.getByTestId('vms-pending').waitFor()
    await page.getByTestId('item-i9_section1').waitFor()
    await page.getByTestId('conversion-gate').getByText(/wait for: Form I-9 Section 1/).waitFor()
    assert.equal(await page.getByTestId('convert-open').count(), 0)
    await screenshot(page, 'workforce-conversion')
    // The worker keeps both types, each from its day.
    await page.locator('main a[href^="/workforce/workers/"]').first().click()
    await page.getByTestId('type-history').getByText(new RegExp(`W2 employee from ${monday}`)).waitFor()
    await ctx.close()
  })
  test('the alerts on the home page and the audit list', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    await page.goto('/workforce')
    const alerts = page.getByTestId('home-alerts')
    await alerts.getByText('Short notice', { exact: true }).waitFor()
    await alerts.getByText('VMS closed', { exact: true }).waitFor()
    await alerts.getByText(/the programme asks for 10/).waitFor()
    await screenshot(page, 'workforce-home-alerts')
    await alerts.getByRole('row').filter({ hasText: 'Short notice' }).getByRole('link').click()
    await page.getByTestId('short-notice').getByText(/business days? of notice/).waitFor()
    await page.goto('/workforce/vms-audit')
    const list = page.getByTestId('audit-findings')
    await list.getByText('VMS closed', { exact: true }).waitFor()
    await list.getByRole('button', { name: 'Export CSV' }).waitFor()
    await screenshot(page, 'workforce-audit-findings')
    await ctx.close()
  })
  test("a contractor's deliverable is added, submitted and accepted by the client's user", async () => {
    const clientCtx = await newContext(env.browser, env.server.baseUrl)
    const clientPage = await clientCtx.newPage()
    await login(clientPage, USERS.client)
    const id = await clientPage.evaluate(async () =>
      (await (await fetch('/api/v1/assignments?worker_type=contractor_1099&status=active&limit=1')).json()).items[0]?.id)
    assert.ok(id, "the client has no active contractor in the demo")

    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    await page.goto(`/workforce/assignments/${id}`)
    await page.getByRole('tab', { name: 'Deliverables' }).click()
    const form = page.getByTestId('deliverable-form')
    await form.getByLabel('Deliverable').fill('E2E design review')
    await form.getByLabel('Due').fill('2026-12-11')
    await form.getByLabel(/Milestone amount/).fill('3200')
    await page.getByTestId('deliverable-add').click()
    const row = page.getByTestId('deliverables').getByRole('row', { name: /E2E design review/ })
    await row.getByText('3200.00 USD').waitFor()
    await row.getByRole('button', { name: 'Submit' }).click()
    await row.getByText(/submitted/i).waitFor()
    await ctx.close()

    await clientPage.goto(`/workforce/assignments/${id}`)
    await clientPage.getByRole('tab', { name: 'Deliverables' }).click()
    const theirs = clientPage.getByTestId('deliverables').getByRole('row', { name: /E2E design review/ })
    assert.equal(await clientPage.getByTestId('deliverable-form').count(), 0)
    await theirs.getByRole('button', { name: 'Accept' }).click()
    await theirs.getByText(/accepted/i).waitFor()
    await screenshot(clientPage, 'workforce-deliverables')
    await clientCtx.close()
  })
})
