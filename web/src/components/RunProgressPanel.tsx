import { useEffect } from 'react'
import { Alert, Group, Paper, Progress, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { getJob, getReconRun } from '../api/endpoints'
import { errorMessage } from '../api/http'
import type { Job, ReconRun } from '../api/types'
import { jobPercent } from './ExportJobPanel'

function jobFinished(job: Job | undefined) {
  return job?.state === 'succeeded' || job?.state === 'failed'
}
export function runFinished(run: Pick<ReconRun, 'state'> | undefined) {
  return run?.state === 'succeeded' || run?.state === 'failed'
}

/**
 * A run's progress bar: polls its job (GET /api/v1/jobs/{id}: done/total and the engine's phase) and the run
 * itself (its state is the last word) until the run ends, then calls `onFinished` once.
 */
export function RunProgressPanel({ initial, onFinished }: { initial: ReconRun; onFinished?: (run: ReconRun) => void }) {
  const job = useQuery({
    queryKey: ['job', initial.job_id],
    queryFn: () => getJob(initial.job_id!),
    enabled: initial.job_id !== null,
    retry: false,
    staleTime: 0,
    refetchInterval: (q) => (jobFinished(q.state.data) || q.state.status === 'error' ? false : 700),
  })
  const runQ = useQuery({
    queryKey: ['recon-run', initial.id],
    queryFn: () => getReconRun(initial.id),
    initialData: initial,
    staleTime: 0,
    refetchInterval: (q) => (runFinished(q.state.data) ? false : 1000),
  })
  const run = runQ.data ?? initial
  const done = runFinished(run)
  const pct = run.state === 'succeeded' ? 100 : job.data ? jobPercent(job.data) : 0
  const phase = job.data?.message

  useEffect(() => {
    if (done) onFinished?.(run)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [done])

  return (
    <Paper withBorder p="sm" radius="sm" data-testid="run-job" aria-live="polite">
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Text size="sm" fw={600}>
          Run #{run.id}:{' '}
          <Text span size="sm" c={run.state === 'failed' ? 'red' : run.state === 'succeeded' ? 'green.8' : 'dimmed'} data-testid="run-job-state">
            {run.state === 'queued' && 'queued — waiting for a worker'}
            {run.state === 'running' && `running — ${phase || 'working'} (${pct}%)`}
            {run.state === 'succeeded' && 'done'}
            {run.state === 'failed' && 'failed'}
          </Text>
        </Text>
        <Text size="xs" c="dimmed">
          {run.spec_name}
        </Text>
      </Group>
      <Progress
        value={pct}
        animated={!done}
        striped={!done}
        color={run.state === 'failed' ? 'red' : run.state === 'succeeded' ? 'green' : 'indigo'}
        aria-label="Run progress"
        data-testid="run-progress"
        size="lg"
      />
      {run.state === 'failed' && run.error && (
        <Text size="sm" c="red" mt={6} className="pre-wrap">
          {run.error}
        </Text>
      )}
      {runQ.isError && (
        <Alert color="red" variant="light" mt="xs">
          Could not read the run's progress: {errorMessage(runQ.error)}
        </Alert>
      )}
    </Paper>
  )
}
