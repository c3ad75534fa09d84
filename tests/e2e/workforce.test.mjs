// Browser journey for the Workforce module (issue 4): a coordinator imports a VMS export → the PSR → an
// assignment whose onboarding is blocked (activation refused, naming what is missing) → documents → active
// → the worker's timecard submitted and the client's manager approves it → an extension (VMS update
// pending) → the end, with the final-pay deadline and the separation letter → the weekly VMS audit shows the remaining disagreement
// and, once the VMS is fixed, 100%.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { USERS, login, newContext, screenshot, selectOption, suiteServerAndBrowser, until } from './harness.mjs'

const stamp = Date.now().toString(36).toUpperCase()
const WO = `WO-E2E-${stamp}`
const iso = (d) => d.toISOString().slice(0, 10)
const us = (isoDate) => `${isoDate.slice(5, 7)}/${isoDate.slice(8, 10)}/${isoDate.slice(0, 4)}`
const day = (offset) => new Date(Date.now() + offset * 86400_000)
const mondayOf = (d) => {
  const c = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
  c.setUTCDate(c.getUTCDate() - ((c.getUTCDay() + 6) % 7))
  return c
}
const START = iso(mondayOf(day(-14)))
const END = iso(day(90))
const EXTENDED = iso(day(180))
const LAST_DAY = iso(day(-1))

const EXPORT =
  'Work Order ID,First Name,Last Name,Worker Email,Job Posting Title,Work Order Owner,Site State,Start Date,End Date,Pay Rate,Bill Rate,Worker Type\n' +
  `${WO},Rosa,Quillfeather,rosa.quillfeather.${stamp.toLowerCase()}@workers.example,Payroll Analyst,Dana Client,CA,${us(START)},${us(END)},$45.00,$61.20,W2\n`

function vmsExport(end) {
  return (
    'Work Order ID,Worker Email,Start Date,End Date,Pay Rate,Bill Rate,Status,Work Order Owner\n' +
    `${WO},rosa.quillfeather.${stamp.toLowerCase()}@workers.example,${us(START)},${us(end)},$45.00,$61.20,Closed,Dana Client\n`
  )
}

