import { afterEach, describe, expect, it, vi } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter, Route, Routes } from 'react-router'
import { makeQueryClient, Providers } from '../../Providers'
import { TemplatesPage } from './TemplatesPage'
import { reply, stubFetch } from '../../test/fakeFetch'

const activation = (version: number, body: string) => ({
  kind: 'activation',
  title: 'Activation: first-day details to the worker',
  placeholders: [{ name: 'worker.first_name', example: 'Maria' }],
  custom: true,
  subject: 'Welcome',
  body,
  default_subject: 'Your assignment: activate',
  default_body: 'Hello',
  version,
  updated_at: null,
})

afterEach(() => vi.unstubAllGlobals())

describe('the template editor on a conflicting save', () => {
  it('says someone saved since, and Reload shows their version', async () => {
    let reads = 0
    const calls = stubFetch((url, init) => {
      if (url.startsWith('/api/v1/auth/me'))
        return reply(200, { user: { id: 3, email: 'c@concord.test', name: 'C', role: 'coordinator', client_ids: [] }, csrf_token: 'tok' })
      if (url.startsWith('/api/v1/programmes/4/templates/activation') && init.method === 'PUT')
        return reply(412, { status: 412, title: 'Precondition Failed', code: 'template.stale', detail: 'Someone else saved this template.' })
      if (url.startsWith('/api/v1/programmes/4/templates')) {
        reads += 1
        // The first read is version 1; a colleague saves version 2 while we edit.
        return reply(200, { items: [reads === 1 ? activation(1, 'Hello {{worker.first_name}}') : activation(2, 'Hi {{worker.first_name}}, welcome aboard.')] })
      }
      if (url.startsWith('/api/v1/programmes/4')) return reply(200, { id: 4, version: 1, name: 'Harborview contingent workforce' })
      return reply(404, { status: 404, title: 'Not Found' })
    })
    render(
      <MemoryRouter initialEntries={['/workforce/programmes/4/templates']}>
        <Providers client={makeQueryClient()}>
          <Routes>
            <Route path="/workforce/programmes/:id/templates" element={<TemplatesPage />} />
          </Routes>
        </Providers>
      </MemoryRouter>,
    )
    const body = (await screen.findByTestId('template-body')) as HTMLTextAreaElement
    await waitFor(() => expect(body.value).toBe('Hello {{worker.first_name}}'))
    await userEvent.clear(body)
    await userEvent.type(body, 'Mine')
    await userEvent.click(screen.getByTestId('template-save'))

    const alert = await screen.findByTestId('conflict-alert')
    expect(alert.textContent).toMatch(/Someone saved "Activation: first-day details to the worker" since you opened it \(you edited version 1\)/)
    const put = calls.find((c) => c.init.method === 'PUT')!
    expect(JSON.parse(String(put.init.body))).toMatchObject({ body: 'Mine', version: 1 })
    expect(screen.queryByTestId('template-error')).toBeNull()

    await userEvent.click(screen.getByRole('button', { name: 'Reload' }))
    await waitFor(() => expect(body.value).toBe('Hi {{worker.first_name}}, welcome aboard.'))
    expect(screen.queryByTestId('conflict-alert')).toBeNull()
    expect(screen.getByTestId('template-origin').textContent).toBe("This programme's (v2)")
  })
})
