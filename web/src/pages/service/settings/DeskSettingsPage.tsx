import { useState, type ReactNode } from 'react'
import { Alert, Badge, Button, Group, Paper, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { listConfig, WEEKDAYS, type ConfigKind, type DeskQueue, type ServiceCalendar, type SlaPolicy } from '../../../api/deskAdmin'
import { errorMessage } from '../../../api/http'
import { humanize } from '../../../lib/format'
import { useUrlParams } from '../../../lib/urlParams'
import { CalendarForm } from './CalendarForm'
import { PolicyForm } from './PolicyForm'
import { QueueForm } from './QueueForm'

interface Column<T> { header: string; cell: (r: T) => ReactNode }

/** One configuration list: search by name, a row per record with Edit, and New. */
function ConfigList<T extends { id: number; name: string }>({ kind, noun, columns, form }: {
  kind: ConfigKind
  noun: string
  columns: Column<T>[]
  form: (record: T | null, close: () => void) => ReactNode
}) {
  const list = useQuery({ queryKey: ['desk-config', kind], queryFn: () => listConfig<T>(kind) })
  const [q, setQ] = useState('')
  const [editing, setEditing] = useState<T | null | 'new'>(null)
  const rows = (list.data?.items ?? []).filter((r) => r.name.toLowerCase().includes(q.trim().toLowerCase()))
  if (list.isError) return <Alert color="red" title={`Could not load ${noun}s`}>{errorMessage(list.error)}</Alert>
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <TextInput placeholder="Search by name" type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={260} aria-label={`Search ${noun}s`} />
        <Button onClick={() => setEditing('new')}>{`New ${noun}`}</Button>
      </Group>
      <Paper withBorder>
        <Table striped>
          <Table.Thead><Table.Tr><Table.Th>Name</Table.Th>{columns.map((c) => <Table.Th key={c.header}>{c.header}</Table.Th>)}<Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && <Table.Tr><Table.Td colSpan={columns.length + 2}><Text c="dimmed" size="sm">{list.isPending ? 'Loading…' : `No ${noun}s.`}</Text></Table.Td></Table.Tr>}
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid={`${kind}-row`}>
                <Table.Td>{r.name}</Table.Td>
                {columns.map((c) => <Table.Td key={c.header}>{c.cell(r)}</Table.Td>)}
                <Table.Td><Button size="xs" variant="default" onClick={() => setEditing(r)}>Edit</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {editing && form(editing === 'new' ? null : editing, () => setEditing(null))}
    </Stack>
  )
}

const hours = (c: ServiceCalendar) => WEEKDAYS.filter((d) => (c.weekly_hours[d] ?? []).length > 0).map((d) => `${d} ${c.weekly_hours[d].join(', ')}`).join('; ')
const mins = (v: number | null) => (v == null ? '—' : `${v} min`)

/** Desk settings for managers: queues, SLA policies and business calendars. */
export function DeskSettingsPage() {
  const { params, update } = useUrlParams()
  const tab = params.get('tab') ?? 'queues'
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Desk settings</Title>
        <Text size="sm" c="dimmed">Queues and routing, SLA policies and the business calendars they count on</Text>
      </div>
      <Tabs value={tab} onChange={(v) => update({ tab: v })}>
        <Tabs.List>
          <Tabs.Tab value="queues">Queues</Tabs.Tab>
          <Tabs.Tab value="policies">SLA policies</Tabs.Tab>
          <Tabs.Tab value="calendars">Business calendars</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="queues" pt="sm">
          <ConfigList<DeskQueue> kind="queues" noun="queue" form={(r, close) => <QueueForm queue={r} onClose={close} />} columns={[
            { header: 'Routing', cell: (r) => humanize(r.strategy) },
            { header: 'Takes', cell: (r) => [r.category && humanize(r.category), r.language, r.client_id && `client ${r.client_id}`, r.inbound_address].filter(Boolean).join(' · ') || 'anything' },
            { header: 'Members', cell: (r) => r.members.map((m) => `${m.name ?? m.user_id} (${m.capacity})`).join(', ') },
          ]} />
        </Tabs.Panel>
        <Tabs.Panel value="policies" pt="sm">
          <ConfigList<SlaPolicy> kind="sla-policies" noun="SLA policy" form={(r, close) => <PolicyForm policy={r} onClose={close} />} columns={[
            { header: 'First response', cell: (r) => mins(r.first_response_min) },
            { header: 'Next response', cell: (r) => mins(r.next_response_min) },
            { header: 'Resolution', cell: (r) => mins(r.resolution_min) },
            { header: 'Applies to', cell: (r) => [r.client_id && `client ${r.client_id}`, r.category && humanize(r.category), r.priority].filter(Boolean).join(' · ') || 'any case' },
            { header: 'Status', cell: (r) => <Badge variant="light" color={r.active ? 'teal' : 'gray'}>{r.active ? 'active' : 'inactive'}</Badge> },
          ]} />
        </Tabs.Panel>
        <Tabs.Panel value="calendars" pt="sm">
          <ConfigList<ServiceCalendar> kind="service-calendars" noun="calendar" form={(r, close) => <CalendarForm calendar={r} onClose={close} />} columns={[
            { header: 'Time zone', cell: (r) => r.time_zone },
            { header: 'Open hours', cell: hours },
            { header: 'Holidays', cell: (r) => r.holidays.length },
          ]} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
