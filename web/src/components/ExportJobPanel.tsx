import { useEffect } from 'react'
import { Alert, Anchor, Group, Paper, Progress, Text, CloseButton } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { getJob } from '../api/endpoints'
import { errorMessage } from '../api/http'
import type { Job } from '../api/types'

export function jobPercent(job: Pick<Job, 'state' | 'done' | 'total'>): number {
  if (job.state === 'succeeded') return 100
  if (!job.total || job.total <= 0) return 0
  return Math.max(0, Math.min(100, Math.round((job.done / job.total) * 100)))
}

function finished(job: Job | undefined) {
  return job?.state === 'succeeded' || job?.state === 'failed'
}

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
    refetchInterval: (q) => (finished(q.state.data) ? false : 700),
  })
  const job = query.data ?? initial
  const pct = jobPercent(job)
  const done = finished(job)

  useEffect(() => {
    if (done) onFinished?.(job)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [done])

  return (
    <Paper withBorder p="sm" radius="sm" data-testid="export-job" aria-live="polite">
      <Group justify="space-between" align="center" mb={6} wrap="nowrap">
        <Text size="sm" fw={600}>
          Background export #{job.id}:{' '}
          <Text span size="sm" c={job.state === 'failed' ? 'red' : job.state === 'succeeded' ? 'green.8' : 'dimmed'}>
            {job.state === 'queued' && 'queued'}
            {job.state === 'running' && `running — ${job.done.toLocaleString()} of ${job.total.toLocaleString()} rows`}
            {job.state === 'succeeded' && `done — ${job.total.toLocaleString()} rows`}
            {job.state === 'failed' && 'failed'}
          </Text>
        </Text>
        <CloseButton size="sm" aria-label="Dismiss export" onClick={onClose} />
      </Group>
      <Progress
        value={pct}
        animated={!done}
        striped={!done}
        color={job.state === 'failed' ? 'red' : job.state === 'succeeded' ? 'green' : 'indigo'}
        aria-label="Export progress"
        data-testid="export-progress"
        size="lg"
      />
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
    </Paper>
  )
}
