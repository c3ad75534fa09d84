import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import * as api from '../api/endpoints'
import { ApiError, onUnauthorized, setCsrfToken } from '../api/http'
import type { User } from '../api/types'

interface AuthState {
  user: User | null
  /** true until the first /auth/me answer. */
  loading: boolean
  login: (email: string, password: string) => Promise<void>
  logout: () => Promise<void>
}

const AuthContext = createContext<AuthState | null>(null)

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null)
  const [loading, setLoading] = useState(true)
  const queryClient = useQueryClient()

  useEffect(() => {
    let cancelled = false
    api
      .me()
      .then((s) => {
        if (cancelled) return
        setCsrfToken(s.csrf_token)
        setUser(s.user)
      })
      .catch((e) => {
        if (cancelled) return
        if (!(e instanceof ApiError) || e.status !== 401) console.warn('auth/me failed', e)
        setUser(null)
      })
      .finally(() => !cancelled && setLoading(false))
    return () => {
      cancelled = true
    }
  }, [])

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null)
        setUser(null)
        queryClient.clear()
      }),
    [queryClient],
  )

  const login = useCallback(
    async (email: string, password: string) => {
      const s = await api.login(email, password)
      queryClient.clear()
      setCsrfToken(s.csrf_token)
      setUser(s.user)
    },
    [queryClient],
  )

  const logout = useCallback(async () => {
    try {
      await api.logout()
    } finally {
      setCsrfToken(null)
      setUser(null)
      queryClient.clear()
    }
  }, [queryClient])

  const value = useMemo(() => ({ user, loading, login, logout }), [user, loading, login, logout])
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext)
  if (!ctx) throw new Error('useAuth outside AuthProvider')
  return ctx
}
