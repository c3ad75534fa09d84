// Agency billing over HTTP: job expenses (the estimate's mark-up, approval, receipts, invoicing beside time,
// the list conventions) and another client's 404s. Amounts are worked by hand beside each assertion.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Session, startServer, waitForJob } from './client.mjs'

const A = '/api/v1/agency'
let server, admin, coordinator, client, mine, theirs, theirExpense

const etag = (res) => ({ 'if-match': res.headers.get('etag') })

async function ensureAccount(clientId, code) {
  if ((await coordinator.get(`${A}/accounts/${clientId}`)).status === 200) return
  const put = await coordinator.request('PUT', `${A}/accounts/${clientId}`, { client_code: code })
  assert.equal(put.status, 200, JSON.stringify(put.body))
}

async function openJob(clientId, title) {
  const res = await coordinator.post(`${A}/jobs`, { client_id: clientId, title, due_date: '2099-12-31' })
  assert.equal(res.status, 201, JSON.stringify(res.body))
  return res.body
}

async function recordExpense(body) {
  const res = await coordinator.post(`${A}/expenses`, { expense_date: '2025-06-02', ...body })
  assert.equal(res.status, 201, JSON.stringify(res.body))
  return res
}

before(async () => {
  server = await startServer()
  admin = await Session.login(server.baseUrl, 'admin@concord.test')
  coordinator = await Session.login(server.baseUrl, 'coordinator@concord.test')
  client = await Session.login(server.baseUrl, 'client@concord.test')
  mine = (await client.get('/api/v1/auth/me')).body.user.client_ids[0]
  theirs = (await coordinator.get('/api/v1/clients?limit=5')).body.items.find((c) => c.id !== mine).id
  await ensureAccount(mine, 'MINE')
  await ensureAccount(theirs, 'THEIRS')
  const theirJob = await openJob(theirs, 'Their flyer')
  const x = await recordExpense({ job_id: theirJob.id, description: 'Flyer print', supplier: 'PrintCo', cost: '80.00' })
  const receipt = await coordinator.request('PUT', `${A}/expenses/${x.body.id}/receipt?file_name=r.txt`, 'paid',
    { ...etag(x), 'content-type': 'text/plain' })
  assert.equal(receipt.status, 200, JSON.stringify(receipt.body))
  theirExpense = receipt.body
})
after(async () => { await server?.stop() })

