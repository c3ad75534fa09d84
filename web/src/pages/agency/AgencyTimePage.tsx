import { useState } from 'react'
import { Alert, Badge, Button, Group, NumberInput, Select, Switch, Table, Text, TextInput } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { agency, minutesText } from '../../api/agency'
import { accounts } from '../../api/agencyAccounts'
import { errorMessage } from '../../api/http'
import { ExportButtons } from '../../components/ExportButtons'
import { BackgroundExport } from './BackgroundExport'
import { AgencyHeader } from './AgencyNav'

/** Timesheet: enter billable time (late entries are accepted and flagged) and review entries. */
export function AgencyTimePage() {
  const qc = useQueryClient()
  const [lateOnly, setLateOnly] = useState(false)
  const query = { late: lateOnly ? 1 : undefined, sort: '-work_date', limit: 200 }
  const entries = useQuery({ queryKey: ['agency', 'time', query], queryFn: () => agency.time(query) })
  // Time is logged only on open or in-progress jobs (the job rules refuse the rest).
  const jobs = useQuery({
    queryKey: ['agency', 'jobs', 'accepting-time'],
    queryFn: async () => {
      const [open, running] = await Promise.all([agency.jobs({ status: 'open', limit: 500 }), agency.jobs({ status: 'in_progress', limit: 500 })])
      return [...open.items, ...running.items]
    },
  })
  // The period lock (time rule): entries worked on or before it are locked for everyone without the override.
  const settings = useQuery({ queryKey: ['agency', 'settings'], queryFn: accounts.settings })
  const lockedThrough = settings.data?.locked_through ?? null
  const [job, setJob] = useState<string | null>(null)
  const [service, setService] = useState('design')
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10))
  const [minutes, setMinutes] = useState<number | string>(60)
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null)
  async function enter() {
    try {
      const res = await agency.enterTime({ job_id: Number(job), service, work_date: date, minutes: Number(minutes) })
      setMessage(res.data.late
        ? { color: 'orange', text: 'Saved, and flagged late: it was entered after the 3-business-day window.' }
        : { color: 'green', text: 'Saved on time.' })
      await qc.invalidateQueries({ queryKey: ['agency'] })
    } catch (e) {
      setMessage({ color: 'red', text: errorMessage(e) })
    }
  }
  return (
    <>
      <AgencyHeader title="Agency — timesheet" />
      <Group align="end" mb="sm">
        <Select label="Job" searchable data={(jobs.data ?? []).map((j) => ({ value: String(j.id), label: `${j.number} ${j.title}` }))} value={job} onChange={setJob} w={320} />
        <Select label="Service" data={['design', 'copywriting', 'account_management', 'production', 'strategy']} value={service} onChange={(v) => setService(v ?? 'design')} />
        <TextInput label="Work date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        <NumberInput label="Minutes" value={minutes} onChange={setMinutes} min={1} max={1440} />
        <Button onClick={enter}>Enter time</Button>
      </Group>
      {lockedThrough && <Alert color="gray" mb="sm" data-testid="time-lock">Time worked on or before {lockedThrough} is locked{settings.data?.locked_by ? ` (by ${settings.data.locked_by})` : ''}.</Alert>}
      {message && <Alert color={message.color} mb="sm" data-testid="time-message">{message.text}</Alert>}
      <Group mb="xs">
        <Switch label="Late entries only" checked={lateOnly} onChange={(e) => setLateOnly(e.currentTarget.checked)} />
        <ExportButtons url={(f) => agency.timeExportUrl(f, query)} filename="time" />
        <BackgroundExport path="/api/v1/agency/time" query={query} />
      </Group>
      <Table striped withTableBorder>
        <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>Person</Table.Th><Table.Th>Job</Table.Th><Table.Th>Service</Table.Th><Table.Th>Time</Table.Th><Table.Th>Entered</Table.Th><Table.Th>State</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(entries.data?.items ?? []).map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{t.work_date}</Table.Td><Table.Td>{t.person}</Table.Td><Table.Td>{t.job_number}</Table.Td>
              <Table.Td>{t.service}</Table.Td><Table.Td>{minutesText(t.minutes)}</Table.Td><Table.Td>{t.entered_at.slice(0, 10)}</Table.Td>
              <Table.Td>{t.late && <Badge color="red" size="xs" mr={4}>late</Badge>}{lockedThrough && t.work_date <= lockedThrough && <Badge color="dark" size="xs" mr={4}>locked</Badge>}<Badge size="xs" color={t.frozen ? 'gray' : 'blue'}>{t.state}</Badge></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" mt="xs">Showing {entries.data?.items.length ?? 0} of {entries.data?.total ?? 0} entries</Text>
    </>
  )
}
