import { useEffect, useState } from 'react'
import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { AGENCY } from '../../api/agency'
import { errorMessage, request } from '../../api/http'

interface Meeting { id: number; version: number; frozen: boolean; minutes: string; agenda: { job_id: number; job_number: string; title: string }[] }

/** The traffic meeting's notes (saved until it is agreed) and a follow-up added with owner and due date. */
export function TrafficNotes({ meeting }: { meeting: Meeting }) {
  const qc = useQueryClient()
  const [minutes, setMinutes] = useState(meeting.minutes)
  const [text, setText] = useState('')
  const [job, setJob] = useState<string | null>(null)
  const [due, setDue] = useState('')
  useEffect(() => setMinutes(meeting.minutes), [meeting.minutes])
  const run = (label: string, fn: () => Promise<unknown>) => async () => {
    try {
      await fn()
      await qc.invalidateQueries({ queryKey: ['agency'] })
    } catch (e) {
      notifications.show({ color: 'red', title: label, message: errorMessage(e) })
    }
  }
  return (
    <Stack gap="xs" mt="md">
      {meeting.frozen
        ? <Text size="sm"><b>Notes:</b> {meeting.minutes || '—'}</Text>
        : (
          <Group align="end">
            <Textarea label="Meeting notes" autosize minRows={2} w={520} value={minutes} onChange={(e) => setMinutes(e.currentTarget.value)} />
            <Button variant="default" onClick={run('Notes', () => request(`${AGENCY}/traffic-meetings/${meeting.id}/notes`,
              { method: 'POST', body: { minutes }, ifMatch: `"${meeting.version}"` }))}>Save notes</Button>
          </Group>
        )}
      <Group align="end">
        <TextInput label="Follow-up" w={280} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <Select label="Job" clearable searchable w={260} data={meeting.agenda.map((a) => ({ value: String(a.job_id), label: `${a.job_number} ${a.title}` }))} value={job} onChange={setJob} />
        <TextInput label="Follow-up due" placeholder="2026-12-31" w={140} value={due} onChange={(e) => setDue(e.currentTarget.value)} />
        <Button variant="default" onClick={run('Follow-up', async () => {
          await request(`${AGENCY}/traffic-meetings/${meeting.id}/follow-ups`, { method: 'POST', body: { text, job_id: job ? Number(job) : null, due_date: due || null } })
          setText('')
          setDue('')
        })}>Add follow-up</Button>
      </Group>
    </Stack>
  )
}
