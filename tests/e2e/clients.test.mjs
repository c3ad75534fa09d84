// Browser journeys for the Clients module (run: node --test tests/e2e/ from the repo root).
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { describe, test } from 'node:test'
import {
  USERS,
  login,
  newContext,
  screenshot,
  selectOption,
  until,
  suiteServerAndBrowser,
} from './harness.mjs'

const stamp = Date.now().toString(36)
const NAME = `Halvorsen Tooling ${stamp} LLC`
const DBA = `Halvorsen ${stamp}`

/** id of the client created in journey 1, used by the later journeys */
let createdId = null

describe('clients journeys', { timeout: 600_000 }, () => {
  const env = suiteServerAndBrowser()

  test('login page rejects a wrong password with the server message', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
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
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    await page.getByTestId('client-row').first().waitFor()
    await screenshot(page, '03-clients-list')

    // cursor pagination: "Load more" appends the next page
    const countText = await page.getByTestId('clients-count').innerText()
    const m = /Showing (\d+) of (\d+)/.exec(countText)
    if (m && Number(m[1]) < Number(m[2])) {
      const before = await page.getByTestId('client-row').count()
      await page.getByRole('button', { name: 'Load more' }).click()
      await until(async () => (await page.getByTestId('client-row').count()) > before, 'the next page to load')
    }

    // a status filter narrows the list on the server
    await selectOption(page, 'Status', 'On hold')
    await page.waitForURL(/status=on_hold/)
    await until(async () => {
      const statuses = await page.getByTestId('client-row').locator('td:nth-child(4)').allInnerTexts()
      return statuses.length > 0 && statuses.every((t) => /on hold/i.test(t))
    }, 'only on-hold clients to be listed')
    await page.goto('/clients')
    await page.getByTestId('client-row').first().waitFor()

    // sorting by a column header round-trips through the URL and the server
    await page.getByRole('button', { name: /^Updated/ }).click()
    await page.waitForURL(/sort=updated_at/)
    await page.getByRole('button', { name: /^Updated/ }).click()
    await page.waitForURL(/sort=-updated_at/)
    await until(
      async () => (await page.getByRole('columnheader', { name: /Updated/ }).getAttribute('aria-sort')) === 'descending',
      'the Updated column to show descending order',
    )

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

    // the server's field errors land under the right fields
    await page.getByLabel('Tax id (EIN)').fill('12-34')
    await page.getByLabel('Address 1 country').fill('usa')
    await page.getByRole('button', { name: 'Create client' }).click()
    await page.getByTestId('form-error').waitFor()
    const taxError = page.locator('[id$="-error"]').filter({ hasText: /nine digits|EIN|tax/i })
    await taxError.first().waitFor()
    assert.equal(
      await page.getByLabel('Tax id (EIN)').getAttribute('aria-invalid'),
      'true',
      'the tax id field is marked invalid',
    )
    assert.equal(
      await page.getByLabel('Address 1 country').getAttribute('aria-invalid'),
      'true',
      'the address country field is marked invalid',
    )
    await screenshot(page, '04b-client-form-errors')
    await page.getByLabel('Tax id (EIN)').fill('41-7736789')
    await page.getByLabel('Address 1 country').fill('US')
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
    // edit it (If-Match with the contact's version)
    await page.getByRole('button', { name: 'Edit Marta Quinn' }).click()
    await page.getByRole('dialog').getByLabel('Title').fill('Director of Payroll')
    await page.getByRole('dialog').getByRole('button', { name: 'Save contact' }).click()
    await page.getByTestId('contact-row').filter({ hasText: 'Director of Payroll' }).waitFor()
    // add a second and delete it
    await page.getByRole('button', { name: 'Add contact' }).click()
    await dialog.getByLabel('Name').fill('Temp Person')
    await selectOption(page, 'Preferred channel', 'Phone')
    await dialog.getByLabel('Phone').fill('+1 419 555 0199')
    await dialog.getByRole('button', { name: 'Add contact' }).click()
    await page.getByTestId('contact-row').filter({ hasText: 'Temp Person' }).waitFor()
    await page.getByRole('button', { name: 'Delete Temp Person' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
    await page.getByTestId('contact-row').filter({ hasText: 'Temp Person' }).waitFor({ state: 'detached' })
    await screenshot(page, '06-client-contacts')

    // find it by search
    await page.getByRole('link', { name: 'Clients', exact: true }).first().click()
    await page.waitForURL(/\/clients(\?|$)/)
    await page.getByLabel('Search').fill(`Halvorsen Tooling ${stamp}`)
    await page.waitForURL(/q=/)
    await page.getByTestId('client-row').filter({ hasText: NAME }).waitFor()
    await until(async () => (await page.getByTestId('client-row').count()) === 1, 'search to find exactly the new client')
    await screenshot(page, '07-clients-search')

    // exports with the same filters
    const tmp = env.server.tmp
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

    // archive, then restore
    const main = page.locator('#main')
    await main.getByRole('button', { name: 'Archive', exact: true }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click()
    await main.getByRole('button', { name: 'Restore', exact: true }).waitFor()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await main.getByText('Archived', { exact: true }).first().waitFor()
    await screenshot(page, '09b-client-archived')
    await main.getByRole('button', { name: 'Restore', exact: true }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click()
    await main.getByRole('button', { name: 'Archive', exact: true }).waitFor()
    await page.getByRole('dialog').waitFor({ state: 'detached' })

    // a module that is not built yet says so
    await page.getByRole('link', { name: /Benefits/ }).click()
    await page.getByText(/Not built yet — planned:/).waitFor()
    await screenshot(page, '10-not-built')
    await ctx.close()
  })

  test('journey 2: two people save the same client; the second sees a conflict', async () => {
    assert.ok(createdId, 'journey 1 created a client')
    const a = await newContext(env.browser, env.server.baseUrl)
    const b = await newContext(env.browser, env.server.baseUrl)
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
    const ctx = await newContext(env.browser, env.server.baseUrl)
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
    await until(() => page.getByLabel('Show archived').isChecked(), 'Show archived to be ticked')
    await page.waitForLoadState('networkidle')
    await until(async () => (await page.getByTestId('clients-count').innerText()).includes('Showing 1 of 1'), 'the list to settle')
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
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    await page.getByRole('button', { name: 'Export all to XLSX (background job)' }).click()
    await page.getByTestId('export-progress').waitFor()
    await screenshot(page, '14-export-job-progress')
    const link = page.getByTestId('export-download')
    await link.waitFor({ timeout: 120_000 })
    await screenshot(page, '15-export-job-done')
    const [dl] = await Promise.all([page.waitForEvent('download'), link.click()])
    const file = path.join(env.server.tmp, 'job.xlsx')
    await dl.saveAs(file)
    const bytes = fs.readFileSync(file)
    assert.ok(bytes.length > 0, 'job XLSX is not empty')
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'job XLSX is a zip file')
    await ctx.close()
  })

  test('CSV import: dry run lists errors by line and column, then a clean file imports', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    await page.getByRole('link', { name: 'Import CSV' }).click()
    await page.waitForURL(/\/clients\/import$/)

    const bad = path.join(env.server.tmp, 'bad.csv')
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

    const good = path.join(env.server.tmp, 'good.csv')
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

    // the same file again changes nothing
    await page.getByRole('button', { name: 'Validate (dry run)' }).click()
    await page.getByTestId('import-dry-run').waitFor()
    assert.equal(await page.getByTestId('import-dry-run').getByTestId('count-created').innerText(), '0')
    assert.equal(await page.getByTestId('import-dry-run').getByTestId('count-unchanged').innerText(), '2')
    await ctx.close()
  })
  // last, because repeated failures may throttle further logins
  test('a locked account sees the server’s explanation on the login page', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    const email = 'manager@concord.test'
    for (let i = 0; i < 5; i++) {
      const r = await page.request.post('/api/v1/auth/login', { data: { email, password: 'wrong-password' } })
      if (r.status() === 429) break
    }
    await page.goto('/login')
    await page.getByLabel('Email').fill(email)
    await page.locator('input[autocomplete="current-password"]').fill('wrong-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    const error = page.getByTestId('login-error')
    await error.waitFor()
    const res = await page.request.post('/api/v1/auth/login', { data: { email, password: 'wrong-password' } })
    assert.equal(res.status(), 429, 'the account is locked')
    const problem = await res.json()
    assert.ok((await error.innerText()).includes(problem.detail.slice(0, 40)), 'the problem detail is shown')
    await screenshot(page, '18-login-locked')
    await ctx.close()
  })
})
