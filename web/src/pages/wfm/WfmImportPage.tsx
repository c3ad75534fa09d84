import { useState } from 'react'
import { Alert, Button, Code, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import { getJob } from '../../api/endpoints'
import { ApiError, errorMessage } from '../../api/http'
import { importCallDetail, importSchedule, importShifts, type WfmImportJob, type WfmImportReport } from '../../api/wfm'
import { useAuth } from '../../auth/AuthContext'
import { JobProgress, jobFinished, jobPercent } from '../../components/JobProgress'
import { humanize } from '../../lib/format'
import { parseImportError, type ImportErrorRow } from '../../lib/importErrors'
import { NotFoundPage } from '../NotFoundPage'
import { canPlanWfm, WfmHeader } from './WfmLayout'

function ErrorTable({ detail, rows }: { detail: string; rows: ImportErrorRow[] }) {
  return (
    <Alert color="red" variant="light" title="Nothing was imported" role="alert" data-testid="wfm-import-errors">
      <Text size="sm" mb="xs">{detail}</Text>
      <Table verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr><Table.Th>Line</Table.Th><Table.Th>Column</Table.Th><Table.Th>Problem</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}><Table.Td>{r.line ?? '—'}</Table.Td><Table.Td>{r.column ?? '—'}</Table.Td><Table.Td>{r.message}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  )
}

function invalid(e: unknown): { detail: string; rows: ImportErrorRow[] } | null {
  if (e instanceof ApiError && e.status === 422) return { detail: e.problem.detail || 'The file has errors.', rows: e.fieldErrors.map(parseImportError) }
  return null
}

type CsvKind = 'schedule' | 'roster'

