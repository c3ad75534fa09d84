import { describe, expect, it } from 'vitest'
import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { MemoryRouter, useLocation } from 'react-router'
import { useUrlParams } from './urlParams'

function wrapper({ children }: { children: ReactNode }) {
  return <MemoryRouter initialEntries={['/audit?sort=-at']}>{children}</MemoryRouter>
}

describe('useUrlParams', () => {
  it('keeps every filter set before the router re-renders (fast typing in two boxes)', () => {
    const { result } = renderHook(() => ({ url: useUrlParams(), location: useLocation() }), { wrapper })
    act(() => {
      result.current.url.update({ entity: 'client' })
      result.current.url.update({ action: 'update' })
    })
    act(() => result.current.url.update({ q: '61' }))
    expect(result.current.location.search).toBe('?sort=-at&entity=client&action=update&q=61')
    act(() => result.current.url.update({ action: null }))
    expect(result.current.location.search).toBe('?sort=-at&entity=client&q=61')
  })
})
