import { useState } from 'react'
import { Alert, Anchor, Button, FileInput, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams } from 'react-router'
import { ApiError, errorMessage } from '../../api/http'
import { convertPsr, getRecord, importPsrs, listRecords, type PsrImportResult, type Row } from '../../api/workforce'
import { humanize } from '../../lib/format'
import { StatusBadge } from './RecordListPage'
import { WorkforceNav } from './WorkforceNav'

/** Import a VMS export through the programme's field mapping: a dry run first, then all or nothing. */
export function PsrImportPage() {
  const programmes = useQuery({ queryKey: ['wf-programmes-all'], queryFn: () => listRecords('programmes', {}, null, 500) })
  const [programme, setProgramme] = useState<string | null>(null)
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState<PsrImportResult | null>(null)
  const [errors, setErrors] = useState<{ message: string; fields: { field: string; message: string }[] } | null>(null)
  const [busy, setBusy] = useState(false)
  async function run(dryRun: boolean) {
    if (!programme || !file) return
    setBusy(true)
    setErrors(null)
    try {
      setResult(await importPsrs(Number(programme), await file.text(), file.name, dryRun))
    } catch (e) {
      setResult(null)
      setErrors({ message: errorMessage(e), fields: e instanceof ApiError ? e.fieldErrors : [] })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Stack gap="md">
      <WorkforceNav />
      <Title order={2}>Import a VMS export</Title>
      <Text size="sm" c="dimmed">
        Work orders become PSRs through the programme's VMS field mapping (Fieldglass, Beeline, VNDLY). The whole file is
        checked first; one bad cell and nothing is imported. Importing the same file again changes nothing.
      </Text>
      <Paper withBorder p="md">
        <Stack>
          <Select
            label="Programme"
            data={(programmes.data?.items ?? []).map((p) => ({
              value: String(p.id),
              label: `${String(p.client_name)} — ${String(p.name)} (${String(p.vms)})`,
            }))}
            value={programme}
            onChange={setProgramme}
            searchable
          />
          <FileInput label="VMS export (CSV)" accept=".csv,text/csv" value={file} onChange={setFile} data-testid="psr-file" />
          <Group>
            <Button variant="default" onClick={() => run(true)} loading={busy} disabled={!programme || !file}>
              Check (dry run)
            </Button>
            <Button onClick={() => run(false)} loading={busy} disabled={!programme || !file} data-testid="psr-import">
              Import
            </Button>
          </Group>
        </Stack>
      </Paper>
      {result && (
        <Alert color="green" title={result.dry_run ? 'The file is valid (nothing saved)' : 'Imported'} data-testid="psr-import-result">
          {result.created} new, {result.updated} updated, {result.unchanged} unchanged; {result.needs_details} need details
          from the client or MSP.{' '}
          {!result.dry_run && (
            <Anchor component={Link} to="/workforce/psrs?sort=-updated_at">
              See the PSRs
            </Anchor>
          )}
        </Alert>
      )}
      {errors && (
        <Alert color="red" title={errors.message} data-testid="psr-import-errors">
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {errors.fields.slice(0, 50).map((f, i) => (
              <li key={i}>
                <b>{f.field}</b>: {f.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </Stack>
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

export function PsrPage() {
  const id = Number(useParams().id)
  const navigate = useNavigate()
  const psr = useQuery({ queryKey: ['wf-psr', id], queryFn: () => getRecord('psrs', id) })
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
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 3 }}>
          {PSR_FIELDS.map((f) => (
            <div key={f}>
              <Text size="xs" c="dimmed">
                {humanize(f)}
              </Text>
              <Text size="sm">{String(p[f] ?? '—')}</Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
      {error && <Alert color="red">{error}</Alert>}
      <Group>
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
    </Stack>
  )
}
