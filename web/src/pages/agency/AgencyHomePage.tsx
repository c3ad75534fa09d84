import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import { agency, minutesText, type AgencyJob } from '../../api/agency'
import { errorMessage } from '../../api/http'
import { AgencyHeader } from './AgencyNav'

function JobLines({ jobs }: { jobs: AgencyJob[] }) {
  if (jobs.length === 0) return <Text c="dimmed">Nothing here.</Text>
  return (
    <Stack gap={4}>
      {jobs.map((j) => (
        <Group key={j.id} gap="xs">
          <Anchor component={Link} to={`/agency/jobs/${j.id}`} style={{ whiteSpace: 'nowrap' }}>{j.number}</Anchor>
          <Text size="sm">{j.title}</Text>
          {j.alerts.map((a) => (
            <Badge key={a.code} size="xs" color={a.code.includes('overdue') || a.code.includes('budget') ? 'red' : 'yellow'}>
              {a.code.replace('job.', '').replaceAll('_', ' ')}
            </Badge>
          ))}
        </Group>
      ))}
    </Stack>
  )
}

/** The coordinator's home: today's work across every account. */
export function AgencyHomePage() {
  const home = useQuery({ queryKey: ['agency', 'home'], queryFn: agency.home })
  const items = useQuery({ queryKey: ['agency', 'action-items'], queryFn: agency.actionItems })
  const qc = useQueryClient()
  if (home.isError) return <Alert color="red" title="Could not load today's work">{errorMessage(home.error)}</Alert>
  const h = home.data
  return (
    <>
      <AgencyHeader title="Agency — today" />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">Jobs due, overdue or over budget</Title>
          <JobLines jobs={h?.jobs_needing_attention ?? []} />
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">Estimates awaiting the client's approval</Title>
          {(h?.estimates_awaiting_approval ?? []).length === 0 && <Text c="dimmed">Nothing here.</Text>}
          {(h?.estimates_awaiting_approval ?? []).map((e) => (
            <Group key={e.id} gap="xs">
              <Anchor component={Link} to={`/agency/jobs/${e.job_id}`}>{e.number} r{e.revision}</Anchor>
              <Text size="sm">{e.totals.total} {e.currency}</Text>
            </Group>
          ))}
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">Late time (last two weeks)</Title>
          <Table>
            <Table.Tbody>
              {(h?.late_time ?? []).slice(0, 10).map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.person}</Table.Td>
                  <Table.Td>{t.job_number}</Table.Td>
                  <Table.Td>{t.work_date}</Table.Td>
                  <Table.Td>{minutesText(t.minutes)}</Table.Td>
                  <Table.Td><Badge color="red" size="xs">late</Badge></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {(h?.late_time ?? []).length === 0 && <Text c="dimmed">No late time.</Text>}
        </Paper>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="xs">
            <Title order={4}>Open action items and follow-ups</Title>
            <Anchor component={Link} to="/agency/meetings" size="sm">All follow-ups</Anchor>
          </Group>
          {(items.data?.items ?? []).length === 0 && <Text c="dimmed">Nothing open.</Text>}
          {(items.data?.items ?? []).slice(0, 10).map((a) => (
            <Group key={a.id} justify="space-between" wrap="nowrap">
              <Text size="sm">{a.due_date && a.due_date < (h?.today ?? '') && <Badge color="red" size="xs" mr={4}>overdue</Badge>}{a.text} {a.owner_name && `· ${a.owner_name}`} {a.due_date && `· due ${a.due_date}`}</Text>
              <Button size="compact-xs" variant="light" onClick={async () => {
                await agency.completeActionItem(a)
                await qc.invalidateQueries({ queryKey: ['agency'] })
              }}>Done</Button>
            </Group>
          ))}
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">Billable jobs without an approved LOE</Title>
          <JobLines jobs={h?.jobs_without_approved_loe ?? []} />
        </Paper>
      </SimpleGrid>
    </>
  )
}
