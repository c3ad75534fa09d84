// The desk's supervision over HTTP: quality scorecards on solved cases (a manager's; portal users never
// see them), the supervisor's board and bulk reassignment, and portal attachments — with another
// tenant getting 404 (or 403 for a permission the role lacks) everywhere.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Session, startServer } from './client.mjs'

let server, manager, agent, client, client2, mine, theirs, agentId, queue
before(async () => {
  server = await startServer()
  manager = await Session.login(server.baseUrl, 'manager@concord.test')
  agent = await Session.login(server.baseUrl, 'coordinator@concord.test')
  client = await Session.login(server.baseUrl, 'client@concord.test')
  client2 = await Session.login(server.baseUrl, 'client2@concord.test')
  mine = (await client.get('/api/v1/auth/me')).body.user.client_ids[0]
  theirs = (await client2.get('/api/v1/auth/me')).body.user.client_ids[0]
  agentId = (await agent.get('/api/v1/auth/me')).body.user.id
  queue = (await manager.post('/api/v1/queues', {
    name: 'Supervision test queue', strategy: 'least_loaded', category: 'files',
    members: [{ user_id: agentId, skills: [], capacity: 6 }],
  })).body
})
after(async () => { await server?.stop() })

async function openCase(subject, priority = 'normal') {
  const res = await agent.post('/api/v1/cases', {
    subject, description: 'A file question', client_id: mine, category: 'files', priority,
    queue_id: queue.id, assignee_id: agentId, requester_name: 'Pat', requester_email: 'pat@example.test', channel: 'phone',
  })
  assert.equal(res.status, 201, JSON.stringify(res.body))
  return res.body
}

async function solve(c) {
  const res = await agent.patch(`/api/v1/cases/${c.id}`, { status: 'solved' }, { 'if-match': `"${c.version}"` })
  assert.equal(res.status, 200, JSON.stringify(res.body))
  return res.body
}

test('a manager reviews a sampled solved case; the scorecard is listed, exported and reported', async () => {
  const c = await solve(await openCase('Quality sample case'))
  // A period from this solve on: the demo's own solved cases end before it.
  const sample = await manager.get(`/api/v1/service/quality/sample?per_agent=50&from=${encodeURIComponent(c.solved_at)}`)
  assert.equal(sample.status, 200)
  const drawn = sample.body.items.find((i) => i.case_id === c.id)
  assert.ok(drawn, 'the solved case is in a sample of up to 50 per agent')
  assert.equal(drawn.scorecard_id, null)
  // Weights 1, 3, 2, 2, 2: 4 + 9 + 8 + 4 + 0 = 25 of 40 = 62.5 % → 63.
  const bad = await manager.post(`/api/v1/cases/${c.id}/scorecard`, { scores: { accuracy: 7, tone: 2 } })
  assert.equal(bad.status, 422)
  const fields = bad.body.errors.map((e) => e.field)
  for (const f of ['scores.accuracy', 'scores.tone', 'scores.understanding']) assert.ok(fields.includes(f), JSON.stringify(fields))
  const scores = { understanding: 4, accuracy: 3, resolution: 4, communication: 2, process: 0 }
  const created = await manager.post(`/api/v1/cases/${c.id}/scorecard`, { scores, comment: 'Missed the privacy check' })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  assert.equal(created.body.total_pct, 63)
  assert.equal(created.body.agent_id, agentId)
  assert.equal((await manager.post(`/api/v1/cases/${c.id}/scorecard`, { scores })).status, 409)
  const id = created.body.id
  const edited = await manager.patch(`/api/v1/service/scorecards/${id}`, { scores: { ...scores, process: null } }, { 'if-match': '"1"' })
  assert.equal(edited.status, 200)
  assert.equal(edited.body.total_pct, 78)  // 25 of 32 = 78.125 %
  assert.equal((await manager.patch(`/api/v1/service/scorecards/${id}`, { scores }, { 'if-match': '"1"' })).status, 412)

  const list = await manager.get(`/api/v1/service/scorecards?q=%23${c.id}&sort=-total_pct`)
  assert.equal(list.status, 200)
  assert.deepEqual(list.body.items.map((s) => s.id), [id])
  assert.equal((await manager.get('/api/v1/service/scorecards?min_pct=101')).status, 400)
  const csv = (await manager.get(`/api/v1/service/scorecards/export.csv?q=%23${c.id}`)).body.toString('utf8')
  assert.match(csv.split('\r\n')[0], /accuracy/)
  assert.match(csv, /,78,/)
  const xlsx = await manager.get('/api/v1/service/scorecards/export.xlsx')
  assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK')
  const report = await manager.get('/api/v1/service/quality/report?by=agent')
  assert.equal(report.status, 200)
  assert.ok(report.body.by.some((l) => l.scorecards >= 1))
  assert.ok(report.body.trend.length >= 1)
  const history = await manager.get(`/api/v1/audit?entity=case_scorecard&id=${id}`)
  assert.deepEqual(history.body.items.map((e) => e.action).sort(), ['create', 'update'])

  // Portal users and agents: no scorecards, whatever the id.
  for (const who of [client, client2, agent]) {
    for (const res of [
      await who.get('/api/v1/service/scorecards'),
      await who.get(`/api/v1/service/scorecards/${id}`),
      await who.get('/api/v1/service/quality/sample'),
      await who.get('/api/v1/service/quality/report'),
      await who.get('/api/v1/service/scorecards/export.csv'),
      await who.post(`/api/v1/cases/${c.id}/scorecard`, { scores }),
      await who.patch(`/api/v1/service/scorecards/${id}`, { scores }, { 'if-match': '"2"' }),
    ]) assert.equal(res.status, 403)
  }
  // The client's own audit trail does not carry the review.
  assert.deepEqual((await client.get(`/api/v1/audit?entity=case_scorecard&id=${id}`)).body.items, [])
  assert.equal((await manager.get('/api/v1/service/scorecards/999999')).status, 404)
})

