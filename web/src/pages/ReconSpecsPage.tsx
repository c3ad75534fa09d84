import { useMemo } from 'react'
import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { listReconSpecs } from '../api/endpoints'
import { useAuth } from '../auth/AuthContext'
import { ListTable, showingText } from '../components/ListTable'
import { formatDateTime } from '../lib/format'
import { canWorkRecon } from '../lib/modules'
import { useDebouncedUrlSearch, useUrlParams } from '../lib/urlParams'
import { ReconHeader } from './ReconRunsPage'

export function ReconSpecsPage() {
  const { user } = useAuth()
  const { params, update } = useUrlParams()
  const q = params.get('q') ?? ''
  const [search, setSearch] = useDebouncedUrlSearch(params, update)

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

      <ListTable
        query={list}
        errorTitle="Could not load specs"
        label="Specs"
        minWidth={700}
        striped
        fadePlaceholder={false}
        head={
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Schedule</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th>Updated</Table.Th>
            <Table.Th />
          </Table.Tr>
        }
        colSpan={5}
        empty={rows.length === 0}
        emptyText={q ? 'No specs match this search.' : 'No specs saved yet.'}
        loadingLabel="Loading specs"
        count={list.data ? showingText(rows.length, total, 'specs') : ''}
      >
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
      </ListTable>
    </Stack>
  )
}
