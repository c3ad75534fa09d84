// The manager's supervision screens in a browser: a quality review of a sampled case, the report; the
// supervisor's board moving a case by bulk reassignment; desk settings refusing a bad calendar with the
// error on its field; the dashboard's period picker; and a client user's portal "new case" with a file.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Session } from '../api/client.mjs'
import { launchBrowser, login, newContext, screenshot, selectOption, startServer, until } from './harness.mjs'

let server, browser, manager
describe('desk supervision', { timeout: 600_000 }, () => {
  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
    manager = await Session.login(server.baseUrl, 'manager@concord.test')
  })
  after(async () => {
    await browser?.close().catch(() => {})
    await server?.stop()
  })

  async function page(email) {
    const ctx = await newContext(browser, server.baseUrl)
    const p = await ctx.newPage()
    await login(p, email)
    return { ctx, p }
  }

  test('a manager reviews a sampled case and sees the report', async () => {
    const { ctx, p } = await page('manager@concord.test')
    await p.goto('/service-desk/quality?period=90d')
    const row = p.getByTestId('sample-row').filter({ has: p.getByRole('button', { name: 'Review', exact: true }) }).first()
    await row.waitFor()
    await row.getByRole('button', { name: 'Review', exact: true }).click()
    for (const [key, rating] of [['understanding', '4'], ['accuracy', '3'], ['resolution', '4'], ['communication', '2'], ['process', '0']]) {
      await p.getByTestId(`criterion-${key}`).getByText(rating, { exact: true }).click()
    }
    await screenshot(p, 'desk-quality-review')
    await p.getByRole('button', { name: 'Save scorecard' }).click()
    await until(async () => (await p.getByText('63 %').count()) > 0, 'the 63 % score in the sample')  // 25 of 40 points
    await screenshot(p, 'desk-quality-sample')
    await p.getByRole('tab', { name: 'Scorecards' }).click()
    await p.getByTestId('scorecard-row').first().waitFor()
    await screenshot(p, 'desk-quality-scorecards')
    await p.getByRole('tab', { name: 'Report' }).click()
    await p.getByTestId('quality-row').first().waitFor()
    assert.match(await p.getByTestId('quality-total').textContent(), /scorecards, average \d/)
    await screenshot(p, 'desk-quality-report')
    await ctx.close()
  })

  test('the board moves selected cases to another agent', async () => {
    const board = (await manager.get('/api/v1/service/board')).body
    const from = board.cases.find((c) => c.assignee_id != null)
    const to = board.agents.find((a) => a.user_id !== from.assignee_id)
    const { ctx, p } = await page('manager@concord.test')
    await p.goto('/service-desk/board')
    await p.getByTestId('board-case').first().waitFor()
    await screenshot(p, 'desk-board')
    await p.getByRole('checkbox', { name: `Select case #${from.id}` }).check()
    assert.equal(await p.getByTestId('board-selected').textContent(), '1 selected')
    await p.getByRole('combobox', { name: 'Move selected to', exact: true }).click()
    await p.getByRole('option', { name: new RegExp(`^${to.name} \\(`) }).click()
    await p.getByRole('button', { name: 'Reassign' }).click()
    await until(async () => (await manager.get(`/api/v1/cases/${from.id}`)).body.assignee_id === to.user_id, 'the case to move')
    await ctx.close()
  })

  test('settings show a bad calendar error on its field; the dashboard follows the period', async () => {
    const { ctx, p } = await page('manager@concord.test')
    await p.goto('/service-desk/settings?tab=calendars')
    await p.getByRole('button', { name: 'New calendar' }).click()
    await p.getByLabel('Name').fill('Night desk')
    const monday = p.getByRole('combobox', { name: 'Monday' })
    await monday.fill('9-5')
    await monday.press('Enter')
    await p.getByRole('button', { name: 'Save' }).click()
    await p.getByText('Not saved').waitFor()
    await screenshot(p, 'desk-settings-calendar-error')
    await ctx.close()
    const d = await page('manager@concord.test')
    await d.p.goto('/service-desk/dashboard')
    await d.p.getByTestId('dashboard-row').first().waitFor()
    await d.p.getByText('Last 7 days').click()
    await until(async () => (await d.p.getByTestId('dashboard-period').textContent()).includes('Last 7 days'), 'the period label')
    await screenshot(d.p, 'desk-dashboard-7d')
    await d.ctx.close()
  })

  test('a client user opens a case on the portal with a file', async () => {
    const { ctx, p } = await page('client@concord.test')
    await p.goto('/service-desk')
    await p.getByRole('button', { name: 'New case' }).click()
    await selectOption(p, 'Category', 'Files')
    await p.getByLabel('Subject').fill('Census file for December')
    await p.getByLabel('Description').fill('Here is the census; please load it.')
    await p.locator('input[type="file"]').setInputFiles({ name: 'census.csv', mimeType: 'text/csv', buffer: Buffer.from('id,hours\n1,40\n') })
    await screenshot(p, 'desk-portal-new-case')
    await p.getByRole('button', { name: 'Open case' }).click()
    await p.waitForURL(/\/service-desk\/cases\/\d+$/)
    await p.getByRole('link', { name: 'census.csv' }).waitFor()
    await screenshot(p, 'desk-portal-case')
    await ctx.close()
  })
})
