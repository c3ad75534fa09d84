// Browser journey for the Reconciliation module (run: node --test tests/e2e/ from the repo root).
// A coordinator saves a spec (after the server refuses a misspelt key, naming it), uploads two small CSVs
// that disagree in known ways, watches the run's progress bar, works the exceptions (expand, filter,
// assign, accept, resolve with a note and a correction, a 412 conflict and Reload) and exports them; an
// administrator schedules the spec; a client user sees the module without its write actions.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { USERS, login, newContext, screenshot, selectOption, until, suiteServerAndBrowser } from './harness.mjs'

const stamp = Date.now().toString(36)
const SPEC_NAME = `Weekly VMS audit ${stamp}`

// tests/fixtures/vms-audit (docs/RECONCILE.md worked example 1), plus a right-side row with too few
// fields (a parse error)
const fixture = (name) => fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/vms-audit', name), 'utf8')
const LEFT_CSV = fixture('vms.csv')
const RIGHT_CSV = fixture('assignments.csv') + 'W-1007,"Kim, Bo"\r\n'
const SPEC_TOML = fixture('spec.toml')

let specId = null
let runId = null

/** The exceptions table row of one key. */
function itemRow(page, key) {
  return page.getByTestId('item-row').filter({ has: page.getByText(key, { exact: true }) })
}

/** The item as the API has it now (used to prove what the screen did). */
async function apiItem(page, key) {
  return page.evaluate(
    async ({ runId, key }) => {
      const r = await fetch(`/api/v1/reconciliation/runs/${runId}/items?q=${encodeURIComponent(key)}`)
      const body = await r.json()
      return body.items.find((i) => i.key === key)
    },
    { runId, key },
  )
}

