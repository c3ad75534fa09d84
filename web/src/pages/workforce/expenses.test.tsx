import { afterEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { makeQueryClient, Providers } from '../../Providers'
import { ExpensesPanel } from './ExpensesPanel'
import { reply, stubFetch } from '../../test/fakeFetch'

const expense = (id: number, status: string, extra: Record<string, unknown> = {}) => ({
  id,
  version: 1,
  assignment_id: 5,
  spent_on: '2026-11-04',
  category: 'meals',
  amount: '23.40',
  currency: 'USD',
  status,
  receipt_sha256: null,
  ...extra,
})

/** A fake API for one signed-in role; `post` answers the writes. */
function serve(role: string, post: (url: string, init: RequestInit) => Response) {
  return stubFetch((url, init) => {
    if (url.startsWith('/api/v1/auth/me'))
      return reply(200, { user: { id: 3, email: 'u@concord.test', name: 'U', role, client_ids: [7] }, csrf_token: 'tok' })
    if (url.startsWith('/api/v1/expenses?'))
      return reply(200, { items: [expense(11, 'submitted'), expense(12, 'rejected', { reject_reason: 'No receipt' })], total: 2 })
    if (init.method === 'POST') return post(url, init)
    return reply(404, { status: 404, title: 'Not Found' })
  })
}

function renderPanel(status = 'active') {
  render(
    <MemoryRouter>
      <Providers client={makeQueryClient()}>
        <ExpensesPanel assignmentId={5} status={status} currency="USD" />
      </Providers>
    </MemoryRouter>,
  )
}

afterEach(() => vi.unstubAllGlobals())

describe('expenses on an assignment', () => {
  it('a worker submits an expense with its receipt; may resubmit a rejected one but not approve', async () => {
    const calls = serve('worker', (url) =>
      url === '/api/v1/expenses' ? reply(201, expense(13, 'submitted')) : reply(200, expense(13, 'submitted', { receipt_sha256: 'ab' })),
    )
    renderPanel()
    await screen.findByTestId('expense-form')
    expect(await screen.findByTestId('resubmit-expense-12')).toBeTruthy()
    expect(screen.queryByTestId('approve-expense-11')).toBeNull()

    fireEvent.change(screen.getByLabelText(/Spent on/), { target: { value: '2026-11-05' } })
    await userEvent.selectOptions(screen.getByLabelText(/Category/), 'mileage')
    await userEvent.type(screen.getByLabelText(/Amount/), '61.25')
    await userEvent.type(screen.getByLabelText('Description'), 'Site visit')
    const receipt = new File(['%PDF-1.4 receipt'], 'fuel.pdf', { type: 'application/pdf' })
    // Mantine's FileInput keeps a hidden <input type=file> next to its button.
    await userEvent.upload(document.querySelector('input[type=file]') as HTMLInputElement, receipt)
    await userEvent.click(screen.getByTestId('expense-submit'))

    await waitFor(() => expect(calls.filter((c) => c.init.method === 'POST')).toHaveLength(2))
    const [create, upload] = calls.filter((c) => c.init.method === 'POST')
    expect(create.url).toBe('/api/v1/expenses')
    expect(JSON.parse(create.init.body as string)).toEqual({
      assignment_id: 5,
      spent_on: '2026-11-05',
      category: 'mileage',
      amount: '61.25',
      currency: 'USD',
      description: 'Site visit',
    })
    expect((create.init.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok')
    expect(upload.url).toBe('/api/v1/expenses/13/receipt?file_name=fuel.pdf')
    expect(upload.init.body).toBe(receipt)
  })

  it("shows the API's field errors beside the fields", async () => {
    serve('worker', () =>
      reply(422, {
        status: 422,
        title: 'Unprocessable',
        detail: 'The expense has 1 problem.',
        errors: [{ field: 'amount', code: 'field.money', message: "'-4' is not an amount like 52.50." }],
      }),
    )
    renderPanel()
    await screen.findByTestId('expense-form')
    fireEvent.change(screen.getByLabelText(/Spent on/), { target: { value: '2026-11-05' } })
    await userEvent.selectOptions(screen.getByLabelText(/Category/), 'meals')
    await userEvent.type(screen.getByLabelText(/Amount/), '-4')
    await userEvent.click(screen.getByTestId('expense-submit'))
    expect(await screen.findByText("'-4' is not an amount like 52.50.")).toBeTruthy()
  })

  it('a client user approves or rejects (with a reason) but enters nothing', async () => {
    const calls = serve('client_user', () => reply(200, expense(11, 'approved')))
    vi.stubGlobal('prompt', () => 'Not billable')
    renderPanel()
    await userEvent.click(await screen.findByTestId('reject-expense-11'))
    await waitFor(() => expect(calls.some((c) => c.url === '/api/v1/expenses/11/reject')).toBe(true))
    const reject = calls.find((c) => c.url === '/api/v1/expenses/11/reject')!
    expect(JSON.parse(reject.init.body as string)).toEqual({ reason: 'Not billable' })
    expect((reject.init.headers as Record<string, string>)['If-Match']).toBe('"1"')
    expect(screen.getByTestId('approve-expense-11')).toBeTruthy()
    expect(screen.queryByTestId('expense-form')).toBeNull()
    expect(screen.queryByTestId('resubmit-expense-12')).toBeNull()
  })

  it('no form while the assignment is not worked', async () => {
    serve('worker', () => reply(500, {}))
    renderPanel('onboarding')
    await screen.findByTestId('resubmit-expense-12')
    expect(screen.queryByTestId('expense-form')).toBeNull()
  })
})
