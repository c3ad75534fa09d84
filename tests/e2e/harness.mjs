// Shared helpers for the browser journeys: starts `concord serve` on a free loopback port with a
// fresh demo database, launches Debian's chromium through playwright-core, and saves screenshots.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
export const repoRoot = path.resolve(here, '../..')
export const screenshotDir = path.join(here, 'screenshots')

// playwright-core is a devDependency of web/ (run `npm ci` in web/ first).
const requireFromWeb = createRequire(path.join(repoRoot, 'web', 'package.json'))
const { chromium } = requireFromWeb('playwright-core')

export const DEMO_PASSWORD = 'concord-demo'
export const USERS = {
  admin: 'admin@concord.test',
  coordinator: 'coordinator@concord.test',
  client: 'client@concord.test',
}

export const VIEWPORT = { width: 1366, height: 768 }

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Starts the server and resolves once it answers HTTP; returns { baseUrl, stop, tmp, logFile }. */
// serveArgs: extra options for `concord serve` (e.g. ['--trusted-proxy', '127.0.0.1']).
export async function startServer({ serveArgs = [] } = {}) {
  // CONCORD_BIN is taken relative to the current directory; the default relative to this folder
  const bin = process.env.CONCORD_BIN
    ? path.resolve(process.env.CONCORD_BIN)
    : path.resolve(here, '../../build/test/src/app/concord')
  if (!fs.existsSync(bin)) {
    throw new Error(`concord binary not found at ${bin}; build it or set CONCORD_BIN`)
  }
  const webDist = path.join(repoRoot, 'web', 'dist')
  if (!fs.existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(`${webDist}/index.html is missing; run "npm ci && npm run build" in web/ first`)
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-e2e-'))
  const db = path.join(tmp, 'e2e.db')
  const template = process.env.CONCORD_DEMO_TEMPLATE
  if (template && fs.existsSync(template)) {
    // scripts/test generates the small demo once; each server starts on its own copy (and its key)
    for (const suffix of ['', '.key', '-wal']) {
      if (fs.existsSync(template + suffix)) fs.copyFileSync(template + suffix, db + suffix)
    }
  } else {
    const demo = spawnSync(bin, ['demo', '--db', db, '--size', 'small'], { encoding: 'utf8', timeout: 120_000 })
    if (demo.status !== 0) {
      throw new Error(`concord demo failed (status ${demo.status}):\n${demo.stdout}\n${demo.stderr}`)
    }
  }
  const port = await freePort()
  const logFile = path.join(tmp, 'server.log')
  const log = fs.openSync(logFile, 'a')
  const child = spawn(bin, ['serve', '--listen', `127.0.0.1:${port}`, '--db', db, '--web', webDist, ...serveArgs], {
    stdio: ['ignore', log, log],
  })
  let exited = null
  child.on('exit', (code, signal) => {
    exited = { code, signal }
  })
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (exited) {
      throw new Error(`concord serve exited early (${JSON.stringify(exited)}):\n${fs.readFileSync(logFile, 'utf8')}`)
    }
    try {
      const res = await fetch(`${baseUrl}/api/v1/auth/me`)
      await res.arrayBuffer()
      break
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL')
        throw new Error(`concord serve did not answer within 60 s:\n${fs.readFileSync(logFile, 'utf8')}`)
      }
      await sleep(150)
    }
  }
  async function stop() {
    if (!exited) {
      child.kill('SIGTERM')
      for (let i = 0; i < 50 && !exited; i++) await sleep(100)
      if (!exited) child.kill('SIGKILL')
    }
    fs.closeSync(log)
    if (!process.env.KEEP_E2E_TMP) fs.rmSync(tmp, { recursive: true, force: true })
  }
  return { baseUrl, stop, tmp, logFile }
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export async function newContext(browser, baseUrl) {
  const ctx = await browser.newContext({ baseURL: baseUrl, viewport: VIEWPORT, acceptDownloads: true })
  ctx.setDefaultTimeout(30_000)
  if (process.env.E2E_DEBUG) {
    // log every API write and every API error with its problem body
    ctx.on('response', async (r) => {
      const req = r.request()
      if (!r.url().includes('/api/') || (req.method() === 'GET' && r.status() < 400)) return
      const body = r.status() >= 400 ? await r.text().catch(() => '') : ''
      console.error(`[e2e] ${req.method()} ${r.url()} -> ${r.status()} if-match=${req.headers()['if-match'] ?? ''} ${body}`)
    })
  }
  return ctx
}

/** Signs in through the login form and waits for the clients list. */
export async function login(page, email, password = DEMO_PASSWORD) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.locator('input[autocomplete="current-password"]').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(/\/clients(\?|$)/)
  await page.getByRole('heading', { name: 'Clients', level: 2 }).waitFor()
}

export async function screenshot(page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true })
  // let transitions (notifications, modals) settle
  await page.waitForTimeout(250)
  // the app shell's header is position:fixed; start at the top so it is drawn there
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}

/** Picks an option of a Mantine Select found by its accessible label. */
export async function selectOption(page, label, option) {
  await page.getByRole('combobox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

/** Polls `fn` until it returns a truthy value (or throws after `timeout` ms, naming `what`). */
export async function until(fn, what, timeout = 20_000) {
  const deadline = Date.now() + timeout
  let last
  for (;;) {
    try {
      last = await fn()
      if (last) return last
    } catch (e) {
      last = e
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last})`)
    await sleep(100)
  }
}
