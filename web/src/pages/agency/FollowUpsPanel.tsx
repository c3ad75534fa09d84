import { useState } from 'react'
import { Alert, Badge, Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { AGENCY, type ActionItem } from '../../api/agency'
import { buildQuery, errorMessage, getJson, request } from '../../api/http'
import type { Page } from '../../api/types'
import { ExportButtons } from '../../components/ExportButtons'

/** Every action item and follow-up: overdue first by default, search, filter, export, done and undone. */
export function FollowUpsPanel() {
  const qc = useQueryClient()
  const [q, setQ] = useState('')
  const [state, setState] = useState<string | null>('overdue')
  const [source, setSource] = useState<string | null>(null)
  const [sort, setSort] = useState('due_date')
  const query = { q: q || undefined, state: state ?? undefined, source: source ?? undefined, sort, limit: 200 }
  const items = useQuery({
    queryKey: ['agency', 'action-items', query],
    queryFn: () => getJson<Page<ActionItem & { contact_report_id: number | null; traffic_meeting_id: number | null }>>(`${AGENCY}/action-items`, query),
  })
  const toggle = async (a: ActionItem) => {
    try {
      await request(`${AGENCY}/action-items/${a.id}/done`, { method: 'POST', body: { done: !a.done_at }, ifMatch: `"${a.version}"` })
      await qc.invalidateQueries({ queryKey: ['agency'] })
    } catch (e) {
      notifications.show({ color: 'red', title: 'Follow-up', message: errorMessage(e) })
    }
  }
  return (
    <Paper withBorder p="md" mb="md">
      <Title order={4} mb="xs">Follow-ups and action items</Title>
      <Group align="end" mb="sm">
        <TextInput label="Search follow-ups" placeholder="Action, owner, client" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Select label="State" clearable data={['overdue', 'open', 'done']} value={state} onChange={setState} />
        <Select label="From" clearable data={[{ value: 'traffic_meeting', label: 'traffic meetings' }, { value: 'contact_report', label: 'contact reports' }]}
          value={source} onChange={setSource} />
        <Select label="Sort" data={['due_date', '-due_date', 'owner', 'text']} value={sort} onChange={(v) => setSort(v ?? 'due_date')} />
        <ExportButtons url={(f) => `${AGENCY}/action-items/export.${f}${buildQuery(query)}`} filename="follow-ups" />
      </Group>
      {items.isError && <Alert color="red">{errorMessage(items.error)}</Alert>}
      <Table striped>
        <Table.Thead><Table.Tr><Table.Th>Action</Table.Th><Table.Th>Owner</Table.Th><Table.Th>Due</Table.Th><Table.Th>From</Table.Th><Table.Th>State</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(items.data?.items ?? []).map((a) => {
            const overdue = !a.done_at && !!a.due_date && a.due_date < new Date().toISOString().slice(0, 10)
            return (
              <Table.Tr key={a.id}>
                <Table.Td>{a.text}</Table.Td>
                <Table.Td>{a.owner_name}</Table.Td>
                <Table.Td>{a.due_date}</Table.Td>
                <Table.Td>{a.traffic_meeting_id ? 'traffic meeting' : a.contact_report_id ? 'contact report' : ''}</Table.Td>
                <Table.Td>{a.done_at ? <Badge color="gray">done</Badge> : overdue ? <Badge color="red">overdue</Badge> : <Badge color="blue">open</Badge>}</Table.Td>
                <Table.Td><Button size="compact-xs" variant="default" onClick={() => toggle(a)}>{a.done_at ? 'Undo' : 'Done'}</Button></Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" mt="xs">Showing {items.data?.items.length ?? 0} of {items.data?.total ?? 0}</Text>
    </Paper>
  )
}
