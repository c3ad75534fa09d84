import { afterEach, describe, expect, it, vi } from 'vitest'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { Providers, makeQueryClient } from '../Providers'
import { App } from '../App'
import type { ReconItem, ReconRun } from '../api/types'

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })
}

afterEach(() => vi.unstubAllGlobals())

const RUN: ReconRun = {
  id: 7,
  spec_id: 2,
  spec_version: 1,
  spec_name: 'Weekly VMS audit',
  left: { file_id: 1, name: 'vms.csv', sha256: 'a'.repeat(64) },
  right: { file_id: 2, name: 'assignments.csv', sha256: 'b'.repeat(64) },
  state: 'succeeded',
  summary: { left_rows: 5, right_rows: 6, matched: 2, mismatched: 2, only_left: 1, only_right: 0, duplicate_keys: 1, parse_errors: 0, suggested: 0, items: 4, items_opened: 4, items_linked: 0, items_closed: 0 },
  error: null,
  job_id: 11,
  client_id: null,
  created_by: 3,
  created_at: '2026-11-22T05:00:00Z',
  started_at: '2026-11-22T05:00:01Z',
  finished_at: '2026-11-22T05:00:02Z',
}

const ITEM: ReconItem = {
  id: 40,
  run_id: 7,
  first_run_id: 7,
  spec_id: 2,
  client_id: null,
  key: 'W-1004',
  kind: 'mismatched',
  status: 'open',
  assignee_id: null,
  assignee: null,
  resolution_note: '',
  correction: '',
  resolved_by: null,
  resolved_at: null,
  details: {
    left: { side: 'left', line: 5, values: {} },
    right: { side: 'right', line: 5, values: {} },
    diffs: [{ left_column: 'Bill Rate', right_column: 'bill_rate', left_value: '$38.00', right_value: '36.00', left_normalized: '38.00', right_normalized: '36.00' }],
  },
  version: 3,
  created_at: '2026-11-22T05:00:02Z',
  updated_at: '2026-11-22T05:00:02Z',
}

function session(role: string) {
  return { user: { id: 3, email: 'c@concord.test', name: 'Cora Coordinator', role, client_ids: role === 'client_user' ? [1] : [] }, csrf_token: 't' }
}

function stubApi(role: string, onResolve?: (init: RequestInit) => Response) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url.startsWith('/api/v1/auth/me')) return json(200, session(role))
    if (url.startsWith('/api/v1/users')) return json(200, { items: [{ id: 3, name: 'Cora Coordinator', email: 'c@concord.test', role: 'coordinator' }] })
    if (url.startsWith('/api/v1/reconciliation/runs/7')) return json(200, RUN)
    if (url.startsWith('/api/v1/reconciliation/items/40/resolve') && onResolve) return onResolve(init!)
    if (url.startsWith('/api/v1/reconciliation/items/40')) return json(200, { ...ITEM, version: 4, assignee_id: 3, assignee: { id: 3, name: 'Cora Coordinator' } }, { ETag: '"4"' })
    if (url.startsWith('/api/v1/reconciliation/items')) return json(200, { items: [ITEM], next_cursor: null, total: 1 })
    return json(404, { status: 404 })
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

function renderApp(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Providers client={makeQueryClient()}>
        <App />
      </Providers>
    </MemoryRouter>,
  )
}

describe('run page', () => {
  it('shows the counts, the differences of an item, and a 412 on resolve as the conflict message', async () => {
    let resolveBody: unknown = null
    let ifMatch: string | null = null
    const fetchMock = stubApi('coordinator', (init) => {
      resolveBody = JSON.parse(init.body as string)
      ifMatch = new Headers(init.headers).get('If-Match')
      return json(412, { status: 412, title: 'Precondition Failed', detail: 'Someone else saved this item since you opened it.' })
    })
    renderApp('/reconciliation/runs/7')
    expect(await screen.findByTestId('run-title')).toHaveProperty('textContent', 'Run #7')
    expect(screen.getByTestId('stat-mismatched').textContent).toBe('2')
    expect(screen.getByTestId('stat-duplicate_keys').textContent).toBe('1')
    expect(screen.getByTestId('recon-chart')).toBeTruthy()

    const row = await screen.findByText('W-1004')
    expect(row).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Show details of W-1004' }))
    const details = await screen.findByTestId('item-details')
    expect(within(details).getByText('$38.00')).toBeTruthy()
    expect(within(details).getAllByText('36.00')).toHaveLength(2)

    await userEvent.click(screen.getByRole('button', { name: 'Resolve W-1004' }))
    const dialog = await screen.findByRole('dialog')
    // both fields are required before anything is sent
    await userEvent.click(within(dialog).getByRole('button', { name: 'Resolve' }))
    expect(await within(dialog).findByText('Say what was corrected where.')).toBeTruthy()
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'VMS rate was stale')
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Correction/ }), 'VMS: bill rate set to 36.00')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Resolve' }))
    expect(await within(dialog).findByText(/Someone else changed this item since you opened it/)).toBeTruthy()
    expect(resolveBody).toEqual({ note: 'VMS rate was stale', correction: 'VMS: bill rate set to 36.00' })
    expect(ifMatch).toBe('"3"')

    // Reload fetches the item again; the next attempt carries its new version
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reload' }))
    await waitFor(() => expect(within(dialog).queryByTestId('conflict-alert')).toBeNull())
    expect(fetchMock.mock.calls.some((c) => String(c[0]) === '/api/v1/reconciliation/items/40')).toBe(true)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Resolve' }))
    await waitFor(() => expect(ifMatch).toBe('"4"'))
  })

  it('hides the write actions from a client user', async () => {
    stubApi('client_user')
    renderApp('/reconciliation/runs/7')
    expect(await screen.findByText('W-1004')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Resolve W-1004' })).toBeNull()
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).toBeNull()
    // the export stays: reading is allowed
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeTruthy()
  })
})

describe('exceptions paging', () => {
  it('loads the next page with the cursor and appends it', async () => {
    const second = { ...ITEM, id: 41, key: 'W-2000', version: 1 }
    const fetchMock = vi.fn(async (url: string) => {
      if (url.startsWith('/api/v1/auth/me')) return json(200, session('manager'))
      if (url.startsWith('/api/v1/users')) return json(200, { items: [] })
      if (url.startsWith('/api/v1/reconciliation/runs/7')) return json(200, RUN)
      if (url.startsWith('/api/v1/reconciliation/items')) {
        if (url.includes('cursor=c1')) return json(200, { items: [second], next_cursor: null, total: 2 })
        return json(200, { items: [ITEM], next_cursor: 'c1', total: 2 })
      }
      return json(404, { status: 404 })
    })
    vi.stubGlobal('fetch', fetchMock)
    renderApp('/reconciliation/runs/7?kind=mismatched&sort=-key')
    expect(await screen.findByText('W-1004')).toBeTruthy()
    expect(screen.getByTestId('items-count').textContent).toBe('Showing 1 of 2 exceptions')
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }))
    expect(await screen.findByText('W-2000')).toBeTruthy()
    const pageCall = fetchMock.mock.calls.map((c) => String(c[0])).find((u) => u.includes('cursor=c1'))!
    // the filters from the URL go with every page
    expect(pageCall).toContain('run_id=7')
    expect(pageCall).toContain('kind=mismatched')
    expect(pageCall).toContain('sort=-key')
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()
  })
})
