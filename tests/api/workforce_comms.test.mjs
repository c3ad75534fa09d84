// The coordinator's communication work over real HTTP: payroll tickets (open from a worker, research,
// send to payroll, resolve; the queue's exports; the home's follow-ups) and every endpoint's tenancy —
// another client's user gets 404, the worker sees their own ticket read-only.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Session, startServer } from './client.mjs'

let server, coordinator, client2, worker, workerId
before(async () => {
  server = await startServer()
  coordinator = await Session.login(server.baseUrl, 'coordinator@concord.test')
  client2 = await Session.login(server.baseUrl, 'client2@concord.test')
  worker = await Session.login(server.baseUrl, 'worker@concord.test')
  workerId = (await worker.get('/api/v1/auth/me')).body.user.worker_id
})
after(async () => {
  await server?.stop()
})

const ifMatch = (r) => ({ 'if-match': `"${r.version}"` })

test('a payroll ticket is opened from a worker, sent to payroll and resolved, each step on the timeline', async () => {
  const opened = await coordinator.post(`/api/v1/workers/${workerId}/payroll-tickets?today=2026-11-25`, {
    kind: 'missing_pay', subject: 'Overtime missing from the 11/20 check', pay_period_start: '2026-11-09',
    pay_period_end: '2026-11-15', amount: '412.5',
  })
  assert.equal(opened.status, 201, JSON.stringify(opened.body))
  let t = opened.body
  assert.equal(t.amount, '412.50')
  assert.equal(t.due_date, '2026-11-30') // Wednesday + 2 business days over Thanksgiving
  const bad = await coordinator.post(`/api/v1/workers/${workerId}/payroll-tickets`, { kind: 'bonus', subject: 'x' })
  assert.equal(bad.status, 422)
  assert.equal(bad.body.errors[0].field, 'kind')

  let r = await coordinator.post(`/api/v1/payroll-tickets/${t.id}/send_to_payroll`, { payroll_reference: 'PAY-1' }, ifMatch(t))
  assert.equal(r.status, 200, JSON.stringify(r.body))
  t = r.body
  r = await coordinator.post(`/api/v1/payroll-tickets/${t.id}/resolve`, {}, ifMatch(t))
  assert.equal(r.status, 422)
  r = await coordinator.post(`/api/v1/payroll-tickets/${t.id}/resolve`, { resolution: 'Off-cycle check issued.' }, ifMatch(t))
  assert.equal(r.status, 200)
  assert.equal(r.body.status, 'resolved')
  r = await coordinator.post(`/api/v1/payroll-tickets/${t.id}/resolve`, { resolution: 'again' }, ifMatch(r.body))
  assert.equal(r.status, 409)

  const timeline = (await coordinator.get(`/api/v1/workforce/timeline?worker_id=${workerId}&q=${encodeURIComponent(`Payroll ticket #${t.id}:`)}`)).body.items
  assert.equal(timeline.length, 3)
  const csv = await coordinator.get(`/api/v1/payroll-tickets/export.csv?q=${encodeURIComponent('11/20 check')}`)
  assert.equal(csv.status, 200)
  assert.match(csv.text ?? String(csv.body), /Overtime missing from the 11\/20 check/)
  assert.equal((await coordinator.get('/api/v1/payroll-tickets/export.xlsx?status=resolved')).status, 200)
  const summary = (await coordinator.get('/api/v1/payroll-tickets/summary?today=2030-01-01')).body
  assert.ok(summary.payroll_followups.count >= 1, 'the demo has unresolved tickets, all due by 2030')

  // The worker sees their ticket but cannot change it; another client's user sees nothing of it.
  assert.equal((await worker.get(`/api/v1/payroll-tickets/${t.id}`)).body.status, 'resolved')
  assert.ok((await worker.get('/api/v1/payroll-tickets')).body.items.every((x) => x.worker_id === workerId))
  assert.equal((await worker.post(`/api/v1/payroll-tickets/${t.id}/reopen`, { note: 'x' }, ifMatch(r.body))).status, 403)
  assert.equal((await client2.get(`/api/v1/payroll-tickets/${t.id}`)).status, 404)
  assert.ok((await client2.get('/api/v1/payroll-tickets?limit=500')).body.items.every((x) => x.id !== t.id))
  assert.equal((await client2.get('/api/v1/payroll-tickets/summary?today=2030-01-01')).body.payroll_followups.items
    .filter((x) => x.worker_id === workerId).length, 0)
  for (const [method, path] of [['POST', `/api/v1/payroll-tickets/${t.id}/reopen`], ['PATCH', `/api/v1/payroll-tickets/${t.id}`],
    ['POST', `/api/v1/workers/${workerId}/payroll-tickets`]]) {
    assert.ok([403, 404].includes((await client2.request(method, path, { note: 'x' }, ifMatch(t))).status), `${method} ${path}`)
  }
})

test("chat exports, an inbound e-mail and a sent e-mail on the worker's timeline; other tenants get 404", async () => {
  const { readFileSync } = await import('node:fs')
  const root = new URL('../fixtures/workforce/chat/slack/', import.meta.url)
  const read = (p) => readFileSync(new URL(p, root), 'utf8')
  const w = (await coordinator.get(`/api/v1/workers/${workerId}`)).body
  assert.ok(w.email)
  const files = [
    { name: 'users.json', content: read('users.json').replace('Maria.Garcia@example.test', w.email) },
    { name: 'payroll-help/2026-11-20.json', content: read('payroll-help/2026-11-20.json') },
  ]
  let r = await coordinator.post('/api/v1/workforce/chat-imports?source=slack', { files })
  assert.equal(r.status, 200, JSON.stringify(r.body))
  assert.deepEqual(r.body, { imported: 2, already_imported: 0, unmatched: 0, workers: 1 })
  r = await coordinator.post('/api/v1/workforce/chat-imports?source=slack', { files })
  assert.equal(r.body.imported, 0)
  assert.equal(r.body.already_imported, 2)
  const bad = await coordinator.post('/api/v1/workforce/chat-imports?source=slack',
    { files: [...files, { name: 'payroll-help/2026-11-21.json', content: '[\n {"type": "message", "user": "U04MARIA", "text": "x"}\n]' }] })
  assert.equal(bad.status, 422)
  assert.equal(bad.body.errors[0].field, 'payroll-help/2026-11-21.json, line 2 (ts)')
  assert.equal((await client2.post('/api/v1/workforce/chat-imports?source=slack', { files })).status, 403)
  const slack = (await coordinator.get(`/api/v1/workforce/timeline?worker_id=${workerId}&channel=slack`)).body.items
  assert.ok(slack.some((e) => e.body.startsWith('Hi Casey, my check on Friday') && e.direction === 'inbound'))

  const raw = `From: Worker <${w.email}>\r\nTo: coordinator@concord.test\r\nSubject: Stub\r\nMessage-ID: <api-stub@example.test>\r\n` +
    'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nAttached.\r\n' +
    '--b\r\nContent-Type: application/pdf; name="stub.pdf"\r\nContent-Disposition: attachment; filename="stub.pdf"\r\n' +
    'Content-Transfer-Encoding: base64\r\n\r\nYWJj\r\n--b--\r\n'
  r = await coordinator.request('POST', '/api/v1/workforce/inbound-mail', raw, { 'content-type': 'message/rfc822' })
  assert.equal(r.status, 200, JSON.stringify(r.body))
  assert.equal(r.body.matched, true)
  assert.equal(r.body.worker_id, workerId)
  const url = `/api/v1/workforce/timeline/${r.body.entry_id}/attachments/0`
  assert.equal(String((await coordinator.get(url)).body), 'abc')
  assert.equal((await client2.get(url)).status, 404)
  assert.equal((await worker.get(url)).status, 404)
  assert.equal((await client2.request('POST', '/api/v1/workforce/inbound-mail', raw, { 'content-type': 'message/rfc822' })).status, 403)

  const sent = await coordinator.post(`/api/v1/workers/${workerId}/timeline`,
    { kind: 'email', subject: 'Your overtime', body: 'Payroll pays it Friday.', send_email: true })
  assert.equal(sent.status, 201, JSON.stringify(sent.body))
  assert.ok(sent.body.outbox_id > 0)
  const listed = (await coordinator.get(`/api/v1/workforce/timeline?worker_id=${workerId}&q=${encodeURIComponent('Payroll pays it Friday')}`)).body.items
  assert.ok(['queued', 'held', 'sent'].includes(listed[0].mail_status), JSON.stringify(listed[0]))
  assert.ok([403, 404].includes((await client2.post(`/api/v1/workers/${workerId}/timeline`, { kind: 'note', body: 'x' })).status))
})

test('knowledge articles: versions, search, Level II questions; drafts and questions stay in scope', async () => {
  const list = (await coordinator.get(`/api/v1/knowledge?q=${encodeURIComponent('$684')}`)).body
  assert.equal(list.items.length, 1, 'the demo FLSA status article cites the salary level')
  const flsa = (await coordinator.get(`/api/v1/knowledge/${list.items[0].id}`)).body
  assert.match(flsa.reply_text, /Sources:\n- 29 CFR 541\.600/)
  const created = await coordinator.post('/api/v1/knowledge', {
    title: 'Draft: holiday pay', topic: 'wages', body: 'No federal law requires holiday pay.', status: 'draft',
    citations: [{ label: 'DOL: Holiday Pay', url: 'https://www.dol.gov/general/topic/workhours/holidays' }],
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const uncited = await coordinator.post('/api/v1/knowledge', { title: 'x', topic: 'wages', body: 'y', citations: [] })
  assert.equal(uncited.status, 422)
  const edited = await coordinator.patch(`/api/v1/knowledge/${created.body.id}`, { body: 'The FLSA does not require holiday pay.' },
    { 'if-match': `"${created.body.version}"` })
  assert.equal(edited.body.version, 2)
  assert.equal((await coordinator.get(`/api/v1/knowledge/${created.body.id}/revisions`)).body.items.length, 2)
  assert.equal((await coordinator.get('/api/v1/knowledge/export.csv?topic=wages')).status, 200)
  // Client users read published articles only; workers none; neither writes.
  assert.equal((await client2.get(`/api/v1/knowledge/${flsa.id}`)).status, 200)
  assert.equal((await client2.get(`/api/v1/knowledge/${created.body.id}`)).status, 404)
  assert.equal((await client2.get(`/api/v1/knowledge/${created.body.id}/revisions`)).status, 404)
  assert.equal((await worker.get(`/api/v1/knowledge/${flsa.id}`)).status, 404)
  assert.equal((await client2.patch(`/api/v1/knowledge/${flsa.id}`, { body: 'x' }, { 'if-match': `"${flsa.version}"` })).status, 403)

  const q = await coordinator.post(`/api/v1/workers/${workerId}/level2-questions?today=2026-11-25`,
    { question: 'Does the retention bonus count in the regular rate?', to: 'hrbp', article_id: flsa.id })
  assert.equal(q.status, 201, JSON.stringify(q.body))
  assert.equal(q.body.due_date, '2026-11-30')
  assert.ok((await coordinator.get(`/api/v1/workforce/tasks?owner=hrbp&q=${encodeURIComponent('retention bonus')}`)).body.items.length >= 1)
  assert.ok([403, 404].includes((await client2.post(`/api/v1/workers/${workerId}/level2-questions`, { question: 'x', to: 'hrbp' })).status))
})

test('concord mail ingest --to-timeline: a worker\'s mail on their timeline, anyone else\'s to the desk', async () => {
  const { spawnSync } = await import('node:child_process')
  const path = await import('node:path')
  const bin = path.resolve(process.env.CONCORD_BIN ?? 'build/test/src/app/concord')
  const ingest = (raw) => spawnSync(bin, ['mail', 'ingest', '--to-timeline', '--db', path.join(server.tmp, 'e2e.db')],
    { input: raw, encoding: 'utf8', timeout: 60_000 })
  const w = (await coordinator.get(`/api/v1/workers/${workerId}`)).body
  const mine = `From: ${w.first_name} <${w.email.toUpperCase()}>\r\nTo: coordinator@concord.test\r\nSubject: New bank details\r\n` +
    'Message-ID: <cli-bank@example.test>\r\n\r\nMy account changed; the form is in the portal.\r\n'
  let r = ingest(mine)
  assert.equal(r.status, 0, r.stderr)
  assert.match(r.stdout, new RegExp(`^worker ${workerId} timeline entry \\d+$`, 'm'))
  assert.match(ingest(mine).stdout, /unchanged \(duplicate\)/)
  const entries = (await coordinator.get(`/api/v1/workforce/timeline?worker_id=${workerId}&channel=email&q=${encodeURIComponent('bank details')}`)).body.items
  assert.equal(entries.length, 1)
  r = ingest('From: Someone <someone@elsewhere.test>\r\nTo: support@concord.test\r\nSubject: Hello\r\nMessage-ID: <cli-desk@x.test>\r\n\r\nHi.\r\n')
  assert.equal(r.status, 0, r.stderr)
  assert.match(r.stdout, /^case \d+ opened$/m)
})
