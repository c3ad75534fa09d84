import { Alert, Anchor, Badge, Code, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useParams, useSearchParams } from 'react-router'
import { getReconRun } from '../api/endpoints'
import type { ReconRun } from '../api/types'
import { useAuth } from '../auth/AuthContext'
import { Field } from '../components/Field'
import { ReconItemsTable } from '../components/ReconItemsTable'
import { ReconBarChart, ReconStatCards } from '../components/ReconSummary'
import { RunProgressPanel, runFinished } from '../components/RunProgressPanel'
import { formatDateTime, humanize } from '../lib/format'
import { canWorkRecon } from '../lib/modules'
import { RUN_STATE_COLORS, shortHash } from '../lib/recon'
import { NotFoundPage } from './NotFoundPage'
import { RecordStatus } from './RecordStatus'

export function ReconRunPage() {
  const { id } = useParams()
  const runId = Number(id)
  if (!Number.isInteger(runId) || runId <= 0) return <NotFoundPage what="run" />
  return <RunView runId={runId} key={runId} />
}

function RunView({ runId }: { runId: number }) {
  const { user } = useAuth()
  const queryClient = useQueryClient()
  const [params, setParams] = useSearchParams()
  const q = useQuery({
    queryKey: ['recon-run', runId],
    queryFn: () => getReconRun(runId),
    refetchInterval: (query) => (query.state.data && !runFinished(query.state.data) ? 1000 : false),
  })

  if (q.isPending || q.isError) return <RecordStatus query={q} what="run" />
  const run = q.data
  const finished = runFinished(run)
  const s = run.summary ?? {}

  function onFinished(r: ReconRun) {
    queryClient.setQueryData(['recon-run', r.id], r)
    void queryClient.invalidateQueries({ queryKey: ['recon-items'] })
    void queryClient.invalidateQueries({ queryKey: ['recon-runs'] })
  }

  function pickKind(kind: string | null) {
    const next = new URLSearchParams(params)
    if (kind) next.set('kind', kind)
    else next.delete('kind')
    setParams(next, { replace: true })
  }

  return (
    <Stack gap="md" maw={1400}>
      <div>
        <Anchor component={Link} to="/reconciliation/runs" size="sm">
          ← Runs
        </Anchor>
        <Group gap="sm" mt={4}>
          <Title order={2} data-testid="run-title">
            Run #{run.id}
          </Title>
          <Badge variant="light" color={RUN_STATE_COLORS[run.state] ?? 'gray'} size="lg" data-testid="run-state">
            {humanize(run.state)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Spec{' '}
          <Anchor component={Link} to={`/reconciliation/specs/${run.spec_id}`} size="sm">
            {run.spec_name}
          </Anchor>{' '}
          (version {run.spec_version}) · started {formatDateTime(run.created_at)}
          {run.finished_at ? ` · finished ${formatDateTime(run.finished_at)}` : ''}
        </Text>
      </div>

      {!finished && <RunProgressPanel initial={run} onFinished={onFinished} />}
      {run.state === 'failed' && (
        <Alert color="red" variant="light" title="The run failed" className="pre-wrap" data-testid="run-error">
          {run.error || 'No reason was recorded.'}
        </Alert>
      )}

      {run.state === 'succeeded' ? (
        <>
          <div>
            <ReconStatCards summary={s} activeKind={params.get('kind')} onPickKind={pickKind} />
            <Text size="xs" c="dimmed" mt={6}>
              {s.duplicate_left_rows || s.duplicate_right_rows
                ? `Duplicate keys cover ${(s.duplicate_left_rows ?? 0).toLocaleString()} left and ${(s.duplicate_right_rows ?? 0).toLocaleString()} right rows; none were paired or dropped. `
                : ''}
              Click a card to filter the exceptions by it.
            </Text>
          </div>
          <Grid gap="md" align="stretch">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <ReconBarChart summary={s} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <RunInfo run={run} />
            </Grid.Col>
          </Grid>
          <ReconItemsTable runId={run.id} editable={canWorkRecon(user?.role)} />
        </>
      ) : (
        <RunInfo run={run} />
      )}
    </Stack>
  )
}

function RunInfo({ run }: { run: ReconRun }) {
  const s = run.summary ?? {}
  const finished = runFinished(run)
  return (
    <Paper withBorder p="md" radius="sm" h="100%">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Field label="Left input">
          <span style={{ wordBreak: 'break-all' }}>{run.left.name || '—'}</span>
          <br />
          <Code title={run.left.sha256 ?? undefined}>sha256 {shortHash(run.left.sha256)}</Code>
        </Field>
        <Field label="Right input">
          <span style={{ wordBreak: 'break-all' }}>{run.right.name || '—'}</span>
          <br />
          <Code title={run.right.sha256 ?? undefined}>sha256 {shortHash(run.right.sha256)}</Code>
        </Field>
        <Field label="Rows read">
          {finished && s.left_rows !== undefined
            ? `${s.left_rows.toLocaleString()} left · ${(s.right_rows ?? 0).toLocaleString()} right`
            : '—'}
          {s.spilled ? (
            <Text size="xs" c="dimmed">
              partitioned to disk
            </Text>
          ) : null}
        </Field>
        <Field label="Work items">
          {finished && s.items !== undefined ? (
            <span data-testid="run-items-summary">
              {(s.items_opened ?? 0).toLocaleString()} opened · {(s.items_linked ?? 0).toLocaleString()} carried over
              from earlier runs · {(s.items_closed ?? 0).toLocaleString()} closed (no longer differ)
            </span>
          ) : (
            '—'
          )}
          {s.superseded ? (
            <Text size="xs" c="orange.8">
              A newer run of this spec had already updated the items; this run changed none.
            </Text>
          ) : null}
        </Field>
      </SimpleGrid>
    </Paper>
  )
}
