// The agency's account side over HTTP: account knowledge (search, exports, validation naming the field),
// the account's files (checksum, archive), the rate card with a future-dated change, the settings' period
// lock with who and when, and a client user getting 404 for another client's account and files.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { A, agencyWorld, etag } from './agency_world.mjs'

let server, admin, coordinator, client, mine, theirs

before(async () => {
  ({ server, admin, coordinator, client, mine, theirs } = await agencyWorld())
})
after(async () => { await server?.stop() })

test('account knowledge: approval chain, key dates, search across it, exports, field errors', async () => {
  const contact = await coordinator.post(`/api/v1/clients/${theirs}/contacts`, {
    name: 'Quinn Approver', role: 'decision maker', email: 'quinn@example.test', preferred_channel: 'email',
  })
  assert.equal(contact.status, 201, JSON.stringify(contact.body))
  const got = await coordinator.get(`${A}/accounts/${theirs}`)
  const saved = await coordinator.request('PUT', `${A}/accounts/${theirs}`, {
    processes: 'Legal reviews every claim (zebracorn)',
    reporting_preferences: 'Friday e-mail',
    approval_chain: [{ step: 1, approves: 'estimates', contact_id: contact.body.id }],
    key_dates: [{ date: '2026-06-30', label: 'Fiscal year end', yearly: true }],
    contact_preferences: [{ contact_id: contact.body.id, preferred_method: 'phone', branding_requirements: 'No orange' }],
  }, etag(got))
  assert.equal(saved.status, 200, JSON.stringify(saved.body))
  assert.equal(saved.body.approval_chain[0].contact_name, 'Quinn Approver')
  assert.equal(saved.body.contact_preferences[0].role, 'decision maker')
  assert.equal(saved.body.contact_preferences[0].email, 'quinn@example.test')

  const found = await coordinator.get(`${A}/accounts?q=ZEBRACORN`)
  assert.deepEqual(found.body.items.map((a) => a.client_id), [theirs])
  assert.equal(found.body.total, 1)
  const csv = await coordinator.get(`${A}/accounts/export.csv?q=zebracorn`)
  assert.equal(csv.status, 200)
  assert.match(csv.body.toString('utf8'), /Legal reviews every claim \(zebracorn\)/)
  const xlsx = await coordinator.get(`${A}/accounts/export.xlsx?q=zebracorn`)
  assert.equal(xlsx.body.subarray(0, 2).toString('latin1'), 'PK')

  const bad = await coordinator.request('PUT', `${A}/accounts/${theirs}`,
    { key_dates: [{ date: '30/06/2026', label: 'x' }] }, etag(saved))
  assert.equal(bad.status, 422)
  assert.equal(bad.body.errors[0].field, 'key_dates[0].date')
  const stale = await coordinator.request('PUT', `${A}/accounts/${theirs}`, { processes: 'x' }, etag(got))
  assert.equal(stale.status, 412)
})

