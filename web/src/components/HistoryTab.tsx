import { Alert, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core'
import { useMemo } from 'react'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { listClientHistory, listUsers } from '../api/endpoints'
import { errorMessage } from '../api/http'
import { formatDateTime, humanize } from '../lib/format'
import { AuditActionBadge, AuditChanges } from './AuditChanges'

export function HistoryTab({ clientId }: { clientId: number }) {
  const q = useInfiniteQuery({
    queryKey: ['audit', 'client', clientId],
    queryFn: ({ pageParam }) => listClientHistory(clientId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    staleTime: 0,
  })
  // names for account-team user ids in before/after (the directory may be closed to some roles)
  const users = useQuery({ queryKey: ['users'], queryFn: () => listUsers(), staleTime: 300_000, retry: false })
  const names = useMemo(() => new Map((users.data?.items ?? []).map((u) => [u.id, u.name])), [users.data])

  if (q.isPending) return <Loader size="sm" aria-label="Loading history" />
  if (q.isError)
    return (
      <Alert color="red" title="Could not load the history">
        {errorMessage(q.error)}
      </Alert>
    )
  const events = q.data.pages.flatMap((p) => p.items)

  return (
    <Stack gap="sm">
      <Paper withBorder radius="sm">
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={6} aria-label="History" style={{ verticalAlign: 'top' }}>
            <Table.Thead bg="gray.1">
              <Table.Tr>
                <Table.Th w={200}>Time</Table.Th>
                <Table.Th w={170}>Actor</Table.Th>
                <Table.Th w={130}>Action</Table.Th>
                <Table.Th>Changes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((ev) => (
                <Table.Tr key={ev.id} data-testid="audit-row">
                  <Table.Td>
                    <Text size="sm">{formatDateTime(ev.at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{ev.actor?.name ?? 'System'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <AuditActionBadge action={ev.action} />
                    {ev.entity !== 'client' && (
                      <Text size="xs" c="dimmed">
                        {humanize(ev.entity)} #{ev.entity_id}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <AuditChanges event={ev} names={names} />
                  </Table.Td>
                </Table.Tr>
              ))}
              {events.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="dimmed" ta="center" py="md" size="sm">
                      No recorded changes.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {q.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => q.fetchNextPage()} loading={q.isFetchingNextPage}>
            Load older events
          </Button>
        </Group>
      )}
    </Stack>
  )
}
