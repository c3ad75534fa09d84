import { describe, expect, it, vi, afterEach } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { Providers, makeQueryClient } from '../Providers'
import { App } from '../App'
import { MODULES } from '../lib/modules'
import { NotBuiltPage } from './NotBuiltPage'

function json(status: number, body: unknown, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

afterEach(() => vi.unstubAllGlobals())

function renderApp(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Providers client={makeQueryClient()}>
        <App />
      </Providers>
    </MemoryRouter>,
  )
}

describe('login page', () => {
  it('shows the problem detail when the account is locked', async () => {
    const fetchMock = vi.fn(async (url: string, _init?: RequestInit) => {
      if (url.startsWith('/api/v1/auth/me')) return json(401, { status: 401, title: 'Unauthorized' }, 'application/problem+json')
      if (url.startsWith('/api/v1/auth/login'))
        return json(
          429,
          { type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'Too many failed sign-ins; try again in 15 minutes.', code: 'locked' },
          'application/problem+json',
        )
      return json(404, { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    renderApp('/clients')
    const email = await screen.findByLabelText(/email/i)
    await userEvent.type(email, 'coordinator@concord.test')
    await userEvent.type(screen.getByLabelText(/password/i, { selector: 'input' }), 'wrong')
    await userEvent.click(screen.getByRole('button', { name: /sign in/i }))
    expect(await screen.findByText('Too many failed sign-ins; try again in 15 minutes.')).toBeTruthy()
    const loginCall = fetchMock.mock.calls.find((c) => String(c[0]).includes('/auth/login'))!
    expect(JSON.parse(loginCall[1]!.body as string)).toEqual({ email: 'coordinator@concord.test', password: 'wrong' })
  })

  it('shows the shell with every module once signed in, and a not-found page for unknown routes', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url.startsWith('/api/v1/auth/me'))
          return json(200, {
            user: { id: 1, email: 'a@concord.test', name: 'Ada Admin', role: 'admin', client_ids: [] },
            csrf_token: 't',
          })
        return json(404, { status: 404 })
      }),
    )
    renderApp('/no/such/page')
    expect(await screen.findByText('Ada Admin')).toBeTruthy()
    await waitFor(() => expect(screen.getByTestId('not-found')).toBeTruthy())
    for (const m of MODULES) expect(screen.getByRole('link', { name: new RegExp(m.label) })).toBeTruthy()
  })
})

describe('not built page', () => {
  it('says honestly what is planned', () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { status: 401 }, 'application/problem+json')))
    const m = MODULES.find((x) => x.key === 'benefits')!
    render(
      <Providers client={makeQueryClient()}>
        <NotBuiltPage module={m} />
      </Providers>,
    )
    expect(screen.getByText(/Not built yet — planned:/)).toBeTruthy()
  })
})
