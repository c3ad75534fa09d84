// Browser journey of the workforce life-cycle additions: a coordinator converts an active contractor to a
// W-2 employee from the assignment page; the employee checklist and the gate on the new period show.
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
    await ctx.close()
  })
})