test('an expense takes the estimate mark-up, is approved, frozen and invoiced', async () => {
  const job = await openJob(mine, 'Expense catalogue')
  const est = await coordinator.post(`${A}/jobs/${job.id}/estimates`, {
    lines: [{ kind: 'labor', service: 'design', hours: '1', rate: '100.00' },
      { kind: 'expense', service: 'printing', cost: '200.00', markup_percent: '15' }],
  })
  const sent = await coordinator.post(`${A}/estimates/${est.body.id}/send`, undefined, etag(est))
  const approved = await client.post(`${A}/estimates/${est.body.id}/approve`, {}, etag(sent))
  assert.equal(approved.status, 200, JSON.stringify(approved.body))

  // 412.37 at the estimate's 15 %: 474.2255 -> 474.23.
  const print = await recordExpense({ job_id: job.id, category: 'printing', description: 'Proof prints', supplier: 'PrintCo', cost: '412.37' })
  assert.equal(print.body.markup_percent, '15')
  assert.equal(print.body.amount, '474.23')
  assert.equal(print.body.state, 'submitted')
  // A courier at an explicit 10 %: 38.50 × 1.1 = 42.35.
  const courier = await recordExpense({ job_id: job.id, category: 'courier', description: 'Courier', cost: '38.50', markup_percent: '10' })
  assert.equal(courier.body.amount, '42.35')

  const bad = await coordinator.post(`${A}/expenses`, { job_id: job.id, description: '', cost: 'ten', expense_date: '2025-13-01' })
  assert.equal(bad.status, 422)
  assert.deepEqual(bad.body.errors.map((e) => e.field).sort(), ['cost', 'expense_date'])
  const zero = await coordinator.post(`${A}/expenses`, { job_id: job.id, description: 'Nothing', cost: '0' })
  assert.equal(zero.status, 422)
  assert.equal(zero.body.errors[0].field, 'cost')

  // Only the agency admin approves; approved expenses are frozen.
  assert.equal((await coordinator.post(`${A}/expenses/${print.body.id}/approve`, undefined, etag(print))).status, 403)
  const ok = await admin.post(`${A}/expenses/${print.body.id}/approve`, undefined, etag(print))
  assert.equal(ok.status, 200, JSON.stringify(ok.body))
  assert.equal(ok.body.frozen, true)
  const frozen = await coordinator.patch(`${A}/expenses/${print.body.id}`, { cost: '1.00' }, etag(ok))
  assert.equal(frozen.status, 409)
  assert.equal(frozen.body.code, 'expense.frozen')
  await admin.post(`${A}/expenses/${courier.body.id}/approve`, undefined, etag(courier))

  // Actual 474.23 + 42.35 = 516.58 (no time yet) against the 330.00 budget: the 100 % alert.
  const viewed = (await coordinator.get(`${A}/jobs/${job.id}`)).body
  assert.equal(viewed.budget, '330.00')
  assert.equal(viewed.actual, '516.58')
  assert.ok(viewed.alerts.some((a) => a.code === 'job.over_budget' && a.threshold_percent === 100))

  const inv = await coordinator.post(`${A}/invoices`, { job_id: job.id, source: 'time_and_expenses' })
  assert.equal(inv.status, 201, JSON.stringify(inv.body))
  assert.deepEqual(inv.body.lines.map((l) => [l.description, l.amount]),
    [['Proof prints (PrintCo)', '474.23'], ['Courier', '42.35']])
  assert.equal(inv.body.total, '516.58')
  const issued = await admin.post(`${A}/invoices/${inv.body.id}/issue`, {}, etag(inv))
  assert.equal(issued.status, 200, JSON.stringify(issued.body))
  const after = (await coordinator.get(`${A}/expenses/${print.body.id}`)).body
  assert.equal(after.state, 'invoiced')
  assert.equal(after.invoice_id, inv.body.id)
})

test('expenses list: search, filters, sort, cursor pages, CSV and XLSX', async () => {
  const job = await openJob(mine, 'Expense list job')
  for (const [supplier, cost] of [['Alpha Print', '10.00'], ['Beta Print', '20.00'], ['Gamma Print', '30.00']]) {
    await recordExpense({ job_id: job.id, category: 'printing', description: 'Listed', supplier, cost })
  }
  const first = await coordinator.get(`${A}/expenses?q=print&job_id=${job.id}&sort=supplier&limit=2`)
  assert.equal(first.status, 200)
  assert.equal(first.body.total, 3)
  assert.deepEqual(first.body.items.map((x) => x.supplier), ['Alpha Print', 'Beta Print'])
  const next = await coordinator.get(`${A}/expenses?q=print&job_id=${job.id}&sort=supplier&limit=2&cursor=${first.body.next_cursor}`)
  assert.deepEqual(next.body.items.map((x) => x.supplier), ['Gamma Print'])
  const desc = await coordinator.get(`${A}/expenses?job_id=${job.id}&sort=-supplier&state=submitted`)
  assert.equal(desc.body.items[0].supplier, 'Gamma Print')
  const csv = await coordinator.get(`${A}/expenses/export.csv?job_id=${job.id}`)
  assert.equal(csv.status, 200)
  const lines = csv.body.toString('utf8').trim().split('\r\n')
  assert.equal(lines.length, 4)
  assert.match(lines[0], /^expense_date,job,supplier/)
  const xlsx = await coordinator.get(`${A}/expenses/export.xlsx?job_id=${job.id}`)
  assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK')
  assert.equal((await coordinator.get(`${A}/expenses?sort=colour`)).status, 400)
})