describe('workforce journey', { timeout: 900_000 }, () => {
  const env = suiteServerAndBrowser()

  test('VMS export → PSR → onboarding → active → time → extension → end → VMS audit at 100%', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    // A fresh programme on the demo client user's client, so its audit holds only this journey's work order.
    const programme = await page.evaluate(async (stamp) => {
      const me = await (await fetch('/api/v1/auth/me')).json()
      // the demo's first programme is on the demo client user's client
      const first = await (await fetch('/api/v1/programmes?sort=id&limit=1')).json()
      const r = await fetch('/api/v1/programmes', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token },
        body: JSON.stringify({ client_id: first.items[0].client_id, name: `E2E programme ${stamp}`, vms: 'fieldglass', msp: 'E2E MSP' }),
      })
      return r.json()
    }, stamp)
    assert.ok(programme.id, JSON.stringify(programme))

    // 1. Import the VMS export.
    await page.goto('/workforce/psrs/import')
    await selectOption(page, 'Programme', `${programme.client_name} — E2E programme ${stamp} (fieldglass)`)
    await page.locator('input[type=file]').setInputFiles({ name: 'fieldglass.csv', mimeType: 'text/csv', buffer: Buffer.from(EXPORT) })
    await page.getByTestId('psr-import').click()
    await page.getByTestId('psr-import-result').getByText('1 new').waitFor()
    await screenshot(page, 'workforce-psr-import')

    // 2. The PSR becomes an assignment.
    await page.goto(`/workforce/psrs?q=${WO}`)
    await page.getByRole('link', { name: WO }).click()
    await page.getByTestId('psr-convert').click()
    await page.waitForURL(/\/workforce\/assignments\/\d+$/)
    const assignmentUrl = page.url()

    // 3. Onboarding: activation is refused and says what is missing.
    await page.getByRole('button', { name: 'Start onboarding' }).click()
    await page.getByTestId('checklist-table').waitFor()
    await page.getByRole('button', { name: 'Complete onboarding' }).click()
    const refusal = page.getByTestId('event-refusal')
    for (const missing of ['Form I-9 Section 1 (employee) is missing', 'Form W-4', 'Form DE 4']) {
      await refusal.getByText(missing).waitFor()
    }
    await screenshot(page, 'workforce-onboarding-blocked')

    // 4. Documents for the three required items.
    for (const item of ['i9_section1', 'w4', 'state_withholding']) {
      const chooser = page.waitForEvent('filechooser')
      await page.getByTestId(`upload-${item}`).click()
      await (await chooser).setFiles({ name: `${item}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4 ${item}`) })
      await page.getByTestId(`upload-${item}`).waitFor({ state: 'detached' })  // the item is done
    }
    await page.getByRole('button', { name: 'Complete onboarding' }).click()
    await page.getByRole('button', { name: 'Activate' }).click()
    await page.getByLabel('First-day details for the worker').fill('Report to reception at 9:00 with photo ID.')
    await page.getByTestId('event-submit').click()
    await page.getByRole('button', { name: 'Extend' }).waitFor()
    await screenshot(page, 'workforce-assignment-active')

    // 5. A week of time, submitted, then approved by the client's manager.
    await page.goto('/workforce/timecards?tab=entry')
    await selectOption(page, 'Assignment', `Rosa Quillfeather — Payroll Analyst (${programme.client_name})`)
    await page.getByTestId('tc-week').fill(START)
    for (const d of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await page.getByLabel(`regular ${d}`).fill('8')
    await page.getByLabel('overtime Fri').fill('1.5')
    assert.equal(await page.getByTestId('tc-total').textContent(), '41.50')
    await page.getByTestId('tc-submit').click()
    await page.getByTestId('tc-saved').getByText('Submitted').waitFor()

    const clientCtx = await newContext(env.browser, env.server.baseUrl)
    const manager = await clientCtx.newPage()
    await login(manager, USERS.client)
    await manager.goto('/workforce/timecards?tab=approvals')
    const row = manager.getByTestId('pending-table').getByRole('row').filter({ hasText: 'Rosa Quillfeather' })
    await row.getByRole('button', { name: 'Approve' }).click()
    await until(async () => (await row.count()) === 0, 'the approved timecard to leave the pending list')
    await screenshot(manager, 'workforce-approvals')
    await clientCtx.close()

    // 6. Extension: a new end date; the VMS must follow.
    await page.goto(assignmentUrl)
    await page.getByRole('button', { name: 'Extend' }).click()
    await page.getByLabel('New end date').fill(EXTENDED)
    await page.getByTestId('event-submit').click()
    await page.getByTestId('vms-pending').waitFor()

    // 7. The end: a resignation without notice in California → paid within 72 hours (Lab. Code §202).
    await page.getByRole('button', { name: 'Schedule end' }).click()
    await selectOption(page, 'Reason', 'Resigned')
    await page.getByLabel('Hours of notice given (resignations)').fill('0')
    await page.getByTestId('event-submit').click()
    await page.getByRole('button', { name: 'End (last day worked)' }).click()
    await page.getByRole('dialog').getByLabel('Last day worked').fill(LAST_DAY)
    await page.getByTestId('event-submit').click()
    const due = iso(new Date(Date.parse(`${LAST_DAY}T00:00:00Z`) + 3 * 86400_000))
    await page.getByTestId('final-pay-due').getByText(due).waitFor()
    await screenshot(page, 'workforce-final-pay')
    const download = page.waitForEvent('download')
    await page.getByTestId('separation-letter').click()
    const letter = await download
    assert.match(letter.suggestedFilename(), /^separation-letter-\d+\.pdf$/)
    const bytes = await (await import('node:fs')).promises.readFile(await letter.path())
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-')

    // 8. The weekly VMS audit: the VMS still has the old end date → one disagreement; fixed → 100%.
    const runAudit = async (end) => {
      await page.goto(`/workforce/programmes/${programme.id}`)
      await page.locator('input[type=file]').setInputFiles({
        name: 'vms.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(vmsExport(end)),
      })
      await page.getByTestId('audit-run').click()
      const started = await page.getByTestId('audit-message').getByText(/Audit run #\d+ started/).textContent()
      const run = started.match(/#(\d+)/)[1]
      await until(async () => {
        await page.getByTestId('audit-apply').click()
        await page.waitForTimeout(300)
        const text = await page.getByTestId('audit-message').textContent()
        return text.includes(`Run #${run}:`) && text
      }, 'the audit run to finish', 60_000)
    }
    await runAudit(EXTENDED)
    assert.match(await page.getByTestId('audit-message').textContent(), new RegExp(`Still differing: ${WO}`))
    await page.goto('/workforce/vms-audit')
    await page.getByTestId(`programme-alignment-${programme.id}`).getByText('0.0%').waitFor()
    await runAudit(LAST_DAY)
    assert.match(await page.getByTestId('audit-message').textContent(), /1 pending VMS update\(s\) confirmed. Still differing: none/)
    await page.goto('/workforce/vms-audit')
    await page.getByTestId(`programme-alignment-${programme.id}`).getByText('100.0%').waitFor()
    await screenshot(page, 'workforce-vms-audit')
    await page.goto(assignmentUrl)
    await page.getByRole('heading', { name: 'Payroll Analyst' }).waitFor()
    assert.equal(await page.getByTestId('vms-pending').count(), 0)
    await page.goto('/workforce/home')
    await page.getByTestId('home-psrs').waitFor()
    await screenshot(page, 'workforce-home')
    await ctx.close()
  })

  test('a service case from an assignment links back; timecards imported from the VMS; a receipt on an expense', async () => {
    const ctx = await newContext(env.browser, env.server.baseUrl)
    const page = await ctx.newPage()
    await login(page, USERS.coordinator)
    // An active Fieldglass assignment and a past week it worked without a timecard (the demo leaves gaps;
    // its dates follow the day it was generated).
    const { assignment, programme, monday } = await page.evaluate(async () => {
      const iso = (d) => d.toISOString().slice(0, 10)
      const today = new Date()
      const thisMonday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7)))
      const mondays = Array.from({ length: 12 }, (_, i) => iso(new Date(thisMonday.getTime() - (i + 2) * 7 * 86_400_000)))
      const programmes = await (await fetch('/api/v1/programmes?vms=fieldglass&limit=50')).json()
      for (const programme of programmes.items) {
        const list = await (await fetch(`/api/v1/assignments?programme_id=${programme.id}&status=active&limit=100`)).json()
        for (const a of list.items) {
          if (!a.vms_work_order_id) continue
          for (const monday of mondays) {
            if (a.start_date > monday) continue
            const cards = await (await fetch(`/api/v1/timecards?assignment_id=${a.id}&week_start=${monday}`)).json()
            if (cards.total === 0) return { assignment: a, programme, monday }
          }
        }
      }
      return {}
    })
    assert.ok(assignment, 'an active Fieldglass assignment with a past week without a timecard')
    const day = (offset) => new Date(Date.parse(`${monday}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)
    const us = (isoDay) => `${isoDay.slice(5, 7)}/${isoDay.slice(8, 10)}/${isoDay.slice(0, 4)}` // the VMS writes MM/DD/YYYY

    // 1. From the assignment, open a case; the case links back to the assignment.
    await page.goto(`/workforce/assignments/${assignment.id}`)
    await page.getByTestId('tab-cases').click()
    await page.getByTestId('open-case').click()
    await page.getByTestId('case-subject').fill('MSP asks for the badge request')
    await page.getByTestId('case-submit').click()
    await page.waitForURL(/\/service-desk\/cases\/\d+$/)
    const link = page.getByTestId('case-links').getByRole('link', { name: `Assignment #${assignment.id}` })
    await link.waitFor()
    await screenshot(page, 'workforce-case-linked')
    await link.click()
    await page.waitForURL(new RegExp(`/workforce/assignments/${assignment.id}$`))
    await page.getByTestId('tab-cases').click()
    await page.getByTestId('linked-cases').getByText('MSP asks for the badge request').waitFor()

    // 2. The VMS time export: a bad cell is named by line and column and nothing is imported; the good file imports.
    const header = 'Work Order ID,Time Entry Date,Rate Category/UOM,Hours,Time Sheet Status\n'
    const good = header + [`${us(day(0))},ST/Hr,8`, `${us(day(1))},ST/Hr,8`, `${us(day(1))},OT/Hr,2`].map((r) => `${assignment.vms_work_order_id},${r},Submitted`).join('\n') + '\n'
    await page.goto('/workforce/timecards')
    await page.getByTestId('timecard-import-link').click()
    await selectOption(page, 'Programme', `${programme.client_name} — ${programme.name} (fieldglass)`)
    await page.locator('input[type=file]').setInputFiles({ name: 'fg-time.csv', mimeType: 'text/csv', buffer: Buffer.from(good + `${assignment.vms_work_order_id},${us(day(2))},XX,8,Submitted\n`) })
    await page.getByTestId('timecard-import').click()
    await page.getByTestId('timecard-import-errors').getByText('fg-time.csv, line 5, column 3 (Rate Category/UOM)').waitFor()
    await page.locator('input[type=file]').setInputFiles({ name: 'fg-time.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
    await page.getByTestId('timecard-import').click()
    await page.getByTestId('timecard-import-result').getByText('1 new, 0 updated, 0 unchanged').waitFor()
    await screenshot(page, 'workforce-timecard-import')

    // 3. An expense's receipt, attached on the assignment's Expenses tab and downloadable.
    const expense = await page.evaluate(async (args) => {
      const { assignmentId, spentOn } = args
      const me = await (await fetch('/api/v1/auth/me')).json()
      const r = await fetch('/api/v1/expenses', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token },
        body: JSON.stringify({ assignment_id: assignmentId, spent_on: spentOn, category: 'meals', amount: '18.75' }),
      })
      return r.json()
    }, { assignmentId: assignment.id, spentOn: day(1) })
    await page.goto(`/workforce/assignments/${assignment.id}`)
    await page.getByRole('tab', { name: 'Expenses' }).click()
    const chooser = page.waitForEvent('filechooser')
    await page.getByTestId(`attach-receipt-${expense.id}`).click()
    await (await chooser).setFiles({ name: 'lunch.txt', mimeType: 'text/plain', buffer: Buffer.from('abc') })
    await page.getByTestId(`receipt-${expense.id}`).getByText('SHA-256 ba7816bf8f01').waitFor()
    await screenshot(page, 'workforce-expense-receipt')
    await ctx.close()
  })
})
