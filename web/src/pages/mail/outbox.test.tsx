import { afterEach, describe, expect, it, vi } from 'vitest'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { Providers, makeQueryClient } from '../../Providers'
import { App } from '../../App'
import type { OutboxMessage } from '../../api/mail'

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

afterEach(() => vi.unstubAllGlobals())

const BASE: OutboxMessage = {
  id: 1, status: 'sent', to: ['renee@acme.test'], subject: 'Timecard missing', text: 'Please submit your timecard.',
  reply_to: '', from: '', in_reply_to: '', purpose: 'timecard_reminder', entity: 'worker', entity_id: '42', client_id: 3, created_by: 3,
  message_id: '<a@concord>', attempts: 1, last_error: '', created_at: '2026-11-22T05:00:00Z', sent_at: '2026-11-22T05:00:01Z', attachments: [],
}
const FAILED: OutboxMessage = { ...BASE, id: 2, status: 'failed', subject: 'Invoice INV-0042', purpose: 'invoice', attempts: 5, last_error: 'The mail relay refused', sent_at: null, attachments: ['INV-0042.pdf'] }

describe('outbox', () => {
  it('lists what was sent, filters by status in the request, and sends a failed message again', async () => {
    const calls: string[] = []
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`)
      if (url.startsWith('/api/v1/auth/me')) return json(200, { user: { id: 3, email: 'c@concord.test', name: 'Cora', role: 'coordinator', client_ids: [] }, csrf_token: 't' })
      if (url.startsWith('/api/v1/mail/outbox/2/resend')) return json(200, { ...FAILED, status: 'queued' })
      if (url.startsWith('/api/v1/mail/outbox')) return json(200, { items: [FAILED, BASE], next_cursor: null })
      return json(404, { status: 404 })
    }))
    render(
      <MemoryRouter initialEntries={['/outbox?status=failed']}>
        <Providers client={makeQueryClient()}>
          <App />
        </Providers>
      </MemoryRouter>,
    )
    const rows = await screen.findAllByTestId('outbox-row')
    expect(rows).toHaveLength(2)
    expect(calls.some((c) => c.startsWith('GET /api/v1/mail/outbox?') && c.includes('status=failed'))).toBe(true)
    // only the failed message offers "Send again"
    expect(within(rows[0]).getByRole('button', { name: 'Send again' })).toBeTruthy()
    expect(within(rows[1]).queryByRole('button', { name: 'Send again' })).toBeNull()
    expect(within(rows[0]).getByText(/1 attached/)).toBeTruthy()
    await userEvent.click(within(rows[0]).getByRole('button', { name: 'Send again' }))
    await waitFor(() => expect(calls).toContain('POST /api/v1/mail/outbox/2/resend'))
  })
})
