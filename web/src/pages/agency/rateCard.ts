// The rate card as people read it: per role (and client override), the rate in force today, the changes
// already scheduled, and the history before it. Effective dates are inclusive, as on the server's card.
import type { Rate } from '../../api/agencyAccounts'

export interface RateLine {
  role: string
  client_id: number | null
  current: Rate | null
  scheduled: Rate[]
  history: Rate[]
}

export function summarizeRates(rates: Rate[], today: string): RateLine[] {
  const groups = new Map<string, Rate[]>()
  for (const r of rates) {
    const key = `${r.role}\u0000${r.client_id ?? ''}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  const lines: RateLine[] = []
  for (const list of groups.values()) {
    const sorted = [...list].sort((a, b) => a.effective_from.localeCompare(b.effective_from) || a.id - b.id)
    const started = sorted.filter((r) => r.effective_from <= today)
    // Two rates from the same day: the later entry wins, as the card applies them in order.
    const current = started.length ? started[started.length - 1] : null
    lines.push({
      role: sorted[0].role,
      client_id: sorted[0].client_id,
      current,
      scheduled: sorted.filter((r) => r.effective_from > today),
      history: started.slice(0, -1).reverse(),
    })
  }
  return lines.sort((a, b) => a.role.localeCompare(b.role) || (a.client_id ?? 0) - (b.client_id ?? 0))
}
