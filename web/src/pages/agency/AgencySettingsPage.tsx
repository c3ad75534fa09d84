import { useEffect, useState } from 'react'
import { Alert, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { accounts, type AgencySettings } from '../../api/agencyAccounts'
import { errorMessage } from '../../api/http'
import { AgencyHeader } from './AgencyNav'
import { summarizeRates } from './rateCard'

/** The agency's rate card (effective-dated, with scheduled changes and history) and its settings. */
export function AgencySettingsPage() {
  return (
    <>
      <AgencyHeader title="Agency — rate card & settings" />
      <RateCardPanel />
      <SettingsPanel />
    </>
  )
}

function RateCardPanel() {
  const qc = useQueryClient()
  const rates = useQuery({ queryKey: ['agency', 'rates'], queryFn: accounts.rates })
  const names = useQuery({ queryKey: ['agency', 'accounts', 'names'], queryFn: () => accounts.list({ limit: 500 }) })
  const clientName = (id: number | null) =>
    id === null ? 'all clients' : names.data?.items.find((a) => a.client_id === id)?.client_name ?? `client ${id}`
  const today = new Date().toISOString().slice(0, 10)
  const [form, setForm] = useState({ role: '', effective_from: '', rate: '', client_id: '' })
  const lines = summarizeRates(rates.data?.items ?? [], today)
  return (
    <Paper withBorder p="md" mb="md">
      <Title order={4} mb="sm">Rate card</Title>
      {rates.isError && <Alert color="red">{errorMessage(rates.error)}</Alert>}
      <Table striped>
        <Table.Thead>
          <Table.Tr><Table.Th>Role</Table.Th><Table.Th>For</Table.Th><Table.Th>Rate today</Table.Th><Table.Th>Scheduled</Table.Th><Table.Th>History</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={`${l.role}-${l.client_id}`}>
              <Table.Td>{l.role}</Table.Td>
              <Table.Td>{clientName(l.client_id)}</Table.Td>
              <Table.Td>{l.current ? `${l.current.rate} ${l.current.currency} since ${l.current.effective_from}` : '—'}</Table.Td>
              <Table.Td>{l.scheduled.map((r) => <Badge key={r.id} color="blue" variant="light" mr={4}>{r.rate} from {r.effective_from}</Badge>)}</Table.Td>
              <Table.Td><Text size="xs" c="dimmed">{l.history.map((r) => `${r.rate} from ${r.effective_from}`).join(' · ')}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="end" mt="md">
        <TextInput label="Role" placeholder="design" value={form.role} onChange={(e) => setForm({ ...form, role: e.currentTarget.value })} />
        <TextInput label="Hourly rate" placeholder="150.00" value={form.rate} onChange={(e) => setForm({ ...form, rate: e.currentTarget.value })} />
        <TextInput label="Effective from" placeholder="2027-01-01" value={form.effective_from} onChange={(e) => setForm({ ...form, effective_from: e.currentTarget.value })} />
        <TextInput label="Client id (blank: all)" value={form.client_id} onChange={(e) => setForm({ ...form, client_id: e.currentTarget.value })} />
        <Button onClick={async () => {
          try {
            await accounts.addRate({ role: form.role, rate: form.rate, effective_from: form.effective_from, client_id: form.client_id ? Number(form.client_id) : null })
            setForm({ role: '', effective_from: '', rate: '', client_id: '' })
            await qc.invalidateQueries({ queryKey: ['agency', 'rates'] })
          } catch (e) {
            notifications.show({ color: 'red', title: 'Rate', message: errorMessage(e) })
          }
        }}>Add rate</Button>
      </Group>
    </Paper>
  )
}

function SettingsPanel() {
  const qc = useQueryClient()
  const settings = useQuery({ queryKey: ['agency', 'settings'], queryFn: accounts.settings })
  const [draft, setDraft] = useState<AgencySettings | null>(null)
  useEffect(() => setDraft(settings.data ?? null), [settings.data])
  if (settings.isError) return <Alert color="red">{errorMessage(settings.error)}</Alert>
  if (!draft || !settings.data) return null
  const s = settings.data
  const save = async (patch: Partial<AgencySettings>) => {
    try {
      await accounts.saveSettings(s, patch)
      await qc.invalidateQueries({ queryKey: ['agency'] })
      notifications.show({ color: 'green', title: 'Settings', message: 'Saved' })
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not save the settings', message: errorMessage(e) })
    }
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">Time zone and business calendar</Title>
        <Stack>
          <TextInput label="Time zone (IANA)" value={draft.time_zone} onChange={(e) => setDraft({ ...draft, time_zone: e.currentTarget.value })} />
          <NumberInput label="Time is due within (business days)" min={0} max={30} value={draft.entry_window_days}
            onChange={(v) => setDraft({ ...draft, entry_window_days: Number(v) })} />
          <NumberInput label="Contact reports go to the client within (business days)" min={0} max={10} value={draft.contact_report_days}
            onChange={(v) => setDraft({ ...draft, contact_report_days: Number(v) })} />
          <Group align="end">
            <TextInput label="Default expense mark-up %" w={200} value={draft.default_expense_markup_percent}
              description="For expenses with no mark-up of their own"
              onChange={(e) => setDraft({ ...draft, default_expense_markup_percent: e.currentTarget.value })} />
            <Button variant="default" onClick={() => save({ default_expense_markup_percent: draft.default_expense_markup_percent })}>
              Save mark-up
            </Button>
          </Group>
          <Textarea label="Holidays (one date a line)" autosize minRows={3} value={draft.holidays.join('\n')}
            onChange={(e) => setDraft({ ...draft, holidays: e.currentTarget.value.split('\n').map((d) => d.trim()).filter(Boolean) })} />
          <Text size="xs" c="dimmed">
            Business days are Monday to Friday in {s.time_zone}, without the holidays. Time worked on a day is due by local
            midnight ending business day {s.entry_window_days} after it; later entries are accepted and flagged late.
          </Text>
          <Button onClick={() => save({ time_zone: draft.time_zone, entry_window_days: draft.entry_window_days,
            contact_report_days: draft.contact_report_days, holidays: draft.holidays })}>Save calendar</Button>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">Period lock</Title>
        <Stack>
          {s.locked_through
            ? <Alert color="orange" data-testid="period-lock">Time worked on or before {s.locked_through} is locked
                {s.locked_by ? ` (by ${s.locked_by}, ${s.locked_at?.slice(0, 16).replace('T', ' ')} UTC)` : ''}: it cannot be
                entered, changed or deleted without the lock-override permission.</Alert>
            : <Alert color="gray" data-testid="period-lock">No period is locked.</Alert>}
          <TextInput label="Lock time worked through" placeholder="2026-10-31" value={draft.locked_through ?? ''}
            onChange={(e) => setDraft({ ...draft, locked_through: e.currentTarget.value || null })} />
          <Group>
            <Button onClick={() => save({ locked_through: draft.locked_through })}>Lock period</Button>
            {s.locked_through && <Button variant="default" onClick={() => save({ locked_through: null })}>Unlock</Button>}
          </Group>
        </Stack>
      </Paper>
    </SimpleGrid>
  )
}
