// `concord mail ingest` as a mail server's pipe runs it: a real .eml fixture from a file and from
// standard input into the running desk's database; the case appears over the API; the exit codes are
// those of sysexits.h that mail servers act on (0 taken, 65 bounce).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Session, startServer } from './client.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const fixture = path.join(here, '..', 'fixtures', 'mail', 'outlook_windows1252_html.eml')
const bin = process.env.CONCORD_BIN ? path.resolve(process.env.CONCORD_BIN) : path.resolve(here, '../../build/test/src/app/concord')

let server, manager, db
before(async () => {
  server = await startServer()
  manager = await Session.login(server.baseUrl, 'manager@concord.test')
  db = path.join(server.tmp, 'e2e.db')
})
after(async () => { await server?.stop() })

function ingest(args, input) {
  return spawnSync(bin, ['mail', 'ingest', '--db', db, ...args], { input, encoding: 'utf8', timeout: 60_000 })
}

test('a file opens a case; the same message on standard input is taken once', async () => {
  const first = ingest([fixture])
  assert.equal(first.status, 0, first.stderr)
  const m = first.stdout.match(/^case (\d+) opened$/m)
  assert.ok(m, first.stdout)
  const id = Number(m[1])
  const c = await manager.get(`/api/v1/cases/${id}`)
  assert.equal(c.status, 200)
  assert.equal(c.body.channel, 'email')
  const timeline = await manager.get(`/api/v1/cases/${id}/timeline`)
  assert.equal(timeline.body.items[0].kind, 'message_in')
  const again = ingest([], fs.readFileSync(fixture))
  assert.equal(again.status, 0, again.stderr)
  assert.equal(again.stdout.trim(), `case ${id} unchanged (duplicate)`)
})

test('an empty or unreadable message is refused with EX_DATAERR (65) so the mail server bounces it', () => {
  assert.equal(ingest([], '').status, 65)
  assert.equal(ingest([path.join(server.tmp, 'no-such.eml')]).status, 65)
})
