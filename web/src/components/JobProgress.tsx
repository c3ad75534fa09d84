import { useEffect, type ReactNode } from 'react'
import { Group, Paper, Progress, Text } from '@mantine/core'
import type { Job } from '../api/types'

type State = Job['state']

export function jobPercent(job: Pick<Job, 'state' | 'done' | 'total'>): number {
  if (job.state === 'succeeded') return 100
  if (!job.total || job.total <= 0) return 0
  return Math.max(0, Math.min(100, Math.round((job.done / job.total) * 100)))
}

export function jobFinished(job: { state: State } | undefined) {
  return job?.state === 'succeeded' || job?.state === 'failed'
}

/** Calls `onFinished` with `value` once `done` turns true (or at once if it already is). */
export function useOnFinished<T>(done: boolean, value: T, onFinished?: (value: T) => void) {
  useEffect(() => {
    if (done) onFinished?.(value)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [done])
}

/**
 * The panel of a background job: "<title>: <state text>" with something on the right, a progress bar coloured by
 * state (striped and moving until it ends), then `children`.
 */
export function JobProgress({
  testId,
  title,
  state,
  stateText,
  stateTestId,
  aside,
  pct,
  progressLabel,
  progressTestId,
  children,
}: {
  testId: string
  title: ReactNode
  state: State
  stateText: ReactNode
  stateTestId?: string
  aside: ReactNode
  pct: number
  progressLabel: string
  progressTestId: string
  children?: ReactNode
}) {
  const done = jobFinished({ state })
  return (
    <Paper withBorder p="sm" radius="sm" data-testid={testId} aria-live="polite">
      <Group justify="space-between" align="center" mb={6} wrap="nowrap">
        <Text size="sm" fw={600}>
          {title}:{' '}
          <Text span size="sm" c={state === 'failed' ? 'red' : state === 'succeeded' ? 'green.8' : 'dimmed'} data-testid={stateTestId}>
            {stateText}
          </Text>
        </Text>
        {aside}
      </Group>
      <Progress
        value={pct}
        animated={!done}
        striped={!done}
        color={state === 'failed' ? 'red' : state === 'succeeded' ? 'green' : 'indigo'}
        aria-label={progressLabel}
        data-testid={progressTestId}
        size="lg"
      />
      {children}
    </Paper>
  )
}
