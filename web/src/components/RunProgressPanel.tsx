import { Alert, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { getJob, getReconRun } from '../api/endpoints'
import { errorMessage } from '../api/http'
import type { ReconRun } from '../api/types'
import { jobFinished, jobPercent, JobProgress, useOnFinished } from './JobProgress'

export function runFinished(run: Pick<ReconRun, 'state'> | undefined) {
  return jobFinished(run)
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
  const pct = run.state === 'succeeded' ? 100 : job.data ? jobPercent(job.data) : 0
  const phase = job.data?.message
  useOnFinished(runFinished(run), run, onFinished)

  return (
    <JobProgress
      testId="run-job"
      title={`Run #${run.id}`}
      state={run.state}
      stateTestId="run-job-state"
      stateText={
        <>
          {run.state === 'queued' && 'queued — waiting for a worker'}
          {run.state === 'running' && `running — ${phase || 'working'} (${pct}%)`}
          {run.state === 'succeeded' && 'done'}
          {run.state === 'failed' && 'failed'}
        </>
      }
      aside={
        <Text size="xs" c="dimmed">
          {run.spec_name}
        </Text>
      }
      pct={pct}
      progressLabel="Run progress"
      progressTestId="run-progress"
    >
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
    </JobProgress>
  )
}
