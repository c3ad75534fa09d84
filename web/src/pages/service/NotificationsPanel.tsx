import { Anchor, Paper, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { listServiceNotifications } from '../../api/service'
import { formatDateTime } from '../../lib/format'

/** The agent's latest escalation and follow-up notifications (also e-mailed), each linking to its case. */
export function NotificationsPanel() {
  const notes = useQuery({ queryKey: ['service-notifications'], queryFn: listServiceNotifications, refetchInterval: 60_000 })
  const latest = (notes.data ?? []).slice(0, 5)
  if (latest.length === 0) return null
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="service-notifications">
      <Title order={5} mb={4}>
        Notifications
      </Title>
      <Stack gap={2}>
        {latest.map((n) => (
          <Text size="sm" key={n.id}>
            <Text span c="dimmed">
              {formatDateTime(n.created_at)}
            </Text>{' '}
            <Anchor component={Link} to={`/service-desk/cases/${n.case_id}`}>
              {n.message}
            </Anchor>
          </Text>
        ))}
      </Stack>
    </Paper>
  )
}