test('a client user gets 404 for another client\'s expenses', async () => {
  for (const path of [`${A}/expenses/${theirExpense.id}`, `${A}/expenses/${theirExpense.id}/receipt`]) {
    assert.equal((await client.get(path)).status, 404, path)
  }
  const listed = await client.get(`${A}/expenses?limit=200`)
  assert.equal(listed.status, 200)
  assert.ok(listed.body.items.every((x) => x.client_id === mine))
  assert.equal((await client.get(`${A}/expenses?client_id=${theirs}`)).body.total, 0)
  // Writes need the agency's write permission, which a client user does not hold.
  assert.equal((await client.patch(`${A}/expenses/${theirExpense.id}`, { cost: '1.00' }, { 'if-match': '"2"' })).status, 403)
  // The agency sees it, receipt included.
  const receipt = await coordinator.get(`${A}/expenses/${theirExpense.id}/receipt`)
  assert.equal(receipt.status, 200)
  assert.equal(receipt.body.toString('utf8'), 'paid')
})

test('an invoice is sent, partly paid, credited and paid in full; its stage follows', async () => {
  const job = await openJob(mine, 'Ledger job')
  const x = await recordExpense({ job_id: job.id, category: 'courier', description: 'Courier', cost: '100.00', markup_percent: '0' })
  await admin.post(`${A}/expenses/${x.body.id}/approve`, undefined, etag(x))
  const draft = await coordinator.post(`${A}/invoices`, { job_id: job.id, source: 'time_and_expenses' })
  assert.equal(draft.body.stage, 'draft')
  let inv = await admin.post(`${A}/invoices/${draft.body.id}/issue`, {}, etag(draft))
  assert.equal(inv.body.stage, 'issued')
  assert.equal(inv.body.total, '100.00')

  const noOne = await coordinator.post(`${A}/invoices/${inv.body.id}/delivery`, { channel: 'email' }, etag(inv))
  assert.equal(noOne.status, 422)
  assert.equal(noOne.body.errors[0].field, 'delivered_to')
  inv = await coordinator.post(`${A}/invoices/${inv.body.id}/delivery`,
    { channel: 'email', delivery_status: 'sent', delivered_to: 'ap@mine.example' }, etag(inv))
  assert.equal(inv.status, 200, JSON.stringify(inv.body))
  assert.equal(inv.body.stage, 'sent')
  assert.equal(inv.body.deliveries[0].sent_to, 'ap@mine.example')

  inv = await admin.post(`${A}/invoices/${inv.body.id}/payments`, { amount: '40.00', reference: 'R-1' }, etag(inv))
  assert.equal(inv.status, 200, JSON.stringify(inv.body))
  assert.equal(inv.body.stage, 'partially_paid')
  assert.equal(inv.body.payment.outstanding, '60.00')

  // A 10.00 credit (no tax on this invoice) leaves 50.00 outstanding.
  const note = await admin.post(`${A}/invoices/${inv.body.id}/credit-notes`, { amount: '10.00', reason: 'Late delivery' })
  assert.equal(note.status, 201, JSON.stringify(note.body))
  assert.equal(note.body.total, '-10.00')
  const issuedNote = await admin.post(`${A}/invoices/${note.body.id}/issue`, {}, etag(note))
  assert.match(issuedNote.body.number, /^CN-/)
  inv = await coordinator.get(`${A}/invoices/${inv.body.id}`)
  assert.equal(inv.body.credited, '10.00')
  assert.equal(inv.body.payment.outstanding, '50.00')

  const over = await admin.post(`${A}/invoices/${inv.body.id}/payments`, { amount: '50.01', reference: 'R-2' }, etag(inv))
  assert.equal(over.status, 422)
  assert.equal(over.body.code, 'invoice.overpayment')
  inv = await admin.post(`${A}/invoices/${inv.body.id}/payments`, { amount: '50.00', reference: 'R-2', received_on: '2025-06-03' }, etag(inv))
  assert.equal(inv.body.stage, 'paid')
  assert.deepEqual(inv.body.payments.map((p) => [p.amount, p.reference]), [['40.00', 'R-1'], ['50.00', 'R-2']])

  // The client sees its own invoice's stage; it cannot record payments.
  assert.equal((await client.get(`${A}/invoices/${inv.body.id}`)).body.stage, 'paid')
  assert.equal((await client.post(`${A}/invoices/${inv.body.id}/payments`, { amount: '1' }, etag(inv))).status, 403)
})

