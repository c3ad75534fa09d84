import { useState } from 'react'
import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { AGENCY, type ContactReport } from '../../api/agency'
import { accounts } from '../../api/agencyAccounts'
import { downloadFile } from '../../api/endpoints'
import { buildQuery, errorMessage, getJson, request } from '../../api/http'
import type { Page } from '../../api/types'
import { ExportButtons } from '../../components/ExportButtons'
import { ContactReportForm } from './ContactReportForm'
import { DISTRIBUTION_LABEL, distributionState } from './contactReports'

/** Contact reports: search, filter by client, sort, export; file a new one; PDF; record or e-mail distribution. */
export function ContactReportsPanel() {
  const qc = useQueryClient()
  const [q, setQ] = useState('')
  const [client, setClient] = useState<string | null>(null)
  const [sort, setSort] = useState('-meeting_date')
  const [filing, setFiling] = useState(false)
  const query = { q: q || undefined, client_id: client ?? undefined, sort, limit: 100 }
  const reports = useQuery({
    queryKey: ['agency', 'contact-reports', query],
    queryFn: () => getJson<Page<ContactReport>>(`${AGENCY}/contact-reports`, query),
  })
  const names = useQuery({ queryKey: ['agency', 'accounts', 'names'], queryFn: () => accounts.list({ limit: 500 }) })
  const settings = useQuery({ queryKey: ['agency', 'settings'], queryFn: accounts.settings })
  const today = new Date().toISOString().slice(0, 10)
  const distribute = async (r: ContactReport) => {
    try {
      const to = r.attendees.filter((a) => a.side === 'client').map((a) => a.email || a.name).join(', ')
      await request(`${AGENCY}/contact-reports/${r.id}/distribute`, { method: 'POST', body: { distributed_to: to }, ifMatch: `"${r.version}"` })
      await qc.invalidateQueries({ queryKey: ['agency'] })
    } catch (e) {
      notifications.show({ color: 'red', title: 'Distribution', message: errorMessage(e) })
    }
  }
  const email = async (r: ContactReport) => {
    try {
      await request(`${AGENCY}/contact-reports/${r.id}/email`, { method: 'POST', ifMatch: `"${r.version}"` })
      await qc.invalidateQueries({ queryKey: ['agency'] })
      notifications.show({ color: 'green', title: 'Contact report', message: 'Queued in the outbox for the attendees' })
    } catch (e) {
      notifications.show({ color: 'red', title: 'E-mail', message: errorMessage(e) })
    }
  }
  const days = settings.data?.contact_report_days ?? 2
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Contact reports</Title>
        <Button size="xs" onClick={() => setFiling(true)}>File a contact report</Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm" data-testid="contact-report-rule">
        A contact report goes to the client within {days} business day{days === 1 ? '' : 's'} of the meeting (end of that day);
        one sent later is marked late, one not yet sent after it is overdue.
      </Text>
      <Group align="end" mb="sm">
        <TextInput label="Search contact reports" placeholder="Decision, attendee, client…" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Select label="Client" clearable searchable data={(names.data?.items ?? []).map((a) => ({ value: String(a.client_id), label: a.client_name }))}
          value={client} onChange={setClient} />
        <Select label="Sort" data={['-meeting_date', 'meeting_date', 'client', 'distribute_by']} value={sort} onChange={(v) => setSort(v ?? '-meeting_date')} />
        <ExportButtons url={(f) => `${AGENCY}/contact-reports/export.${f}${buildQuery(query)}`} filename="contact-reports" />
      </Group>
      {reports.isError && <Alert color="red">{errorMessage(reports.error)}</Alert>}
      <Table striped>
        <Table.Thead>
          <Table.Tr><Table.Th>Meeting</Table.Th><Table.Th>Client</Table.Th><Table.Th>Attendees</Table.Th><Table.Th>Decisions</Table.Th><Table.Th>Actions</Table.Th><Table.Th>To the client</Table.Th><Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(reports.data?.items ?? []).map((r) => {
            const [label, color] = DISTRIBUTION_LABEL[distributionState(r, today)]
            return (
              <Table.Tr key={r.id}>
                <Table.Td>{r.meeting_date}</Table.Td>
                <Table.Td>{r.client_name}</Table.Td>
                <Table.Td>{r.attendees.map((a) => a.name).join(', ')}</Table.Td>
                <Table.Td>{r.decisions}</Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    {r.action_items.map((a) => (
                      <Text key={a.id} size="xs" c={a.done_at ? 'dimmed' : undefined}>{a.done_at ? '✓' : '•'} {a.text}{a.owner_name && ` · ${a.owner_name}`}{a.due_date && ` · due ${a.due_date}`}</Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td><Badge color={color}>{label}</Badge> <Text size="xs" c="dimmed">by {r.distribute_by}</Text></Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Anchor size="sm" onClick={() => downloadFile(`${AGENCY}/contact-reports/${r.id}/pdf`, `contact-report-${r.id}.pdf`)}>PDF</Anchor>
                    {!r.distributed_at && r.attendees.some((a) => a.email) && <Button size="compact-xs" onClick={() => email(r)}>E-mail attendees</Button>}
                    {!r.distributed_at && <Button size="compact-xs" variant="default" onClick={() => distribute(r)}>Mark sent</Button>}
                  </Group>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" mt="xs">Showing {reports.data?.items.length ?? 0} of {reports.data?.total ?? 0} contact reports</Text>
      <ContactReportForm opened={filing} onClose={() => setFiling(false)} />
    </Paper>
  )
}