test('the board weighs open work by priority and moves cases in bulk, audited', async () => {
  const a = await openCase('Board urgent', 'urgent')
  const b = await openCase('Board low', 'low')
  const board = await manager.get(`/api/v1/service/board?queue_id=${queue.id}`)
  assert.equal(board.status, 200)
  const me = board.body.agents.find((x) => x.user_id === agentId)
  assert.equal(me.capacity, 6)
  assert.ok(me.load >= 6, `urgent 5 + low 1 at least, got ${me.load}`)
  assert.equal(board.body.cases.find((x) => x.id === a.id).weight, 5)
  const refused = await manager.post('/api/v1/service/board/reassign', { case_ids: [a.id, 999999], assignee_id: null })
  assert.equal(refused.status, 422)
  assert.equal(refused.body.errors[0].field, 'case_ids.1')
  const moved = await manager.post('/api/v1/service/board/reassign', { case_ids: [a.id, b.id], assignee_id: null })
  assert.equal(moved.status, 200, JSON.stringify(moved.body))
  assert.deepEqual(moved.body.items.map((c) => c.assignee_id), [null, null])
  const history = await manager.get(`/api/v1/audit?entity=case&id=${a.id}`)
  assert.ok(history.body.items.some((e) => e.action === 'reassign'), JSON.stringify(history.body.items.map((e) => e.action)))
  const timeline = await agent.get(`/api/v1/cases/${a.id}/timeline`)
  assert.ok(timeline.body.items.some((e) => e.kind === 'assignment' && /supervisor's board/.test(e.body)))
  for (const who of [client, agent]) {
    assert.equal((await who.get('/api/v1/service/board')).status, 403)
    assert.equal((await who.post('/api/v1/service/board/reassign', { case_ids: [a.id], assignee_id: agentId })).status, 403)
  }
  assert.equal((await manager.get('/api/v1/service/board?queue_id=999999')).status, 404)
})

test('the portal opens a case with an attachment; another client gets 404 on both', async () => {
  const created = await client.post('/api/v1/cases', { subject: 'Upload of the census file', description: 'Attached.', category: 'files', priority: 'high' })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  assert.equal(created.body.client_id, mine)
  assert.equal(created.body.channel, 'portal')
  const content = 'employee,hours\n1001,40\n'
  const up = await client.request('POST', `/api/v1/cases/${created.body.id}/attachments?file_name=census.csv`, content, { 'content-type': 'text/csv' })
  assert.equal(up.status, 201, JSON.stringify(up.body))
  const file = up.body.attachments[0]
  assert.equal(file.name, 'census.csv')
  assert.equal(file.size, Buffer.byteLength(content))
  const down = await client.get(`/api/v1/cases/${created.body.id}/attachments/${file.file_id}`)
  assert.equal(down.status, 200)
  assert.equal(down.body.toString('utf8'), content)
  assert.equal((await agent.get(`/api/v1/cases/${created.body.id}/attachments/${file.file_id}`)).status, 200)
  // Another client's user: the case, its attachment and uploading onto it are all "not found".
  assert.equal((await client2.get(`/api/v1/cases/${created.body.id}/attachments/${file.file_id}`)).status, 404)
  assert.equal((await client2.request('POST', `/api/v1/cases/${created.body.id}/attachments?file_name=x.txt`, 'x', { 'content-type': 'text/plain' })).status, 404)
  // A file id of another case does not download through this one.
  const other = await openCase('Unrelated')
  assert.equal((await agent.get(`/api/v1/cases/${other.id}/attachments/${file.file_id}`)).status, 404)
  const empty = await client.request('POST', `/api/v1/cases/${created.body.id}/attachments?file_name=empty.txt`, '', { 'content-type': 'text/plain' })
  assert.equal(empty.status, 422)
  assert.equal(empty.body.errors[0].field, 'attachments.0')
  // A client user cannot open a case for a client that is not theirs.
  const foreign = await client.post('/api/v1/cases', { subject: 'x', description: 'y', category: 'files', priority: 'low', client_id: theirs })
  assert.equal(foreign.status, 422)
  assert.equal(foreign.body.errors[0].field, 'client_id')
})