test('large agency lists export in the background with progress, in the requester\'s scope', async () => {
  const job = await openJob(mine, 'Background export job')
  for (const supplier of ['One', 'Two', 'Three']) {
    await recordExpense({ job_id: job.id, category: 'printing', description: 'Bulk', supplier, cost: '1.00' })
  }
  const started = await coordinator.post(`${A}/expenses/export-jobs?format=csv&job_id=${job.id}&sort=supplier`)
  assert.equal(started.status, 202, JSON.stringify(started.body))
  const done = await waitForJob(coordinator, started.body.id)
  assert.equal(done.state, 'succeeded', JSON.stringify(done))
  assert.equal(done.done, 3)
  assert.equal(done.total, 3)
  const file = await coordinator.get(done.result_url)
  const rows = file.body.toString('utf8').trim().split('\r\n')
  assert.deepEqual(rows.slice(1).map((r) => r.split(',')[2]), ['One', 'Three', 'Two'])
  assert.equal((await coordinator.post(`${A}/expenses/export-jobs?format=pdf`)).status, 422)

  // The client user's job sees only its own client's invoices, and the job is theirs alone.
  const theirsJob = await client.post(`${A}/invoices/export-jobs?format=xlsx`)
  assert.equal(theirsJob.status, 202, JSON.stringify(theirsJob.body))
  const finished = await waitForJob(client, theirsJob.body.id)
  assert.equal(finished.state, 'succeeded')
  const visible = (await client.get(`${A}/invoices?limit=200`)).body.total
  assert.equal(finished.total, visible)
  assert.equal((await client.get(`/api/v1/jobs/${started.body.id}`)).status, 404)
  const all = await coordinator.post(`${A}/jobs/export-jobs`)
  assert.equal(all.status, 202)
  assert.equal((await waitForJob(coordinator, all.body.id)).state, 'succeeded')
})

test('the default expense mark-up in the settings fills expense lines and expenses that have none', async () => {
  const settings = await admin.get(`${A}/settings`)
  assert.equal(settings.body.default_expense_markup_percent, '0')
  const bad = await admin.request('PATCH', `${A}/settings`, { default_expense_markup_percent: '-1' }, etag(settings))
  assert.equal(bad.status, 422)
  assert.equal(bad.body.errors[0].field, 'default_expense_markup_percent')
  const saved = await admin.request('PATCH', `${A}/settings`, { default_expense_markup_percent: '12.5' }, etag(settings))
  assert.equal(saved.status, 200, JSON.stringify(saved.body))
  assert.equal(saved.body.default_expense_markup_percent, '12.5')
  try {
    const job = await openJob(mine, 'Default mark-up')
    // An expense line without a mark-up takes 12.5 %: 200.00 × 1.125 = 225.00; one with 0 keeps 0 (160.00).
    const estimate = await coordinator.post(`${A}/jobs/${job.id}/estimates`, {
      lines: [{ kind: 'expense', service: 'printing', description: 'Proofs', cost: '200.00' },
        { kind: 'expense', service: 'courier', description: 'Bike', cost: '160.00', markup_percent: '0' }],
    })
    assert.equal(estimate.status, 201, JSON.stringify(estimate.body))
    assert.deepEqual(estimate.body.lines.map((l) => [l.markup_percent, l.amount]), [['12.5', '225.00'], ['0', '160.00']])
    // A stored expense with no estimate line of its category: 12.5 %, 80.00 × 1.125 = 90.00.
    const x = await recordExpense({ job_id: job.id, category: 'stock', description: 'Photo', cost: '80.00' })
    assert.equal(x.body.markup_percent, '12.5')
    assert.equal(x.body.amount, '90.00')
  } finally {
    const now = await admin.get(`${A}/settings`)
    await admin.request('PATCH', `${A}/settings`, { default_expense_markup_percent: '0' }, etag(now))
  }
})
