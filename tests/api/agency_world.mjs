// What the agency API tests share: the base path, If-Match from a response, an agency account set up if
// the demo did not already, and the world they start from (a server, admin, coordinator and a client user,
// the client user's client and another client, both with agency accounts).
import assert from 'node:assert/strict'
import { Session, startServer } from './client.mjs'

export const A = '/api/v1/agency'

export const etag = (res) => ({ 'if-match': res.headers.get('etag') })

export async function ensureAccount(session, clientId, code) {
  const got = await session.get(`${A}/accounts/${clientId}`)
  if (got.status === 200) return got.body
  const put = await session.request('PUT', `${A}/accounts/${clientId}`, { client_code: code, industry: 'Retail Trade' })
  assert.equal(put.status, 200, JSON.stringify(put.body))
  return put.body
}

export async function agencyWorld() {
  const server = await startServer()
  const admin = await Session.login(server.baseUrl, 'admin@concord.test')
  const coordinator = await Session.login(server.baseUrl, 'coordinator@concord.test')
  const client = await Session.login(server.baseUrl, 'client@concord.test')
  const mine = (await client.get('/api/v1/auth/me')).body.user.client_ids[0]
  const all = await coordinator.get('/api/v1/clients?limit=5')
  const theirs = all.body.items.find((c) => c.id !== mine).id
  await ensureAccount(coordinator, mine, 'MINE')
  await ensureAccount(coordinator, theirs, 'THEIRS')
  return { server, admin, coordinator, client, mine, theirs }
}
