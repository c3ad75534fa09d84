// Browser journey for Workforce management (run: node --test tests/e2e/wfm.test.mjs from the repo root).
// The support-centre manager imports a phone system's call detail (a bad file is refused naming line and
// column; the good one is saved by a job with a progress bar), imports the schedule, forecasts the new
// queue and reads its accuracy on the held-back week, then the staffing screen: required against
// scheduled staff per interval with the two lunch intervals short. Then a demo queue's forecast (months
// of generated history) and the staffing calculator. The numbers are worked by hand in
// tests/fixtures/wfm/README.md and ../shared/conformance/wfm/erlang-cases.md (case 4).
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { login, newContext, screenshot, selectOption, until, suiteServerAndBrowser } from './harness.mjs'

const fixture = (name) => fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/wfm', name))
const BAD = Buffer.from('call_id,queue,arrived_at,outcome,handle_s\nx-1,employer_line,2026-01-05T09:05:00-05:00,hung up,100\n')


describe('workforce management journeys', { timeout: 600_000 }, () => {
  const env = suiteServerAndBrowser()

  test('manager: import calls with progress, forecast with accuracy, staffing shows required vs scheduled and the gaps', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'manager@concord.test')
    await page.getByRole('link', { name: 'Staffing' }).click()
    await page.getByRole('heading', { name: 'Workforce management', level: 2 }).waitFor()
    await page.getByRole('tab', { name: 'Import' }).click()

    const files = page.locator('input[type=file]')
    await files.nth(0).setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: BAD })
    await page.getByRole('button', { name: 'Import calls' }).click()
    const errors = page.getByTestId('wfm-import-errors')
    await errors.waitFor()
    assert.match(await errors.innerText(), /2\s+4 \(outcome\)\s+"hung up" is not an outcome/)

    await files.nth(0).setInputFiles({ name: 'calls.csv', mimeType: 'text/csv', buffer: fixture('calls.csv') })
    await page.getByRole('button', { name: 'Import calls' }).click()
    await page.getByTestId('wfm-import-job').waitFor()
    await page.getByTestId('wfm-import-result').waitFor()
    assert.match(await page.getByTestId('wfm-import-result').innerText(), /1,290 calls: 1,290 new, 0 changed, 0 already there; 1 new queue/)
    assert.equal(await page.getByTestId('wfm-import-progress').locator('[aria-valuenow]').getAttribute('aria-valuenow'), '100')

    await files.nth(1).setInputFiles({ name: 'schedule.csv', mimeType: 'text/csv', buffer: fixture('schedule.csv') })
    await page.getByRole('button', { name: 'Import schedule' }).click()
    assert.match(await page.getByTestId('wfm-schedule-result').innerText(), /16 intervals read, 16 changed/)
    // A roster of named agents for a later week (the forecast below is checked on the imported counts).
    const roster = 'agent,queue,date,start,end\nAna Ruiz,employer_line,2026-03-02,09:00,17:00\nCy Park,employer_line,2026-03-02,22:00,06:00\n'
    await files.nth(2).setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(roster) })
    await page.getByRole('button', { name: 'Import roster' }).click()
    assert.match(await page.getByTestId('wfm-roster-result').innerText(), /^2 shifts read/)
    await screenshot(page, 'wfm-import')

    await page.getByRole('tab', { name: 'Forecasts & staffing' }).click()
    await selectOption(page, 'Queue to forecast', 'employer_line (employer_line)')
    await page.getByRole('button', { name: 'Start forecast' }).click()
    await page.waitForURL(/\/staffing\/forecasts\/\d+$/)
    await page.getByTestId('wfm-forecast-state').filter({ hasText: 'Succeeded' }).waitFor({ timeout: 60_000 })

    // Every week of the fixture is the same, so the held-back week is forecast exactly.
    const accuracy = page.getByTestId('wfm-accuracy')
    await accuracy.locator('.recharts-line').first().waitFor()
    assert.equal(await page.getByTestId('wfm-interval-wape').innerText(), '0.0 %')
    assert.equal(await page.getByTestId('wfm-daily-wape').innerText(), '0.0 %')
    assert.equal(await page.getByTestId('wfm-accuracy-grade').textContent(), 'good')

    // Monday 2026-02-09: 3 positions needed 09:00–16:30; 2 scheduled at 12:00 and 12:30.
    const staffing = page.getByTestId('wfm-staffing')
    await staffing.locator('.recharts-bar-rectangle').first().waitFor()
    assert.equal(await page.locator('input[aria-label="Day"]').inputValue(), 'Mon 2026-02-09')
    const gaps = page.getByTestId('gap-row')
    assert.equal(await gaps.count(), 2)
    assert.match(await gaps.nth(0).innerText(), /^12:00\s+3\.0\s+—\s+240\s+2\s+3\s+94\.2 %\s+[\d.]+\s+20 %\s+1 short$/)
    assert.equal(await page.getByLabel('Scheduled at 12:00').inputValue(), '2')
    assert.match(await gaps.nth(1).innerText(), /^12:30\s/)
    assert.equal(await page.getByTestId('wfm-day-short').innerText(), '2')
    await screenshot(page, 'wfm-staffing')

    // The manager covers lunch at 12:00 in place: that gap closes, 12:30 stays short.
    const noon = page.getByLabel('Scheduled at 12:00')
    await noon.fill('3')
    await noon.press('Enter')
    await until(async () => (await gaps.count()) === 1, 'one gap left')
    assert.match(await gaps.nth(0).innerText(), /^12:30\s/)

    // Callers' patience becomes known: the queue is sized with Erlang A from then on.
    await page.getByRole('tab', { name: 'Queues' }).click()
    const row = page.getByRole('row').filter({ hasText: 'employer_line' })
    await row.getByRole('button', { name: 'Edit' }).click()
    await page.getByLabel('Average patience (s; empty: Erlang C)').fill('300')
    await page.getByRole('button', { name: 'Save' }).click()
    await row.filter({ hasText: 'Erlang A (patience 300 s)' }).waitFor()
    await ctx.close()
  })

  test('manager: a demo queue forecast from months of history, the call list and the calculator', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'manager@concord.test')
    await page.goto('/staffing/forecasts?q=payroll')
    const link = page.getByRole('link', { name: /^#\d+$/ }).first()
    await link.click()
    await page.getByTestId('wfm-forecast-state').filter({ hasText: 'Succeeded' }).waitFor()
    await page.getByTestId('wfm-staffing').locator('.recharts-bar-rectangle').first().waitFor()
    await screenshot(page, 'wfm-demo-forecast')
    // The demo schedule is three short on Monday mornings: the first day shows gaps.
    assert.ok((await page.getByTestId('gap-row').count()) >= 4)

    await page.getByRole('tab', { name: 'Call history' }).click()
    await page.getByTestId('wfm-contacts-count').filter({ hasText: /Showing 50 of [\d,]+ calls/ }).waitFor()

    await page.getByRole('tab', { name: 'Staffing calculator' }).click()
    await page.getByRole('button', { name: 'Calculate' }).click()
    const result = page.getByTestId('wfm-calculator-result')
    await result.waitFor()
    // Published case 4: 100 calls / 30 min, AHT 180 s, 80 % in 20 s, occupancy ≤ 85 %, shrinkage 30 % → 14 agents, 20 positions.
    assert.match(await result.innerText(), /Agents\s+14\s+Positions after shrinkage\s+20/)
    await screenshot(page, 'wfm-calculator')
    await ctx.close()
  })

  test('a client user does not see the module', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, 'client@concord.test')
    assert.equal(await page.getByRole('link', { name: 'Staffing' }).count(), 0)
    await ctx.close()
  })
})
