import { Badge, Stack, Text } from '@mantine/core'
import type { AuditEvent } from '../api/types'
import { auditValue, changedFields, fieldLabel, humanize } from '../lib/format'

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  created: 'green',
  update: 'blue',
  updated: 'blue',
  archive: 'gray',
  archived: 'gray',
  restore: 'teal',
  restored: 'teal',
  delete: 'red',
  deleted: 'red',
}

function actionColor(action: string) {
  const last = action.split(/[._]/).pop() ?? action
  return ACTION_COLORS[last] ?? ACTION_COLORS[action] ?? 'indigo'
}

/** An audit event's action as a coloured badge. */
export function AuditActionBadge({ action }: { action: string }) {
  return (
    <Badge variant="light" color={actionColor(action)}>
      {humanize(action.replace(/\./g, ' '))}
    </Badge>
  )
}

/** What an audit event changed, field by field: the old value struck through, the new one after it. */
export function AuditChanges({ event, names }: { event: AuditEvent; names: Map<number, string> }) {
  const changes = changedFields(event.before, event.after)
  if (changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No field changes
      </Text>
    )
  return (
    <Stack gap={2}>
      {changes.map((c) => (
        <Text size="sm" key={c.field} style={{ wordBreak: 'break-word' }}>
          <Text span fw={600} size="sm" title={c.field}>
            {fieldLabel(c.field)}
          </Text>
          :{' '}
          {event.before && (
            <>
              <Text span c="red.8" size="sm" td="line-through">
                {auditValue(c.before, names)}
              </Text>
              {' → '}
            </>
          )}
          <Text span c="green.9" size="sm">
            {auditValue(c.after, names)}
          </Text>
        </Text>
      ))}
    </Stack>
  )
}
