import { useEffect, useMemo, useState } from 'react'
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { Link, useSearchParams } from 'react-router'
import { listReconSpecs } from '../api/endpoints'
import { errorMessage } from '../api/http'
import { useAuth } from '../auth/AuthContext'
import { formatDateTime } from '../lib/format'
import { canWorkRecon } from '../lib/modules'
import { ReconHeader } from './ReconRunsPage'

export function ReconSpecsPage() {
  const { user } = useAuth()
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const [search, setSearch] = useState(q)
  const [debounced] = useDebouncedValue(search, 300)

  useEffect(() => {
    if (q !== debounced.trim()) {
      const next = new URLSearchParams(params)
      if (debounced.trim()) next.set('q', debounced.trim())
      else next.delete('q')
      setParams(next, { replace: true })
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced])

  const list = useInfiniteQuery({
    queryKey: ['recon-specs', 'list', q],
    queryFn: ({ pageParam }) => listReconSpecs(q, pageParam, 50),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  })
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data])
  const total = list.data?.pages[0]?.total
  const editable = canWorkRecon(user?.role)

  return (
    <Stack gap="md">
      <ReconHeader>
        {editable && (
          <Button component={Link} to="/reconciliation/specs/new">
            New spec
          </Button>
        )}
      </ReconHeader>

      <Paper withBorder p="sm" radius="sm">
        <TextInput
          label="Search"
          placeholder="Spec name…"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={280}
          type="search"
        />
      </Paper>

      {list.isError && (
        <Alert color="red" variant="light" title="Could not load specs">
          {errorMessage(list.error)}
        </Alert>
      )}

      <Paper withBorder radius="sm" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover verticalSpacing={6} aria-label="Specs" aria-busy={list.isFetching}>
            <Table.Thead bg="gray.1">
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Schedule</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.id} data-testid="spec-row">
                  <Table.Td>
                    <Link className="row-link" to={`/reconciliation/specs/${s.id}`}>
                      {s.name}
                    </Link>
                  </Table.Td>
                  <Table.Td>
                    {s.schedule ? (
                      <Badge variant="light" color="indigo" ff="monospace" tt="none">
                        {s.schedule.cron} UTC
                      </Badge>
                    ) : (
                      <Text c="dimmed" span size="sm">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{s.version}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.updated_at)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} ta="right">
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" component={Link} to={`/reconciliation/runs?spec_id=${s.id}`}>
                        Runs
                      </Button>
                      {editable && (
                        <Button size="compact-xs" variant="light" component={Link} to={`/reconciliation/runs/new?spec_id=${s.id}`}>
                          Start a run
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
              {!list.isPending && rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" ta="center" py="lg">
                      {q ? 'No specs match this search.' : 'No specs saved yet.'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {list.isPending && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Group justify="center" py="lg">
                      <Loader size="sm" aria-label="Loading specs" />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {list.data ? `Showing ${rows.length.toLocaleString()}${total !== undefined ? ` of ${total.toLocaleString()}` : ''} specs` : ''}
        </Text>
        {list.hasNextPage && (
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        )}
      </Group>
    </Stack>
  )
}
