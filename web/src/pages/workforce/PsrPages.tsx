import { useState } from 'react'
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../api/http'
import { convertPsr, getRecord, importPsrs, type PsrImportResult, type Row } from '../../api/workforce'
import { humanize } from '../../lib/format'
import { useAuth } from '../../auth/AuthContext'
import { LinkedCases } from './LinkedCases'
import { RecordForm } from './RecordForm'
import { editable, PSR_FORM_FIELDS } from './recordForms'
import { StatusBadge } from './RecordListPage'
import { VmsImportPage } from './VmsImportPage'
import { WorkforceNav } from './WorkforceNav'

/** Import a VMS export through the programme's field mapping: a dry run first, then all or nothing. */
export function PsrImportPage() {
  return (
    <VmsImportPage<PsrImportResult>
      title="Import a VMS export"
      description="Work orders become PSRs through the programme's VMS field mapping (Fieldglass, Beeline, VNDLY). The whole file is checked first; one bad cell and nothing is imported. Importing the same file again changes nothing."
      fileLabel="VMS export (CSV)"
      testId="psr"
      dryRun
      run={importPsrs}
      resultTitle={(r) => (r.dry_run ? 'The file is valid (nothing saved)' : 'Imported')}
      resultText={(r) => (
        <>
          {r.created} new, {r.updated} updated, {r.unchanged} unchanged; {r.needs_details} need details from the client or MSP.{' '}
          {!r.dry_run && (
            <Anchor component={Link} to="/workforce/psrs?sort=-updated_at">
              See the PSRs
            </Anchor>
          )}
        </>
      )}
    />
  )
}

const PSR_FIELDS = [
  'vms_work_order_id',
  'worker_first_name',
  'worker_last_name',
  'worker_email',
  'worker_type',
  'title',
  'manager_name',
  'manager_email',
  'location',
  'work_state',
  'cost_centre',
  'start_date',
  'end_date',
  'pay_rate',
  'bill_rate',
]

/** A PSR entered by hand, from the client's own system (then its page, with what is still missing). */
export function NewPsrPage() {
  const navigate = useNavigate()
  return (
    <Stack gap="md">
      <WorkforceNav />
      <RecordForm
        title="Enter a PSR"
        path="psrs"
        record={null}
        fields={PSR_FORM_FIELDS}
        onSaved={(saved) => navigate(`/workforce/psrs/${String(saved.id)}`)}
        onCancel={() => navigate('/workforce/psrs')}
      />
    </Stack>
  )
}

export function PsrPage() {
  const id = Number(useParams().id)
  const navigate = useNavigate()
  const { user } = useAuth()
  const internal = user?.role === 'admin' || user?.role === 'manager' || user?.role === 'coordinator'
  const queryClient = useQueryClient()
  const psr = useQuery({ queryKey: ['wf-psr', id], queryFn: () => getRecord('psrs', id) })
  const [editing, setEditing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!psr.data) return <Text>{psr.isError ? errorMessage(psr.error) : 'Loading…'}</Text>
  const p = psr.data as Row & { missing: string[]; status: string; assignment_id: number | null }
  async function convert() {
    try {
      const a = await convertPsr(p)
      navigate(`/workforce/assignments/${a.id}`)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  return (
    <Stack gap="md">
      <WorkforceNav />
      <Group justify="space-between">
        <Title order={2}>PSR {String(p.vms_work_order_id ?? `#${p.id}`)}</Title>
        <StatusBadge value={p.status} />
      </Group>
      {p.missing?.length > 0 && (
        <Alert color="orange" title="Details still missing (a task is open for the client/MSP)" data-testid="psr-missing">
          {p.missing.map(humanize).join(', ')}
        </Alert>
      )}
      {editing ? (
        <RecordForm
          key={String(p.version)}
          title="Fill in the PSR's details"
          path="psrs"
          record={p}
          fields={editable(PSR_FORM_FIELDS, ['programme_id'])}
          onSaved={(saved) => {
            queryClient.setQueryData(['wf-psr', id], saved)
            setEditing(false)
          }}
          onCancel={() => setEditing(false)}
          onReload={() => void psr.refetch()}
        />
      ) : (
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 2, md: 3 }}>
            {PSR_FIELDS.map((f) => (
              <div key={f}>
                <Text size="xs" c="dimmed">
                  {f === 'vms_work_order_id' ? 'Work order' : humanize(f)}
                </Text>
                <Text size="sm">{f === 'worker_type' ? humanize(p[f] as string | null) : String(p[f] ?? '—')}</Text>
              </div>
            ))}
          </SimpleGrid>
        </Paper>
      )}
      {error && <Alert color="red">{error}</Alert>}
      <Group>
        {internal && !editing && (p.status === 'waiting' || p.status === 'needs_details') && (
          <Button variant="default" onClick={() => setEditing(true)} data-testid="psr-edit">
            Edit details
          </Button>
        )}
        {p.status === 'waiting' && (
          <Button onClick={convert} data-testid="psr-convert">
            Create the assignment
          </Button>
        )}
        {p.assignment_id && (
          <Button component={Link} to={`/workforce/assignments/${p.assignment_id}`} variant="light">
            Open the assignment
          </Button>
        )}
      </Group>
      <LinkedCases kind="psrs" id={id} />
    </Stack>
  )
}
