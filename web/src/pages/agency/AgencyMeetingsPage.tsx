import { Alert, Badge, Button, Group, Paper, Table, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { errorMessage, getJson, request } from '../../api/http'
import { AgencyHeader } from './AgencyNav'
import { ContactReportsPanel } from './ContactReportsPanel'
import { FollowUpsPanel } from './FollowUpsPanel'
import { TrafficNotes } from './TrafficNotes'

interface AgendaItem { job_id: number; job_number: string; title: string; client: string; owner: string; status: string; due: string | null; next_step: string; note: string }
interface TrafficMeeting { id: number; meeting_date: string; agenda: AgendaItem[]; frozen: boolean; minutes: string; version: number; follow_ups: { id: number; text: string; done_at: string | null }[] }

/** Contact reports (with their action items and distribution deadline) and traffic meetings. */
export function AgencyMeetingsPage() {
  const qc = useQueryClient()
  const meetings = useQuery({
    queryKey: ['agency', 'traffic'],
    queryFn: () => getJson<{ items: TrafficMeeting[] }>('/api/v1/agency/traffic-meetings'),
    retry: false,
  })
  const latest = meetings.data?.items[0]
  return (
    <>
      <AgencyHeader title="Agency — meetings" />
      <Paper withBorder p="md" mb="md">
        <Group justify="space-between" mb="xs">
          <Title order={4}>Traffic meeting {latest ? `of ${latest.meeting_date}` : ''} {latest?.frozen && <Badge color="gray">agreed — frozen</Badge>}</Title>
          <Group gap="xs">
            <Button size="xs" onClick={async () => {
              try {
                await request('/api/v1/agency/traffic-meetings', { method: 'POST', body: {} })
                await qc.invalidateQueries({ queryKey: ['agency', 'traffic'] })
              } catch (e) {
                notifications.show({ color: 'red', title: 'Traffic meeting', message: errorMessage(e) })
              }
            }}>Start a traffic meeting</Button>
            {latest && !latest.frozen && (
              <Button size="xs" variant="default" onClick={async () => {
                await request(`/api/v1/agency/traffic-meetings/${latest.id}/agree`, { method: 'POST', body: { notes: {} }, ifMatch: `"${latest.version}"` })
                await qc.invalidateQueries({ queryKey: ['agency', 'traffic'] })
              }}>Agree and freeze</Button>
            )}
          </Group>
        </Group>
        {meetings.isError && <Alert color="gray">{errorMessage(meetings.error)}</Alert>}
        <Table>
          <Table.Thead><Table.Tr><Table.Th>Job</Table.Th><Table.Th>Client</Table.Th><Table.Th>Owner</Table.Th><Table.Th>Status</Table.Th><Table.Th>Due</Table.Th><Table.Th>Next step</Table.Th><Table.Th>Agreed</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {(latest?.agenda ?? []).map((a) => (
              <Table.Tr key={a.job_id}>
                <Table.Td>{a.job_number} {a.title}</Table.Td><Table.Td>{a.client}</Table.Td><Table.Td>{a.owner}</Table.Td>
                <Table.Td>{a.status}</Table.Td><Table.Td>{a.due}</Table.Td><Table.Td>{a.next_step}</Table.Td><Table.Td>{a.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {latest && <TrafficNotes meeting={latest} />}
      </Paper>
      <FollowUpsPanel />
      <ContactReportsPanel />
    </>
  )
}