/** One all-or-nothing CSV upload whose report comes back at once (the schedule, the roster). */
function CsvSection({ title, help, label, placeholder, button, file, onFile, busy, onImport, result, testId }: {
  title: string
  help: React.ReactNode
  label: string
  placeholder: string
  button: string
  file: File | null
  onFile: (f: File | null) => void
  busy: boolean
  onImport: () => void
  result: string | null
  testId: string
}) {
  return (
    <Paper withBorder p="md" radius="sm">
      <Stack gap="sm">
        <Title order={4}>{title}</Title>
        <Text size="sm">{help}</Text>
        <Group align="flex-end" gap="sm">
          <FileInput label={label} placeholder={placeholder} accept=".csv,text/csv" value={file} onChange={onFile} w={320} clearable />
          <Button onClick={onImport} loading={busy} disabled={!file}>{button}</Button>
        </Group>
        {result && (
          <Text size="sm" c="green.8" data-testid={testId}>
            {result}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}

/** Upload a phone system's call detail (checked at once, saved by a job with progress), schedules and rosters. */
export function WfmImportPage() {
  const { user } = useAuth()
  const queryClient = useQueryClient()
  const [calls, setCalls] = useState<File | null>(null)
  const [schedule, setSchedule] = useState<File | null>(null)
  const [roster, setRoster] = useState<File | null>(null)
  const [jobId, setJobId] = useState<number | null>(null)
  const [busy, setBusy] = useState<'calls' | CsvKind | null>(null)
  const [errors, setErrors] = useState<{ detail: string; rows: ImportErrorRow[] } | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [report, setReport] = useState<{ kind: CsvKind; report: WfmImportReport } | null>(null)
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: async () => {
      const j = (await getJob(jobId!)) as WfmImportJob
      if (jobFinished(j)) void queryClient.invalidateQueries({ queryKey: ['wfm'] })
      return j
    },
    enabled: jobId !== null,
    refetchInterval: (q) => (jobFinished(q.state.data) ? false : 500),
  })

  if (!canPlanWfm(user?.role)) return <NotFoundPage />

  async function upload(kind: 'calls' | CsvKind) {
    const file = { calls, schedule, roster }[kind]
    if (!file) return
    setBusy(kind)
    setErrors(null)
    setFailure(null)
    setReport(null)
    try {
      const text = await file.text()
      if (kind === 'calls') setJobId((await importCallDetail(text, file.name)).id)
      else {
        const imported = kind === 'schedule' ? await importSchedule(text, file.name) : await importShifts(text, file.name)
        setReport({ kind, report: imported })
        await queryClient.invalidateQueries({ queryKey: ['wfm'] })
      }
    } catch (e) {
      const bad = invalid(e)
      if (bad) setErrors(bad)
      else setFailure(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const j = job.data
  return (
    <Stack gap="md" maw={1000}>
      <WfmHeader subtitle="Bring in call detail from the phone system and the schedule from the rostering tool" />
      <Paper withBorder p="md" radius="sm">
        <Stack gap="sm">
          <Title order={4}>Call detail (CSV)</Title>
          <Text size="sm">
            Columns <Code>call_id</Code>, <Code>queue</Code>, <Code>arrived_at</Code> (RFC 3339 with offset), <Code>outcome</Code>{' '}
            (answered/abandoned), <Code>handle_s</Code>, optional <Code>wait_s</Code>; other columns are ignored. The whole file is checked
            first and saved in one go or not at all; the same file twice changes nothing. A new queue key makes a new queue.
          </Text>
          <Group align="flex-end" gap="sm">
            <FileInput label="Call-detail file" placeholder="calls.csv" accept=".csv,text/csv" value={calls} onChange={setCalls} w={320} clearable />
            <Button onClick={() => upload('calls')} loading={busy === 'calls'} disabled={!calls}>Import calls</Button>
          </Group>
          {j && (
            <JobProgress
              testId="wfm-import-job"
              title="Importing calls"
              state={j.state}
              stateText={j.state === 'failed' ? j.message || 'failed' : j.message || humanize(j.state)}
              stateTestId="wfm-import-state"
              aside={<Text size="sm" c="dimmed">{jobPercent(j)} %</Text>}
              pct={jobPercent(j)}
              progressLabel="Import progress"
              progressTestId="wfm-import-progress"
            >
              {j.state === 'succeeded' && j.result && (
                <Text size="sm" mt="xs" data-testid="wfm-import-result">
                  {j.result.rows?.toLocaleString()} calls: {j.result.created?.toLocaleString()} new, {j.result.updated} changed,{' '}
                  {j.result.unchanged?.toLocaleString()} already there; {j.result.queues_created} new queue(s).{' '}
                  <Link to="/staffing/forecasts">Forecast a queue →</Link>
                </Text>
              )}
            </JobProgress>
          )}
        </Stack>
      </Paper>
      <CsvSection
        title="Schedule (CSV)"
        help={
          <>
            Columns <Code>queue</Code>, <Code>date</Code> (YYYY-MM-DD), <Code>start</Code> (HH:MM local, on an interval boundary),{' '}
            <Code>scheduled</Code> (positions). Intervals not in the file keep what they had.
          </>
        }
        label="Schedule file"
        placeholder="schedule.csv"
        button="Import schedule"
        file={schedule}
        onFile={setSchedule}
        busy={busy === 'schedule'}
        onImport={() => void upload('schedule')}
        result={report?.kind === 'schedule' ? `${report.report.rows} intervals read, ${report.report.updated} changed.` : null}
        testId="wfm-schedule-result"
      />
      <CsvSection
        title="Roster of agents' shifts (CSV)"
        help={
          <>
            Columns <Code>agent</Code>, <Code>queue</Code>, <Code>date</Code> (YYYY-MM-DD), <Code>start</Code>, <Code>end</Code> (HH:MM
            local; an end at or before the start runs past midnight). Each queue and date in the file gets exactly its rows; on those days the
            scheduled positions are the agents rostered for the whole interval.
          </>
        }
        label="Roster file"
        placeholder="roster.csv"
        button="Import roster"
        file={roster}
        onFile={setRoster}
        busy={busy === 'roster'}
        onImport={() => void upload('roster')}
        result={report?.kind === 'roster' ? `${report.report.rows} shifts read, ${report.report.updated} changed.` : null}
        testId="wfm-roster-result"
      />
      {errors && <ErrorTable detail={errors.detail} rows={errors.rows} />}
      {failure && <Alert color="red" title="Import failed">{failure}</Alert>}
    </Stack>
  )
}
