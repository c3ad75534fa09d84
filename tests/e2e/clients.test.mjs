// Browser journeys for the Clients module (run: node --test tests/e2e/ from the repo root).
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import {
  USERS,
  launchBrowser,
  login,
  newContext,
  screenshot,
  selectOption,
  startServer,
} from './harness.mjs'

const stamp = Date.now().toString(36)
const NAME = `Halvorsen Tooling ${stamp} LLC`
const DBA = `Halvorsen ${stamp}`

let server
let browser
/** id of the client created in journey 1, used by the later journeys */
let createdId = null

describe('clients journeys', { timeout: 300_000 }, () => {
  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  after(async () => {
    await browser?.close().catch(() => {})
    await server?.stop()
  })

  test('login page rejects a wrong password with the server message', async () => {
    const ctx = await newContext(browser, server.baseUrl)
    const page = await ctx.newPage()
    await page.goto('/clients')
    await page.waitForURL(/\/login/)
    await screenshot(page, '01-login')
    await page.getByLabel('Email').fill(USERS.coordinator)
    await page.locator('input[autocomplete="current-password"]').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByTestId('login-error').waitFor()
    await screenshot(page, '02-login-error')
    await ctx.close()
  })

  test('journey 1: coordinator creates, finds, exports and edits a client', async () => {
    const ctx = await newContext(browser, server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    await page.getByTestId('client-row').first().waitFor()
    await screenshot(page, '03-clients-list')

    // create
    await page.getByRole('link', { name: 'New client' }).click()
    await page.waitForURL(/\/clients\/new$/)
    await page.getByLabel('Legal name').fill(NAME)
    await page.getByLabel('DBA (doing business as)').fill(DBA)
    await page.getByLabel('Tax id (EIN)').fill('41-7736789')
    // pick the first industry the server (or the built-in list) offers
    await page.getByRole('combobox', { name: 'Industry' }).click()
    await page.getByRole('option').first().click()
    await selectOption(page, 'Status', 'Onboarding')
    await page.getByRole('button', { name: 'Add address' }).click()
    await page.getByLabel('Address 1 line 1').fill('1200 Foundry Road')
    await page.getByLabel('Address 1 city').fill('Toledo')
    await page.getByLabel('Address 1 region').fill('OH')
    await page.getByLabel('Address 1 postal code').fill('43604')
    await page.getByRole('button', { name: 'Add team member' }).click()
    await page.getByRole('combobox', { name: 'Team member 1 person' }).click()
    await page.getByRole('option').first().click()
    await selectOption(page, 'Team member 1 role', 'Account coordinator')
    await page.getByLabel('Service notes').fill('Payroll runs every second Friday.')
    await screenshot(page, '04-client-new-form')
    await page.getByRole('button', { name: 'Create client' }).click()
    await page.waitForURL(/\/clients\/\d+$/)
    createdId = Number(new URL(page.url()).pathname.split('/').pop())
    await page.getByTestId('client-title').filter({ hasText: NAME }).waitFor()
    await page.getByText('**-***6789').or(page.getByText(/6789/)).first().waitFor()
    await screenshot(page, '05-client-detail')

    // contacts tab: add one
    await page.getByRole('tab', { name: 'Contacts' }).click()
    await page.getByRole('button', { name: 'Add contact' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Name').fill('Marta Quinn')
    await dialog.getByLabel('Role', { exact: true }).fill('Payroll contact')
    await dialog.getByLabel('Title').fill('Payroll Manager')
    await dialog.getByLabel('Email').fill('marta.quinn@example.com')
    await dialog.getByLabel('Phone').fill('+1 419 555 0134')
    await dialog.getByLabel('Primary contact').check()
    await dialog.getByRole('button', { name: 'Add contact' }).click()
    await page.getByTestId('contact-row').filter({ hasText: 'Marta Quinn' }).waitFor()
    await screenshot(page, '06-client-contacts')

    // find it by search
    await page.getByRole('link', { name: 'Clients', exact: true }).first().click()
    await page.waitForURL(/\/clients(\?|$)/)
    await page.getByLabel('Search').fill(`Halvorsen Tooling ${stamp}`)
    await page.waitForURL(/q=/)
    await page.getByTestId('client-row').filter({ hasText: NAME }).waitFor()
    assert.equal(await page.getByTestId('client-row').count(), 1, 'search finds exactly the new client')
    await screenshot(page, '07-clients-search')

    // exports with the same filters
    const tmp = server.tmp
    const [csvDl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ])
    const csvPath = path.join(tmp, 'clients.csv')
    await csvDl.saveAs(csvPath)
    const csv = fs.readFileSync(csvPath, 'utf8')
    assert.ok(csv.length > 0, 'CSV is not empty')
    assert.ok(csv.includes(NAME), 'CSV contains the new client')
    const [xlsxDl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export XLSX' }).click(),
    ])
    const xlsxPath = path.join(tmp, 'clients.xlsx')
    await xlsxDl.saveAs(xlsxPath)
    const xlsx = fs.readFileSync(xlsxPath)
    assert.ok(xlsx.length > 0, 'XLSX is not empty')
    assert.equal(xlsx.subarray(0, 2).toString('latin1'), 'PK', 'XLSX is a zip file')

    // edit
    await page.getByRole('link', { name: NAME }).click()
    await page.waitForURL(new RegExp(`/clients/${createdId}$`))
    await page.getByRole('link', { name: 'Edit', exact: true }).click()
    await page.waitForURL(/\/edit$/)
    await page.getByLabel('Processing instructions').fill('Send registers to payroll@halvorsen.example by Wednesday noon.')
    await selectOption(page, 'Status', 'Active')
    await screenshot(page, '08-client-edit-form')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.waitForURL(new RegExp(`/clients/${createdId}$`))
    await page.getByText('Send registers to payroll@halvorsen.example by Wednesday noon.').waitFor()

    // history shows the change
    await page.getByRole('tab', { name: 'History' }).click()
    await page.getByTestId('audit-row').first().waitFor()
    await page.getByTestId('audit-row').getByText('Processing instructions').first().waitFor()
    await screenshot(page, '09-client-history')

    // a module that is not built yet says so
    await page.getByRole('link', { name: /Benefits/ }).click()
    await page.getByText(/Not built yet — planned:/).waitFor()
    await screenshot(page, '10-not-built')
    await ctx.close()
  })

  test('journey 2: two people save the same client; the second sees a conflict', async () => {
    assert.ok(createdId, 'journey 1 created a client')
    const a = await newContext(browser, server.baseUrl)
    const b = await newContext(browser, server.baseUrl)
    const pa = await a.newPage()
    const pb = await b.newPage()
    await login(pa, USERS.coordinator)
    await login(pb, USERS.admin)
    await pa.goto(`/clients/${createdId}/edit`)
    await pb.goto(`/clients/${createdId}/edit`)
    await pa.getByLabel('Legal name').waitFor()
    await pb.getByLabel('Legal name').waitFor()

    await pa.getByLabel('Service notes').fill('First save wins.')
    await pa.getByRole('button', { name: 'Save changes' }).click()
    await pa.waitForURL(new RegExp(`/clients/${createdId}$`))

    await pb.getByLabel('Service notes').fill('Second save must not overwrite.')
    await pb.getByRole('button', { name: 'Save changes' }).click()
    const conflict = pb.getByTestId('conflict-alert')
    await conflict.waitFor()
    assert.match(
      await conflict.innerText(),
      /Someone else saved this client since you opened it — reload to see their changes/,
    )
    await screenshot(pb, '11-edit-conflict')
    await conflict.getByRole('button', { name: 'Reload' }).click()
    await conflict.waitFor({ state: 'detached' })
    assert.equal(await pb.getByLabel('Service notes').inputValue(), 'First save wins.')
    await a.close()
    await b.close()
  })

  test('journey 3: a client user sees only their own client', async () => {
    assert.ok(createdId, 'journey 1 created a client')
    const ctx = await newContext(browser, server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.client)
    const me = await (await page.request.get('/api/v1/auth/me')).json()
    assert.equal(me.user.role, 'client_user')
    assert.equal(me.user.client_ids.length, 1)
    const own = me.user.client_ids[0]

    await page.getByTestId('client-row').first().waitFor()
    // show archived too, so every client in scope is listed
    await page.getByLabel('Show archived').click()
    await page.waitForURL(/archived=all/)
    assert.ok(await page.getByLabel('Show archived').isChecked())
    await page.waitForLoadState('networkidle')
    const rows = page.getByTestId('client-row')
    assert.equal(await rows.count(), 1, 'exactly one client is listed')
    assert.equal(
      await rows.first().getByRole('link').getAttribute('href'),
      `/clients/${own}`,
      'the listed client is the user’s own',
    )
    assert.equal(await page.getByRole('link', { name: 'New client' }).count(), 0, 'no New client button')
    await screenshot(page, '12-client-user-list')

    assert.notEqual(own, createdId)
    await page.goto(`/clients/${createdId}`)
    await page.getByTestId('not-found').waitFor()
    await screenshot(page, '13-client-user-not-found')
    const res = await page.request.get(`/api/v1/clients/${createdId}`)
    assert.equal(res.status(), 404)

    await page.goto('/clients/999999')
    await page.getByTestId('not-found').waitFor()
    await page.goto('/no/such/page')
    await page.getByTestId('not-found').waitFor()
    await ctx.close()
  })

  test('journey 4: background XLSX export shows progress and a download link', async () => {
    const ctx = await newContext(browser, server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    await page.getByRole('button', { name: 'Export all to XLSX (background job)' }).click()
    await page.getByTestId('export-progress').waitFor()
    await screenshot(page, '14-export-job-progress')
    const link = page.getByTestId('export-download')
    await link.waitFor({ timeout: 120_000 })
    await screenshot(page, '15-export-job-done')
    const [dl] = await Promise.all([page.waitForEvent('download'), link.click()])
    const file = path.join(server.tmp, 'job.xlsx')
    await dl.saveAs(file)
    const bytes = fs.readFileSync(file)
    assert.ok(bytes.length > 0, 'job XLSX is not empty')
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'job XLSX is a zip file')
    await ctx.close()
  })

  test('CSV import: dry run lists errors by line and column, then a clean file imports', async () => {
    const ctx = await newContext(browser, server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    await page.getByRole('link', { name: 'Import CSV' }).click()
    await page.waitForURL(/\/clients\/import$/)

    const bad = path.join(server.tmp, 'bad.csv')
    fs.writeFileSync(
      bad,
      'legal_name,dba,tax_id,industry,status\n' +
        `Good Row ${stamp} Inc,,,Retail,active\n` +
        ',Missing Name,,Retail,active\n' +
        `Bad Status ${stamp} Co,,,Retail,sleeping\n`,
    )
    await page.locator('input[type=file]').setInputFiles(bad)
    await page.getByRole('button', { name: 'Validate (dry run)' }).click()
    await page.getByTestId('import-error-row').first().waitFor()
    assert.ok((await page.getByTestId('import-error-row').count()) >= 2, 'both bad lines are reported')
    await screenshot(page, '16-import-errors')

    const good = path.join(server.tmp, 'good.csv')
    fs.writeFileSync(
      good,
      'external_ref,legal_name,dba,tax_id,industry,status\n' +
        `E2E-${stamp}-1,Brightwater ${stamp} Foods Inc,Brightwater,,Hospitality,prospect\n` +
        `E2E-${stamp}-2,Copperline ${stamp} Logistics LLC,,,Logistics,active\n`,
    )
    await page.locator('input[type=file]').setInputFiles(good)
    await page.getByRole('button', { name: 'Validate (dry run)' }).click()
    await page.getByTestId('import-dry-run').waitFor()
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.getByTestId('import-result').waitFor()
    assert.equal(await page.getByTestId('count-created').innerText(), '2')
    await screenshot(page, '17-import-done')
    await ctx.close()
  })
})
