import { Alert, Anchor, CloseButton, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { getJob } from '../api/endpoints'
import { errorMessage } from '../api/http'
import type { Job } from '../api/types'
import { jobFinished, jobPercent, JobProgress, useOnFinished } from './JobProgress'

/** Shows a background job's progress, polling GET /api/v1/jobs/{id} until it ends. */
export function ExportJobPanel({
  initial,
  onClose,
  onFinished,
}: {
  initial: Job
  onClose: () => void
  onFinished?: (job: Job) => void
}) {
  const query = useQuery({
    queryKey: ['job', initial.id],
    queryFn: () => getJob(initial.id),
    initialData: initial,
    staleTime: 0,
    refetchInterval: (q) => (jobFinished(q.state.data) ? false : 700),
  })
  const job = query.data ?? initial
  useOnFinished(jobFinished(job), job, onFinished)

  return (
    <JobProgress
      testId="export-job"
      title={`Background export #${job.id}`}
      state={job.state}
      stateText={
        <>
          {job.state === 'queued' && 'queued'}
          {job.state === 'running' && `running — ${job.done.toLocaleString()} of ${job.total.toLocaleString()} rows`}
          {job.state === 'succeeded' && `done — ${job.total.toLocaleString()} rows`}
          {job.state === 'failed' && 'failed'}
        </>
      }
      aside={<CloseButton size="sm" aria-label="Dismiss export" onClick={onClose} />}
      pct={jobPercent(job)}
      progressLabel="Export progress"
      progressTestId="export-progress"
    >
      {job.message && job.state !== 'succeeded' && (
        <Text size="xs" c="dimmed" mt={4}>
          {job.message}
        </Text>
      )}
      {query.isError && (
        <Alert color="red" variant="light" mt="xs">
          Could not read the job's progress: {errorMessage(query.error)}
        </Alert>
      )}
      {job.state === 'succeeded' && job.result_url && (
        <Anchor href={job.result_url} download mt="xs" display="inline-block" fw={600} data-testid="export-download">
          Download XLSX
        </Anchor>
      )}
    </JobProgress>
  )
}