describe('reconciliation journeys', { timeout: 600_000 }, () => {
  const env = suiteServerAndBrowser()

  test('coordinator: spec, upload, run with progress, work the exceptions, export', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    const main = page.locator('main')

    // the module is built: no "Not built yet"
    await page.getByRole('link', { name: /Reconciliation/ }).click()
    await page.waitForURL(/\/reconciliation\/runs$/)
    await page.getByRole('heading', { name: 'Reconciliation', level: 2 }).waitFor()
    assert.equal(await page.getByText(/Not built yet/).count(), 0)
    // the demo data's run (CRM client list vs concord's clients) is there from the start
    await page.getByTestId('run-row').filter({ hasText: 'Client master list' }).first().waitFor()
    await screenshot(page, 'r01-runs-demo')

    // a spec with a misspelt key is refused with the key named
    await page.getByRole('tab', { name: 'Specs' }).click()
    await page.waitForURL(/\/reconciliation\/specs$/)
    await main.getByRole('link', { name: 'New spec' }).click()
    await page.waitForURL(/\/reconciliation\/specs\/new$/)
    await page.getByLabel('Name', { exact: false }).first().fill(SPEC_NAME)
    await page.getByTestId('spec-toml').fill(SPEC_TOML.replace('tolerance = "0.01"', 'tolerence = "0.01"'))
    await page.getByRole('button', { name: 'Save spec' }).click()
    const specErrors = page.getByTestId('spec-errors')
    await specErrors.waitFor()
    const errText = await specErrors.innerText()
    assert.match(errText, /tolerence/, 'the refused key is named')
    assert.match(errText, /unknown key/)
    // and where it is written: a click selects that line in the editor
    const badLine = SPEC_TOML.split('\n').findIndex((l) => l.startsWith('tolerance')) + 1
    assert.match(errText, new RegExp(`line ${badLine}\\b`))
    await specErrors.getByRole('button', { name: `(line ${badLine})` }).click()
    const selected = await page.getByTestId('spec-toml').evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd))
    assert.equal(selected, 'tolerence = "0.01"')
    await screenshot(page, 'r02-spec-refused')

    // fixed, it saves
    await page.getByTestId('spec-toml').fill(SPEC_TOML)
    await page.getByRole('button', { name: 'Save spec' }).click()
    await page.waitForURL(/\/reconciliation\/specs\/\d+$/)
    specId = Number(/specs\/(\d+)$/.exec(page.url())[1])
    await page.getByTestId('spec-title').filter({ hasText: SPEC_NAME }).waitFor()
    assert.match(await page.getByTestId('spec-toml-view').innerText(), /tolerance = "0.01"/)
    // coordinators may not schedule (managers and admins may)
    await page.getByTestId('schedule-section').getByText(/Managers and administrators can schedule it/).waitFor()
    await screenshot(page, 'r03-spec')

    // start a run: the spec is chosen, the two files uploaded
    await main.getByRole('link', { name: 'Start a run' }).click()
    await page.waitForURL(/\/reconciliation\/runs\/new\?spec_id=\d+/)
    await until(async () => (await page.getByRole('combobox', { name: 'Spec' }).inputValue()) === SPEC_NAME, 'the spec to be preselected')
    const files = page.locator('input[type="file"]')
    await files.nth(0).setInputFiles({ name: 'vms.csv', mimeType: 'text/csv', buffer: Buffer.from(LEFT_CSV) })
    await files.nth(1).setInputFiles({ name: 'assignments.csv', mimeType: 'text/csv', buffer: Buffer.from(RIGHT_CSV) })
    await main.getByText(/vms\.csv · \d+ B/).waitFor()
    await screenshot(page, 'r04-start-run')
    // record what the progress bar shows while the job runs (a small run can finish within a second)
    await page.evaluate(() => {
      window.__progress = []
      window.__progressTimer = setInterval(() => {
        const bar = document.querySelector('[data-testid="run-job"] [role="progressbar"]')
        const state = document.querySelector('[data-testid="run-job-state"]')
        if (bar) window.__progress.push(`${bar.getAttribute('aria-valuenow')}:${state?.textContent ?? ''}`)
      }, 40)
    })
    await page.getByRole('button', { name: 'Upload and start' }).click()

    // the progress bar shows while the job runs, then the run page opens
    await page.getByTestId('run-progress').waitFor()
    await screenshot(page, 'r05-run-progress')
    await page.waitForURL(/\/reconciliation\/runs\/\d+$/, { timeout: 60_000 })
    const seen = await page.evaluate(() => window.__progress ?? [])
    assert.ok(seen.length > 0, 'the progress bar was seen')
    assert.ok(seen.some((s) => /^100:done/.test(s)), `the bar reached 100% (${seen.slice(-5)})`)
    runId = Number(/runs\/(\d+)$/.exec(page.url())[1])
    await page.getByTestId('run-title').filter({ hasText: `Run #${runId}` }).waitFor()
    assert.match(await page.getByTestId('run-state').innerText(), /succeeded/i)

    // the counts worked out by hand in docs/RECONCILE.md, plus the short row
    const stat = async (k) => Number((await page.getByTestId(`stat-${k}`).innerText()).replace(/,/g, ''))
    assert.equal(await stat('matched'), 2)
    assert.equal(await stat('mismatched'), 2)
    assert.equal(await stat('only_left'), 1)
    assert.equal(await stat('only_right'), 0)
    assert.equal(await stat('duplicate_keys'), 1)
    assert.equal(await stat('parse_errors'), 1)
    await page.getByTestId('recon-chart').waitFor()
    await itemRow(page, 'W-1004').waitFor()
    const keys = await page.getByTestId('item-row').locator('td:nth-child(2)').allInnerTexts()
    for (const k of ['W-1002', 'W-1004', 'W-1005', 'W-1006']) assert.ok(keys.includes(k), `${k} is an exception (${keys})`)
    assert.ok(!keys.includes('W-1001') && !keys.includes('W-1003'), 'matched records are not exceptions')
    await screenshot(page, 'r06-run')

    // expand: the differing field with raw and normalised values
    await page.getByRole('button', { name: 'Show details of W-1004' }).click()
    const details = page.getByTestId('item-details').first()
    await details.getByTestId('diff-row').filter({ hasText: 'Bill Rate' }).waitFor()
    const diff = await details.getByTestId('diff-row').first().innerText()
    assert.match(diff, /\$38\.00/)
    assert.match(diff, /36\.00/)
    // a duplicate shows every row; a parse error where it failed
    await page.getByRole('button', { name: 'Show details of W-1005' }).click()
    await main.getByRole('table', { name: 'Rows with key W-1005' }).waitFor()
    const parseKey = (await page.getByTestId('item-row').filter({ hasText: /parse error/i }).locator('td:nth-child(2)').innerText()).trim()
    await page.getByRole('button', { name: `Show details of ${parseKey}` }).click()
    await main.getByTestId('item-details').getByText(/assignments\.csv:\d+:\d+/).waitFor()
    await main.getByText(/The record as read/).waitFor()
    await screenshot(page, 'r07-run-expanded')

    // filters live in the URL and go to the server
    await selectOption(page, 'Kind', 'Mismatched')
    await page.waitForURL(/kind=mismatched/)
    await until(async () => {
      const kinds = await page.getByTestId('item-row').locator('td:nth-child(3)').allInnerTexts()
      return kinds.length === 2 && kinds.every((t) => /mismatched/i.test(t))
    }, 'only the two mismatched items')
    await page.getByLabel('Search key').fill('W-1002')
    await page.waitForURL(/q=W-1002/)
    await until(async () => (await page.getByTestId('item-row').count()) === 1, 'the search to find W-1002')
    await screenshot(page, 'r08-run-filtered')

    // assign W-1002 through the user picker
    await page.getByRole('button', { name: 'Assign W-1002' }).click()
    let dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox', { name: 'Assignee' }).click()
    await page.getByRole('option', { name: /coordinator@concord\.test/ }).click()
    await dialog.getByRole('button', { name: 'Save assignment' }).click()
    await dialog.waitFor({ state: 'detached' })
    await until(async () => /\S/.test(await itemRow(page, 'W-1002').locator('td:nth-child(4)').innerText()) &&
      !/—/.test(await itemRow(page, 'W-1002').locator('td:nth-child(4)').innerText()), 'the assignee to show')
    assert.ok((await apiItem(page, 'W-1002')).assignee_id, 'the API has the assignee')
    await selectOption(page, 'Assignee', 'Assigned to me')
    await page.waitForURL(/assignee=me/)
    await until(async () => (await page.getByTestId('item-row').count()) === 1, 'assigned-to-me to list W-1002')

    // back to every item; a stat card filters by its class
    await page.goto(`/reconciliation/runs/${runId}`)
    await itemRow(page, 'W-1006').waitFor()
    await page.getByRole('button', { name: /Only left/ }).click()
    await page.waitForURL(/kind=only_left/)
    await until(async () => (await page.getByTestId('item-row').count()) === 1, 'the Only left card to filter')
    await page.getByRole('button', { name: /Only left/ }).click()
    await until(async () => !/kind=/.test(page.url()), 'a second click to clear the filter')
    await until(async () => (await page.getByTestId('item-row').count()) === 5, 'every item again')

    // accept W-1006 as a known difference
    await page.getByRole('button', { name: 'Accept W-1006' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByRole('textbox', { name: /Note/ }).fill('Lee starts next month; the assignment is not entered yet')
    await dialog.getByRole('button', { name: 'Accept', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    await until(async () => /accepted/i.test(await itemRow(page, 'W-1006').innerText()), 'W-1006 to show Accepted')

    // resolve W-1004: both fields required; someone else changes it meanwhile → 412 → Reload → resolve
    await page.getByRole('button', { name: 'Resolve W-1004' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click()
    await dialog.getByText('Say what was corrected where.').waitFor()
    await dialog.getByRole('textbox', { name: /Note/ }).fill('The VMS kept the old bill rate after the March rate change')
    await dialog.getByRole('textbox', { name: /Correction/ }).fill('VMS: bill rate of W-1004 set to $36.00 (rate card 2024-04)')
    const before = await apiItem(page, 'W-1004')
    const changed = await page.evaluate(async ({ id, version }) => {
      const me = await (await fetch('/api/v1/auth/me')).json()
      const r = await fetch(`/api/v1/reconciliation/items/${id}/assign`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token, 'If-Match': `"${version}"` },
        body: JSON.stringify({ assignee_id: me.user.id }),
      })
      return r.status
    }, before)
    assert.equal(changed, 200, 'the concurrent change went through')
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click()
    await dialog.getByTestId('conflict-alert').waitFor()
    assert.match(await dialog.getByTestId('conflict-alert').innerText(), /Someone else changed this item since you opened it/)
    await screenshot(page, 'r09-resolve-conflict')
    await dialog.getByRole('button', { name: 'Reload' }).click()
    await dialog.getByTestId('conflict-alert').waitFor({ state: 'detached' })
    // what was typed survives the reload
    assert.match(await dialog.getByRole('textbox', { name: /Correction/ }).inputValue(), /rate card/)
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    await until(async () => /resolved/i.test(await itemRow(page, 'W-1004').innerText()), 'W-1004 to show Resolved')
    const resolved = await apiItem(page, 'W-1004')
    assert.equal(resolved.status, 'resolved')
    assert.match(resolved.correction, /rate card 2024-04/)
    await page.getByRole('button', { name: 'Show details of W-1004' }).click()
    await main.getByText(/Corrected:/).waitFor()
    await screenshot(page, 'r10-resolved')

    // exports with the run's filters
    const [csvDl] = await Promise.all([page.waitForEvent('download'), main.getByRole('button', { name: 'Export CSV' }).click()])
    const csvPath = path.join(env.server.tmp, 'exceptions.csv')
    await csvDl.saveAs(csvPath)
    const csv = fs.readFileSync(csvPath, 'utf8')
    assert.match(csv.split('\n')[0], /kind.*key.*status/)
    assert.match(csv, /W-1004/)
    assert.match(csv, /resolved/)
    assert.match(csv, /rate card 2024-04/)
    const [xlsxDl] = await Promise.all([page.waitForEvent('download'), main.getByRole('button', { name: 'Export XLSX' }).click()])
    const xlsxPath = path.join(env.server.tmp, 'exceptions.xlsx')
    await xlsxDl.saveAs(xlsxPath)
    assert.equal(fs.readFileSync(xlsxPath).subarray(0, 2).toString('latin1'), 'PK', 'XLSX is a zip file')

    // the runs list has the run; its filters and sort live in the URL
    await page.goto('/reconciliation/runs')
    await page.getByTestId('run-row').first().waitFor()
    assert.match(await page.getByTestId('run-row').first().innerText(), new RegExp(SPEC_NAME))
    await page.getByRole('button', { name: /^Spec/ }).click()
    await page.waitForURL(/sort=spec_name/)
    await selectOption(page, 'State', 'Succeeded')
    await page.waitForURL(/state=succeeded/)
    await page.getByTestId('run-row').first().waitFor()
    await page.getByLabel('Search').fill('assignments')
    await page.waitForURL(/q=assignments/)
    await page.getByTestId('run-row').first().waitFor()
    const [runsDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export runs CSV' }).click()])
    const runsPath = path.join(env.server.tmp, 'runs.csv')
    await runsDl.saveAs(runsPath)
    assert.match(fs.readFileSync(runsPath, 'utf8'), new RegExp(SPEC_NAME))
    await screenshot(page, 'r11-runs')
    await ctx.close()
  })

  test('administrator schedules the spec', async () => {
    assert.ok(specId, 'the first journey saved a spec')
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.admin)
    await page.goto('/reconciliation/specs')
    await page.getByTestId('spec-row').first().waitFor()
    await screenshot(page, 'r12a-specs')
    await page.getByRole('link', { name: SPEC_NAME, exact: true }).click()
    await page.waitForURL(new RegExp(`/reconciliation/specs/${specId}$`))
    const section = page.getByTestId('schedule-section')
    await section.getByRole('button', { name: 'Schedule' }).click()
    await section.getByLabel('Cron (UTC)').fill('0 6 * * 1')
    await section.getByLabel('Left file on the server').fill('relative/vms.csv')
    await section.getByLabel('Right file on the server').fill('/srv/feeds/assignments.csv')
    await section.getByRole('button', { name: 'Save schedule' }).click()
    await section.getByText('Give an absolute path.').waitFor()
    await section.getByLabel('Left file on the server').fill('/srv/feeds/vms.csv')
    await section.getByRole('button', { name: 'Save schedule' }).click()
    await section.getByText(/Runs at/).waitFor()
    assert.match(await section.innerText(), /0 6 \* \* 1/)
    assert.match(await section.innerText(), /\/srv\/feeds\/vms\.csv/)
    await screenshot(page, 'r12-spec-scheduled')

    // an edit is saved with If-Match; the schedule stays
    await page.getByRole('link', { name: 'Edit', exact: true }).click()
    await page.waitForURL(/\/edit$/)
    await page.getByRole('textbox', { name: 'Name' }).fill(`${SPEC_NAME} (Mondays)`)
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.waitForURL(new RegExp(`/reconciliation/specs/${specId}$`))
    await page.getByTestId('spec-title').filter({ hasText: '(Mondays)' }).waitFor()
    await section.getByText(/Runs at/).waitFor()

    // stopping it asks first; the spec stays, unscheduled
    await section.getByRole('button', { name: 'Stop schedule' }).click()
    const dialog = page.getByRole('dialog', { name: 'Stop the schedule?' })
    await dialog.getByRole('button', { name: 'Keep it' }).click()
    await section.getByText(/Runs at/).waitFor()
    await section.getByRole('button', { name: 'Stop schedule' }).click()
    await dialog.getByRole('button', { name: 'Stop schedule' }).click()
    await section.getByText(/Not scheduled/).waitFor()
    await ctx.close()
  })

  test('client user sees their own client’s runs, without write actions', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.client)
    const clientId = await page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()).user.client_ids[0])
    assert.ok(clientId, 'the demo client user is bound to a client')

    // staff run the audit for that client (through the API: the screens are proven above)
    const staff = await newContext(env.browser, env.server.baseUrl)
    const staffPage = await staff.newPage()
    await login(staffPage, USERS.coordinator)
    const clientRunId = await staffPage.evaluate(
      async ({ clientId, toml, left, right, name }) => {
        const me = await (await fetch('/api/v1/auth/me')).json()
        const h = { 'X-CSRF-Token': me.csrf_token }
        const post = async (url, body, type = 'application/json') =>
          (await fetch(url, { method: 'POST', headers: { ...h, 'Content-Type': type }, body })).json()
        const spec = await post('/api/v1/reconciliation/specs', JSON.stringify({ name, toml, client_id: clientId }))
        const l = await post(`/api/v1/reconciliation/files?name=vms.csv&client_id=${clientId}`, left, 'text/csv')
        const r = await post(`/api/v1/reconciliation/files?name=assignments.csv&client_id=${clientId}`, right, 'text/csv')
        const run = await post('/api/v1/reconciliation/runs', JSON.stringify({ spec_id: spec.id, left_file_id: l.id, right_file_id: r.id }))
        for (let i = 0; i < 200; i++) {
          const now = await (await fetch(`/api/v1/reconciliation/runs/${run.id}`)).json()
          if (now.state === 'succeeded' || now.state === 'failed') return now.state === 'succeeded' ? run.id : -1
          await new Promise((res) => setTimeout(res, 100))
        }
        return -2
      },
      { clientId, toml: SPEC_TOML, left: LEFT_CSV, right: RIGHT_CSV, name: `Client audit ${stamp}` },
    )
    assert.ok(clientRunId > 0, `the client's run succeeded (${clientRunId})`)
    await staff.close()

    await page.getByRole('link', { name: /Reconciliation/ }).click()
    await page.waitForURL(/\/reconciliation\/runs$/)
    await page.getByRole('heading', { name: 'Reconciliation', level: 2 }).waitFor()
    assert.equal(await page.getByRole('link', { name: 'Start a run' }).count(), 0)
    // their client's runs only (this one, and the demo's VMS audit of their client): the firm-wide CRM run is not theirs
    await page.getByTestId('run-row').filter({ hasText: `Client audit ${stamp}` }).waitFor()
    const rows = await page.getByTestId('run-row').allInnerTexts()
    assert.equal(rows.filter((row) => row.includes('Client master list: CRM vs concord')).length, 0, rows.join('\n'))
    await screenshot(page, 'r13-client-user-runs')
    await page.getByRole('link', { name: `#${clientRunId}` }).click()
    await page.waitForURL(new RegExp(`/reconciliation/runs/${clientRunId}$`))
    await itemRow(page, 'W-1004').waitFor()
    assert.equal(await page.getByRole('button', { name: 'Resolve W-1004' }).count(), 0)
    assert.equal(await page.getByRole('columnheader', { name: 'Actions' }).count(), 0)
    await page.getByRole('button', { name: 'Show details of W-1004' }).click()
    await page.getByTestId('diff-row').first().waitFor()
    await page.getByRole('button', { name: 'Export CSV' }).waitFor()
    await screenshot(page, 'r14-client-user-run')

    await page.getByRole('link', { name: '← Runs' }).click()
    await page.getByRole('tab', { name: 'Specs' }).click()
    // their client's specs only (this journey's and the demo's VMS audit): not the firm-wide CRM spec
    await page.getByTestId('spec-row').filter({ hasText: `Client audit ${stamp}` }).waitFor()
    const specs = await page.getByTestId('spec-row').allInnerTexts()
    assert.equal(specs.filter((row) => row.includes('Client master list: CRM vs concord')).length, 0, specs.join('\n'))
    assert.equal(await page.getByRole('link', { name: 'New spec' }).count(), 0)
    await page.goto(`/reconciliation/runs/${runId}`)
    await page.getByTestId('not-found').waitFor()
    await page.goto('/reconciliation/specs/new')
    await page.getByTestId('not-found').waitFor()
    await ctx.close()
  })
})
