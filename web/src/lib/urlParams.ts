import { useEffect, useRef, useState } from 'react'
import { useDebouncedValue } from '@mantine/hooks'
import { useSearchParams } from 'react-router'

/** The URL's search params and `update`, which sets (or, for null and '', removes) some of them in place. */
export function useUrlParams() {
  const [params, setParams] = useSearchParams()
  // The params as last set, so that two updates before the router re-renders (typing in two filters in
  // quick succession) both stay: the router hands every update this render's params. A render with params
  // we set ourselves on the way there changes nothing; any other (back, a link) starts from them.
  const latest = useRef(params)
  const pending = useRef<string[]>([])
  const seen = useRef(params)
  if (seen.current !== params) {
    seen.current = params
    const at = pending.current.indexOf(params.toString())
    if (at >= 0) pending.current = pending.current.slice(at + 1)
    else {
      pending.current = []
      latest.current = params
    }
  }
  function update(patch: Record<string, string | null>) {
    const next = new URLSearchParams(latest.current)
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k)
      else next.set(k, v)
    }
    latest.current = next
    pending.current.push(next.toString())
    setParams(next, { replace: true })
  }
  return { params, update }
}

/** A search box's text, written to the URL's `q` 300 ms after typing stops. */
export function useDebouncedUrlSearch(
  params: URLSearchParams,
  update: (patch: Record<string, string | null>) => void,
): [string, (value: string) => void] {
  const [search, setSearch] = useState(params.get('q') ?? '')
  const [debounced] = useDebouncedValue(search, 300)
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced.trim()) update({ q: debounced.trim() || null })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced])
  return [search, setSearch]
}