test('account files: uploaded with their SHA-256, downloaded, archived and restored', async () => {
  const up = await coordinator.request('POST', `${A}/accounts/${mine}/files?file_name=brand.txt&title=Brand%20book&category=brand_guidelines`,
    'abc', { 'content-type': 'text/plain' })
  assert.equal(up.status, 201, JSON.stringify(up.body))
  // SHA-256("abc"), FIPS 180-2 appendix B.1.
  assert.equal(up.body.sha256, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  const down = await client.get(`${A}/account-files/${up.body.id}`)
  assert.equal(down.status, 200)
  assert.equal(down.body.toString('utf8'), 'abc')
  const archived = await coordinator.post(`${A}/account-files/${up.body.id}/archive`, { archived: true }, etag(up))
  assert.equal(archived.status, 200, JSON.stringify(archived.body))
  const live = await coordinator.get(`${A}/accounts/${mine}/files`)
  assert.ok(!live.body.items.some((f) => f.id === up.body.id))
  const all = await coordinator.get(`${A}/accounts/${mine}/files?archived=true`)
  assert.ok(all.body.items.some((f) => f.id === up.body.id && f.archived_at))
  const badCategory = await coordinator.request('POST', `${A}/accounts/${mine}/files?file_name=x.txt&category=photos`, 'x')
  assert.equal(badCategory.status, 422)
  assert.equal(badCategory.body.errors[0].field, 'category')
})

test('rate card: a future-dated change keeps the history; only admins add rates', async () => {
  const role = `strategy-${Date.now()}`
  assert.equal((await admin.post(`${A}/rates`, { role, effective_from: '2020-01-01', rate: '120.00' })).status, 201)
  const future = await admin.post(`${A}/rates`, { role, effective_from: '2099-01-01', rate: '135.00' })
  assert.equal(future.status, 201, JSON.stringify(future.body))
  const rates = (await coordinator.get(`${A}/rates`)).body.items.filter((r) => r.role === role)
  assert.deepEqual(rates.map((r) => [r.effective_from, r.rate]), [['2020-01-01', '120.00'], ['2099-01-01', '135.00']])
  assert.equal((await coordinator.post(`${A}/rates`, { role, effective_from: '2099-01-01', rate: '1.00' })).status, 403)
})

test('settings: locking a period records who and when; coordinators cannot', async () => {
  const s = await admin.get(`${A}/settings`)
  const locked = await admin.patch(`${A}/settings`, { locked_through: '2000-01-31' }, etag(s))
  assert.equal(locked.status, 200, JSON.stringify(locked.body))
  assert.equal(locked.body.locked_through, '2000-01-31')
  assert.ok(locked.body.locked_by)
  assert.match(locked.body.locked_at, /^\d{4}-\d{2}-\d{2}T/)
  assert.equal((await coordinator.patch(`${A}/settings`, { locked_through: null }, etag(locked))).status, 403)
})

test('another client\'s account and files are 404 to a client user', async () => {
  const file = await coordinator.request('POST', `${A}/accounts/${theirs}/files?file_name=c.txt&category=contract`, 'secret')
  assert.equal(file.status, 201)
  for (const path of [`${A}/accounts/${theirs}`, `${A}/accounts/${theirs}/files`, `${A}/account-files/${file.body.id}`]) {
    assert.equal((await client.get(path)).status, 404, path)
  }
  // Client users do not write account knowledge at all.
  assert.equal((await client.post(`${A}/account-files/${file.body.id}/archive`, {}, { 'if-match': '"1"' })).status, 403)
  const listed = await client.get(`${A}/accounts?q=`)
  assert.ok(listed.body.items.every((a) => a.client_id === mine))
})

test('contact reports: a searchable list with exports, the PDF, field errors; another client\'s is 404', async () => {
  const today = new Date().toISOString().slice(0, 10)
  const made = await coordinator.post(`${A}/contact-reports`, {
    client_id: theirs, meeting_date: today, discussion: 'Quokka campaign', decisions: 'Run it in May',
    attendees: [{ name: 'Pat Client', side: 'client', email: 'pat@example.test' }],
    action_items: [{ text: 'Send the media plan', due_date: today }],
  })
  assert.equal(made.status, 201, JSON.stringify(made.body))
  assert.equal(made.body.attendees[0].email, 'pat@example.test')
  const found = await coordinator.get(`${A}/contact-reports?q=quokka&sort=-meeting_date`)
  assert.deepEqual(found.body.items.map((r) => r.id), [made.body.id])
  const csv = await coordinator.get(`${A}/contact-reports/export.csv?q=quokka`)
  assert.match(csv.body.toString('utf8'), /Run it in May/)
  const pdf = await coordinator.get(`${A}/contact-reports/${made.body.id}/pdf`)
  assert.equal(pdf.status, 200)
  assert.equal(pdf.body.subarray(0, 5).toString('latin1'), '%PDF-')
  const bad = await coordinator.post(`${A}/contact-reports`, {
    client_id: theirs, meeting_date: today, attendees: [{ name: '', email: 'nope' }],
  })
  assert.equal(bad.status, 422)
  assert.deepEqual(bad.body.errors.map((e) => e.field), ['attendees[0].name', 'attendees[0].email'])
  assert.equal((await client.get(`${A}/contact-reports/${made.body.id}/pdf`)).status, 404)
  // E-mailed through the outbox to the attendees with an address, PDF attached; the distribution is recorded.
  const mailed = await coordinator.post(`${A}/contact-reports/${made.body.id}/email`, undefined, etag(made))
  assert.equal(mailed.status, 200, JSON.stringify(mailed.body))
  assert.equal(mailed.body.distributed_to, 'pat@example.test')
  assert.ok(mailed.body.distributed_at)
  assert.equal((await client.get(`${A}/contact-reports?q=quokka`)).body.total, 0)
})

test('traffic follow-ups: notes, a follow-up with owner and due date, overdue filter, done and undone', async () => {
  const meeting = await coordinator.post(`${A}/traffic-meetings`, {})
  assert.equal(meeting.status, 201, JSON.stringify(meeting.body))
  const noted = await coordinator.post(`${A}/traffic-meetings/${meeting.body.id}/notes`, { minutes: 'Press check moved' }, etag(meeting))
  assert.equal(noted.status, 200, JSON.stringify(noted.body))
  assert.equal(noted.body.minutes, 'Press check moved')
  const me = (await coordinator.get('/api/v1/auth/me')).body.user
  const follow = await coordinator.post(`${A}/traffic-meetings/${meeting.body.id}/follow-ups`,
    { text: 'Wombat proofs back', owner_user_id: me.id, due_date: '2000-01-03' })
  assert.equal(follow.status, 201, JSON.stringify(follow.body))
  const overdue = await coordinator.get(`${A}/action-items?state=overdue&q=wombat`)
  assert.deepEqual(overdue.body.items.map((a) => a.id), [follow.body.id])
  const done = await coordinator.post(`${A}/action-items/${follow.body.id}/done`, { done: true }, etag(follow))
  assert.equal(done.status, 200)
  assert.equal((await coordinator.get(`${A}/action-items?state=overdue&q=wombat`)).body.total, 0)
  const undone = await coordinator.post(`${A}/action-items/${follow.body.id}/done`, { done: false }, etag(done))
  assert.equal(undone.body.done_at, null)
  const xlsx = await coordinator.get(`${A}/action-items/export.xlsx?q=wombat`)
  assert.equal(xlsx.body.subarray(0, 2).toString('latin1'), 'PK')
  const empty = await coordinator.post(`${A}/traffic-meetings/${meeting.body.id}/follow-ups`, { text: '' })
  assert.equal(empty.status, 422)
  // Traffic meetings are internal: a client user reaches none of it.
  assert.equal((await client.post(`${A}/traffic-meetings/${meeting.body.id}/follow-ups`, { text: 'x' })).status, 403)
  assert.equal((await client.get(`${A}/action-items?q=wombat`)).body.total, 0)
})

test('a client contact at the meeting owns an action item, tracked to done; another client\'s contact cannot', async () => {
  const dana = await coordinator.post(`/api/v1/clients/${mine}/contacts`, { name: 'Dana Owner', role: 'Brand', email: 'dana@mine.example' })
  const erin = await coordinator.post(`/api/v1/clients/${theirs}/contacts`, { name: 'Erin Elsewhere', role: 'CMO', email: 'erin@theirs.example' })
  assert.equal(dana.status, 201, JSON.stringify(dana.body))
  const body = (owner) => ({
    client_id: mine, meeting_date: '2026-03-05', attendees: [{ name: 'Dana Owner', side: 'client', email: 'dana@mine.example' }],
    action_items: [{ text: 'Send the product photos', ...owner, due_date: '2026-03-10' }],
  })
  const report = await coordinator.post(`${A}/contact-reports`, body({ owner_contact_id: dana.body.id }))
  assert.equal(report.status, 201, JSON.stringify(report.body))
  const [item] = report.body.action_items
  assert.equal(item.owner_contact_id, dana.body.id)
  assert.equal(item.owner_user_id, null)
  assert.equal(item.owner_name, 'Dana Owner')
  const listed = await coordinator.get(`${A}/action-items?owner_contact_id=${dana.body.id}`)
  assert.deepEqual(listed.body.items.map((a) => a.id), [item.id])
  const done = await coordinator.post(`${A}/action-items/${item.id}/done`, {}, { 'if-match': `"${item.version}"` })
  assert.equal(done.status, 200, JSON.stringify(done.body))
  assert.ok(done.body.done_at)

  const foreign = await coordinator.post(`${A}/contact-reports`, body({ owner_contact_id: erin.body.id }))
  assert.equal(foreign.status, 422)
  assert.equal(foreign.body.errors[0].field, 'action_items[0].owner_contact_id')
})
