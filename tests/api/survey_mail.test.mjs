// The survey link on solve, end to end with a real SMTP server (Debian's aiosmtpd): an agent solves a
// case, the requester's mail carries the link, and the link's token answers the survey — once.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Session, startServer } from './client.mjs'
import { startSmtp } from '../e2e/smtp.mjs'

let smtp, server, agent
before(async () => {
  smtp = await startSmtp()
  process.env.CONCORD_PUBLIC_URL = 'https://desk.example.test'
  server = await startServer()
  agent = await Session.login(server.baseUrl, 'coordinator@concord.test')
})
after(async () => {
  await server?.stop()
  smtp?.stop()
  delete process.env.CONCORD_PUBLIC_URL
})

// The body as the requester reads it: quoted-printable soft breaks joined, =3D decoded.
const plain = (raw) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=')

test('solving a case mails the requester the survey link, and the link answers the survey', async () => {
  const opened = await agent.post('/api/v1/cases', {
    subject: 'Survey journey', description: 'Where is my W-2?', category: 'payroll', priority: 'normal',
    requester_kind: 'internal', requester_name: 'Sam Requester', requester_email: 'sam.requester@example.test', channel: 'phone',
  })
  assert.equal(opened.status, 201, JSON.stringify(opened.body))
  const id = opened.body.id
  const solved = await agent.patch(`/api/v1/cases/${id}`, { status: 'solved' }, { 'if-match': `"${opened.body.version}"` })
  assert.equal(solved.status, 200, JSON.stringify(solved.body))

  const raw = plain(await smtp.waitFor((m) => m.includes('To: sam.requester@example.test') && m.includes(`[#${id}]`), 'the survey mail'))
  assert.match(raw, /Subject: How did we do\?/)
  const link = raw.match(/https:\/\/desk\.example\.test\/survey\/([A-Za-z0-9_-]+)/)
  assert.ok(link, raw)
  const answer = await new Session(server.baseUrl).post('/api/v1/case-surveys', { token: link[1], rating: 5, comment: 'Quick and clear' })
  assert.equal(answer.status, 200, JSON.stringify(answer.body))
  assert.equal(answer.body.case_id, id)
  assert.equal((await agent.get(`/api/v1/cases/${id}`)).body.satisfaction, 5)
  const outbox = await agent.get(`/api/v1/mail/outbox?entity=case&entity_id=${id}`)
  assert.equal(outbox.status, 200)
  assert.deepEqual(outbox.body.items.map((m) => m.purpose), ['case_survey'])
  // A token that was never sent answers nothing.
  assert.equal((await new Session(server.baseUrl).post('/api/v1/case-surveys', { token: 'nope', rating: 5 })).status, 404)
})
