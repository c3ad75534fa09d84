import { useState } from 'react'
import { Alert, Anchor, Button, FileInput, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../api/http'
import { applyVmsAudit, getRecord, listRecords, startVmsAudit, type Row } from '../../api/workforce'
import { useAuth } from '../../auth/AuthContext'
import { fieldLabel } from '../../lib/format'
import { WorkerTypeHistory } from './ConversionPanel'
import { LinkedCases } from './LinkedCases'
import { PayrollTicketsPanel } from './PayrollTicketsPanel'
import { RecordForm } from './RecordForm'
import { VmsAuditSchedule } from './VmsAuditSchedule'
import { editable, PROGRAMME_FIELDS } from './recordForms'
import { WorkerTimeline } from './WorkerTimeline'
import { StatusBadge } from './RecordListPage'
import { WorkforceNav } from './WorkforceNav'

/** A record's value as people read it: lists with commas, flags as yes/no, nothing as a dash. */
function fieldText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—'
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  return String(value)
}

function Fields({ record, fields }: { record: Row; fields: string[] }) {
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      {fields.map((f) => (
        <div key={f}>
          <Text size="xs" c="dimmed">
            {fieldLabel(f)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {fieldText(record[f])}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  )
}

/** A worker: details, assignments and the timeline of messages, calls and notes. */
export function WorkerPage() {
  const id = Number(useParams().id)
  const { user } = useAuth()
  const internal = user?.role === 'admin' || user?.role === 'manager' || user?.role === 'coordinator'
  const worker = useQuery({ queryKey: ['wf-worker', id], queryFn: () => getRecord('workers', id) })
  const assignments = useQuery({
    queryKey: ['wf-worker-assignments', id],
    queryFn: () => listRecords('assignments', { worker_id: String(id), sort: '-start_date' }),
  })
  if (!worker.data) return <Text>{worker.isError ? errorMessage(worker.error) : 'Loading…'}</Text>
  const w = worker.data
  return (
    <Stack gap="md">
      <WorkforceNav />
      <Group justify="space-between">
        <Title order={2}>
          {String(w.first_name)} {String(w.last_name)}
        </Title>
        <StatusBadge value={w.status} />
      </Group>
      <Paper withBorder p="md">
        <Fields record={w} fields={['email', 'phone', 'worker_type', 'home_country', 'home_state', 'tax_id_masked']} />
        <WorkerTypeHistory history={w.type_history} />
      </Paper>
      <Title order={4}>Assignments</Title>
      <Table withTableBorder striped>
        <Table.Tbody>
          {(assignments.data?.items ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/workforce/assignments/${a.id}`}>
                  {String(a.title)}
                </Anchor>
              </Table.Td>
              <Table.Td>{String(a.client_name)}</Table.Td>
              <Table.Td>
                {String(a.start_date)} – {String(a.end_date ?? 'open')}
              </Table.Td>
              <Table.Td>
                <StatusBadge value={a.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <LinkedCases kind="workers" id={id} />
      <PayrollTicketsPanel workerId={id} canOpen={internal} />
      {internal && <WorkerTimeline workerId={id} />}
    </Stack>
  )
}

/** A new programme for a client (then its page). */
export function NewProgrammePage() {
  const navigate = useNavigate()
  return (
    <Stack gap="md">
      <WorkforceNav />
      <RecordForm
        title="New programme"
        path="programmes"
        record={null}
        fields={PROGRAMME_FIELDS}
        onSaved={(saved) => navigate(`/workforce/programmes/${String(saved.id)}`)}
        onCancel={() => navigate('/workforce/programmes')}
      />
    </Stack>
  )
}

/** A programme: its instructions and its VMS audit (run it on this week's export, then apply the result). */
export function ProgrammePage() {
  const id = Number(useParams().id)
  const { user } = useAuth()
  const internal = user?.role === 'admin' || user?.role === 'manager' || user?.role === 'coordinator'
  const queryClient = useQueryClient()
  const programme = useQuery({ queryKey: ['wf-programme', id], queryFn: () => getRecord('programmes', id) })
  const [editing, setEditing] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  async function run() {
    if (!file) return
    try {
      const r = await startVmsAudit(id, await file.text(), file.name)
      setMessage(`Audit run #${r.run_id} started. Apply it once it has finished.`)
    } catch (e) {
      setMessage(errorMessage(e))
    }
  }
  async function apply() {
    try {
      const r = await applyVmsAudit(id)
      setMessage(
        `Run #${r.run_id}: ${r.cleared} pending VMS update(s) confirmed. Still differing: ${r.still_differing.join(', ') || 'none'}.`,
      )
      programme.refetch()
    } catch (e) {
      setMessage(errorMessage(e))
    }
  }
  if (!programme.data) return <Text>{programme.isError ? errorMessage(programme.error) : 'Loading…'}</Text>
  const p = programme.data
  return (
    <Stack gap="md">
      <WorkforceNav />
      <Group justify="space-between">
        <Title order={2}>{String(p.name)}</Title>
        <Group gap="xs">
          {internal && !editing && (
            <Button variant="default" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          <Button component={Link} to={`/workforce/programmes/${id}/templates`} variant="light" data-testid="programme-templates">
            Messages and letters
          </Button>
        </Group>
      </Group>
      {editing ? (
        <RecordForm
          key={String(p.version)}
          title="Edit the programme"
          path="programmes"
          record={p}
          fields={editable(PROGRAMME_FIELDS, ['client_id'])}
          onSaved={(saved) => {
            queryClient.setQueryData(['wf-programme', id], saved)
            setEditing(false)
          }}
          onCancel={() => setEditing(false)}
          onReload={() => void programme.refetch()}
        />
      ) : (
        <Paper withBorder p="md">
          <Fields
            record={p}
            fields={['client_name', 'msp', 'vms', 'account_executive', 'checkin_schedule', 'status', 'background_check_required', 'minimum_notice_days', 'notice_day_kind', 'required_psr_fields', 'processing_instructions']}
          />
        </Paper>
      )}
      {internal && (
        <Paper withBorder p="md">
          <Title order={4}>Weekly VMS audit</Title>
          <Group align="flex-end" mt="sm">
            <FileInput label="This week's VMS export" accept=".csv" value={file} onChange={setFile} w={320} data-testid="audit-file" />
            <Button onClick={run} disabled={!file} data-testid="audit-run">
              Run the audit
            </Button>
            <Button variant="light" onClick={apply} data-testid="audit-apply">
              Apply the latest run
            </Button>
            {p.audit_spec_id ? (
              <Anchor component={Link} to={`/reconciliation/runs?spec_id=${String(p.audit_spec_id)}`}>
                Runs and exceptions
              </Anchor>
            ) : null}
          </Group>
          {message && (
            <Alert mt="sm" data-testid="audit-message">
              {message}
            </Alert>
          )}
          <Title order={5} mt="md" mb={4}>
            Weekly schedule
          </Title>
          <VmsAuditSchedule programmeId={id} canSchedule={user?.role === 'admin' || user?.role === 'manager'} />
        </Paper>
      )}
    </Stack>
  )
}
