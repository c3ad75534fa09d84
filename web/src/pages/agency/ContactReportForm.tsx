import { useState } from 'react'
import { ActionIcon, Alert, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { agency } from '../../api/agency'
import { accounts } from '../../api/agencyAccounts'
import { listContacts } from '../../api/endpoints'
import { errorMessage } from '../../api/http'
import { ownerOf } from './contactReports'

interface AttendeeRow { name: string; side: string; email: string }
/** owner: "user:<id>" (the account team) or "contact:<id>" (a client contact at the meeting) */
interface ActionRow { text: string; owner: string | null; due_date: string }

/** A meeting or call with the client: who was there, what was discussed and decided, who does what by when. */
export function ContactReportForm({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const qc = useQueryClient()
  const names = useQuery({ queryKey: ['agency', 'accounts', 'names'], queryFn: () => accounts.list({ limit: 500 }), enabled: opened })
  const [client, setClient] = useState<string | null>(null)
  const account = names.data?.items.find((a) => String(a.client_id) === client)
  const contacts = useQuery({ queryKey: ['contacts', client], queryFn: () => listContacts(Number(client)), enabled: !!client })
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10))
  const [attendees, setAttendees] = useState<AttendeeRow[]>([])
  const [discussion, setDiscussion] = useState('')
  const [decisions, setDecisions] = useState('')
  const [actions, setActions] = useState<ActionRow[]>([])
  const [error, setError] = useState<string | null>(null)
  const attending = (contacts.data?.items ?? []).filter((c) => attendees.some((a) => a.side === 'client' && a.name === c.name))
  const owners = [
    { group: 'Account team', items: (account?.team ?? []).map((t) => ({ value: `user:${t.user_id}`, label: `${t.name} (${t.role})` })) },
    { group: 'Client (attendees)', items: attending.map((c) => ({ value: `contact:${c.id}`, label: c.name })) },
  ]
  const setRow = <T,>(rows: T[], set: (r: T[]) => void, i: number, patch: Partial<T>) => set(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const reset = () => {
    setAttendees([]); setActions([]); setDiscussion(''); setDecisions(''); setError(null)
  }
  async function save() {
    try {
      await agency.createContactReport({
        client_id: Number(client), meeting_date: date, attendees, discussion, decisions,
        action_items: actions.map((a) => ({ text: a.text, ...ownerOf(a.owner), due_date: a.due_date || null })),
      })
      await qc.invalidateQueries({ queryKey: ['agency'] })
      reset()
      onClose()
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title="File a contact report" size="xl">
      <Stack>
        <Group grow>
          <Select label="Client" searchable data={(names.data?.items ?? []).map((a) => ({ value: String(a.client_id), label: a.client_name }))} value={client} onChange={setClient} />
          <TextInput label="Meeting date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        </Group>
        <Title order={6}>Attendees</Title>
        {attendees.map((a, i) => (
          <Group key={i} align="end">
            <TextInput label="Name" value={a.name} onChange={(e) => setRow(attendees, setAttendees, i, { name: e.currentTarget.value })} />
            <Select label="Side" w={110} data={['client', 'agency']} value={a.side} onChange={(v) => setRow(attendees, setAttendees, i, { side: v ?? 'client' })} />
            <TextInput label="E-mail" value={a.email} onChange={(e) => setRow(attendees, setAttendees, i, { email: e.currentTarget.value })} />
            <ActionIcon variant="subtle" color="red" mb={4} aria-label="Remove attendee" onClick={() => setAttendees(attendees.filter((_, j) => j !== i))}>×</ActionIcon>
          </Group>
        ))}
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setAttendees([...attendees, { name: '', side: 'client', email: '' }])}>Add attendee</Button>
          {(contacts.data?.items ?? []).filter((c) => !attendees.some((a) => a.name === c.name)).map((c) => (
            <Button key={c.id} size="xs" variant="light" onClick={() => setAttendees([...attendees, { name: c.name, side: 'client', email: c.email ?? '' }])}>+ {c.name}</Button>
          ))}
          {(account?.team ?? []).filter((t) => !attendees.some((a) => a.name === t.name)).map((t) => (
            <Button key={t.user_id} size="xs" variant="light" color="gray" onClick={() => setAttendees([...attendees, { name: t.name ?? '', side: 'agency', email: '' }])}>+ {t.name}</Button>
          ))}
        </Group>
        <Textarea label="Discussion" autosize minRows={3} value={discussion} onChange={(e) => setDiscussion(e.currentTarget.value)} />
        <Textarea label="Decisions" autosize minRows={2} value={decisions} onChange={(e) => setDecisions(e.currentTarget.value)} />
        <Title order={6}>Action items</Title>
        {actions.map((a, i) => (
          <Group key={i} align="end">
            <TextInput label="Action" w={280} value={a.text} onChange={(e) => setRow(actions, setActions, i, { text: e.currentTarget.value })} />
            <Select label="Owner" data={owners} value={a.owner} onChange={(v) => setRow(actions, setActions, i, { owner: v })} />
            <TextInput label="Due" placeholder="2026-12-31" w={130} value={a.due_date} onChange={(e) => setRow(actions, setActions, i, { due_date: e.currentTarget.value })} />
            <ActionIcon variant="subtle" color="red" mb={4} aria-label="Remove action" onClick={() => setActions(actions.filter((_, j) => j !== i))}>×</ActionIcon>
          </Group>
        ))}
        <Group>
          <Button size="xs" variant="default" onClick={() => setActions([...actions, { text: '', owner: null, due_date: '' }])}>Add action item</Button>
        </Group>
        <Text size="xs" c="dimmed">The deadline for sending it to the client is set from the meeting date and the agency's rule.</Text>
        {error && <Alert color="red">{error}</Alert>}
        <Button disabled={!client} onClick={save}>Save contact report</Button>
      </Stack>
    </Modal>
  )
}
