// A real SMTP server for the API and browser tests: Debian's python3-aiosmtpd on 127.0.0.1, writing
// every message it accepts into a Maildir. Start it before startServer(): it sets CONCORD_SMTP_URL.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, until } from './harness.mjs'

export async function startSmtp() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-smtp-'))
  const maildir = path.join(root, 'maildir') // aiosmtpd's Mailbox makes the Maildir only where none exists
  const port = await freePort()
  // Debian's interpreter: python3-aiosmtpd is installed for it, not for any python3 on PATH.
  const child = spawn('/usr/bin/python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir], { stdio: 'ignore' })
  const url = `smtp://127.0.0.1:${port}`
  process.env.CONCORD_SMTP_URL = url
  const delivered = () => {
    const dir = path.join(maildir, 'new')
    return fs.existsSync(dir) ? fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) : []
  }
  return {
    url,
    /** Every raw message received so far, oldest first. */
    delivered,
    /** Waits for a message whose raw text matches `test` (a string it contains, or a predicate). */
    async waitFor(test, what = 'a message at the SMTP server', timeout = 20_000) {
      const match = typeof test === 'string' ? (m) => m.includes(test) : test
      return until(() => delivered().find(match) ?? null, what, timeout)
    },
    stop() {
      child.kill()
      delete process.env.CONCORD_SMTP_URL
      fs.rmSync(root, { recursive: true, force: true })
    },
  }
}
