import { useState } from 'react'
import { Alert, Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from 'react-router'
import { agency } from '../../api/agency'
import { errorMessage } from '../../api/http'
import { getJson } from '../../api/http'
import { ExportButtons } from '../../components/ExportButtons'
import { AgencyHeader, STATUS_COLOR } from './AgencyNav'
import { BackgroundExport } from './BackgroundExport'

const STATUSES = ['open', 'in_progress', 'on_hold', 'completed', 'invoiced', 'closed', 'cancelled']

/** Jobs: search, filter by status, sort, export; open a new job. */
export function AgencyJobsPage() {
  const [q, setQ] = useState('')
  const [status, setStatus] = useState<string | null>(null)
  const [sort, setSort] = useState('due_date')
  const [opening, setOpening] = useState(false)
  const query = { q: q || undefined, status: status ?? undefined, sort, limit: 200 }
  const jobs = useQuery({ queryKey: ['agency', 'jobs', query], queryFn: () => agency.jobs(query) })
  return (
    <>
      <AgencyHeader title="Agency — jobs" />
      <Group mb="sm" align="end">
        <TextInput label="Search" placeholder="Number, title, client" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Select label="Status" clearable data={STATUSES} value={status} onChange={setStatus} />
        <Select label="Sort" data={['due_date', '-due_date', 'number', 'title', 'client', 'status']} value={sort}
          onChange={(v) => setSort(v ?? 'due_date')} />
        <ExportButtons url={(f) => agency.jobsExportUrl(f, query)} filename="jobs" />
        <BackgroundExport path="/api/v1/agency/jobs" query={{ q: query.q, status: query.status, sort: query.sort }} />
        <Button onClick={() => setOpening(true)}>Open a job</Button>
      </Group>
      {jobs.isError && <Alert color="red">{errorMessage(jobs.error)}</Alert>}
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Number</Table.Th><Table.Th>Client</Table.Th><Table.Th>Title</Table.Th><Table.Th>Status</Table.Th>
            <Table.Th>Due</Table.Th><Table.Th>Budget</Table.Th><Table.Th>Actual</Table.Th><Table.Th>Alerts</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(jobs.data?.items ?? []).map((j) => (
            <Table.Tr key={j.id}>
              <Table.Td><Anchor component={Link} to={`/agency/jobs/${j.id}`}>{j.number}</Anchor></Table.Td>
              <Table.Td>{j.client_name}</Table.Td>
              <Table.Td>{j.title}</Table.Td>
              <Table.Td><Badge color={STATUS_COLOR[j.status]}>{j.status.replace('_', ' ')}</Badge></Table.Td>
              <Table.Td>{j.due_date}</Table.Td>
              <Table.Td>{j.budget}</Table.Td>
              <Table.Td>{j.actual}</Table.Td>
              <Table.Td>{j.alerts.map((a) => <Badge key={a.code} size="xs" color="orange" mr={4}>{a.code.replace('job.', '')}</Badge>)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" mt="xs">Showing {jobs.data?.items.length ?? 0} of {jobs.data?.total ?? 0} jobs</Text>
      <OpenJobModal opened={opening} onClose={() => setOpening(false)} />
    </>
  )
}

function OpenJobModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const accounts = useQuery({
    queryKey: ['agency', 'accounts'],
    queryFn: () => getJson<{ items: { client_id: number; client_name: string }[] }>('/api/v1/agency/accounts'),
    enabled: opened,
  })
  const [client, setClient] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [due, setDue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const navigate = useNavigate()
  const qc = useQueryClient()
  return (
    <Modal opened={opened} onClose={onClose} title="Open a job">
      <Stack>
        <Select label="Client" data={(accounts.data?.items ?? []).map((a) => ({ value: String(a.client_id), label: a.client_name }))}
          value={client} onChange={setClient} searchable />
        <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <TextInput label="Due date" placeholder="2026-12-31" value={due} onChange={(e) => setDue(e.currentTarget.value)} />
        {error && <Alert color="red">{error}</Alert>}
        <Button onClick={async () => {
          try {
            const res = await agency.openJob({ client_id: Number(client), title, due_date: due || null })
            await qc.invalidateQueries({ queryKey: ['agency'] })
            navigate(`/agency/jobs/${res.data.id}`)
          } catch (e) {
            setError(errorMessage(e))
          }
        }}>Open job</Button>
      </Stack>
    </Modal>
  )
}
