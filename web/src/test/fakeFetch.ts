import { vi } from 'vitest'

/** A JSON answer as the API gives it (problem+json from 400 up). */
export function reply(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  })
}

export type Call = { url: string; init: RequestInit }

/** Replaces fetch with `answer`, recording every call in the returned list. */
export function stubFetch(answer: (url: string, init: RequestInit) => Response) {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ url, init })
      return answer(url, init)
    }),
  )
  return calls
}
