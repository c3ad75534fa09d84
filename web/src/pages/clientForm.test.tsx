import { afterEach, describe, expect, it, vi } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { App } from '../App'
import { makeQueryClient, Providers } from '../Providers'
import { CONFLICT_MESSAGE } from './ClientFormPage'

const client = {
  id: 7,
  legal_name: 'Redstone Apparel Co.',
  dba: 'Redstone Apparel',
  tax_id_masked: '**-***9257',
  industry: 'Retail Trade',
  status: 'active',
  archived: false,
  addresses: [{ kind: 'billing', line1: '1 Main', line2: '', city: 'Orlando', region: 'FL', postal_code: '32833', country: 'US' }],
  account_team: [],
  service_notes: '',
  processing_instructions: '',
  version: 3,
  created_at: '2026-11-22T04:00:00Z',
  updated_at: '2026-11-22T04:00:00Z',
}

function reply(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  })
}

function serve(patch: (init: RequestInit) => Response) {
  const calls: { url: string; init: RequestInit }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ url, init })
      if (url.startsWith('/api/v1/auth/me'))
        return reply(200, {
          user: { id: 3, email: 'c@concord.test', name: 'Casey Coordinator', role: 'coordinator', client_ids: [] },
          csrf_token: 'tok',
        })
      if (url.startsWith('/api/v1/users')) return reply(200, { items: [] })
      if (url.startsWith('/api/v1/industries')) return reply(200, { items: ['Retail Trade'] })
      if (url === '/api/v1/clients/7' && (init.method ?? 'GET') === 'GET') return reply(200, client, { ETag: '"3"' })
      if (url === '/api/v1/clients/7' && init.method === 'PATCH') return patch(init)
      return reply(404, { status: 404, title: 'Not Found' })
    }),
  )
  return calls
}

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Providers client={makeQueryClient()}>
        <App />
      </Providers>
    </MemoryRouter>,
  )
}

afterEach(() => vi.unstubAllGlobals())

describe('client edit form', () => {
  it('sends If-Match and the CSRF token, and shows the conflict message on 412', async () => {
    const calls = serve(() => reply(412, { status: 412, title: 'Precondition Failed', detail: 'stale' }))
    renderAt('/clients/7/edit')
    const notes = await screen.findByLabelText('Service notes')
    await userEvent.type(notes, 'New note')
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText(CONFLICT_MESSAGE)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy()
    const patch = calls.find((c) => c.init.method === 'PATCH')!
    const headers = patch.init.headers as Record<string, string>
    expect(headers['If-Match']).toBe('"3"')
    expect(headers['X-CSRF-Token']).toBe('tok')
    // only the changed field is sent
    expect(JSON.parse(patch.init.body as string)).toEqual({ service_notes: 'New note' })
  })

  it('shows problem field errors under the right fields, including nested address fields', async () => {
    serve(() =>
      reply(422, {
        status: 422,
        title: 'Unprocessable Content',
        detail: 'The client has errors; see the fields.',
        errors: [
          { field: 'tax_id', code: 'client.tax_id_invalid', message: 'A tax id (EIN) has nine digits.' },
          { field: 'addresses/0/country', code: 'address.country_invalid', message: 'Use the two-letter code.' },
        ],
      }),
    )
    renderAt('/clients/7/edit')
    await userEvent.type(await screen.findByLabelText('Tax id (EIN)'), '12-34')
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByText('A tax id (EIN) has nine digits.')).toBeTruthy()
    expect(screen.getByText('Use the two-letter code.')).toBeTruthy()
    await waitFor(() => expect(screen.getByLabelText('Address 1 country').getAttribute('aria-invalid')).toBe('true'))
  })
})
