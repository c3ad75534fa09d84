import { Badge, Tooltip } from '@mantine/core'
import { formatDateTime, humanize } from '../../lib/format'

const COLORS: Record<string, string> = { ok: 'teal', due_soon: 'orange', breached: 'red', paused: 'gray', met: 'green', none: 'gray' }

/** The case's SLA at a glance: due soon, breached, paused, met; the due time on hover. */
export function SlaBadge({ state, due }: { state: string; due?: string | null }) {
  const badge = (
    <Badge variant={state === 'breached' || state === 'due_soon' ? 'filled' : 'light'} color={COLORS[state] ?? 'gray'} data-testid="sla-badge">
      {state === 'none' ? 'No SLA' : humanize(state)}
    </Badge>
  )
  return due ? <Tooltip label={`Due ${formatDateTime(due)}`}>{badge}</Tooltip> : badge
}
