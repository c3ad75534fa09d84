import { useState } from 'react'
import { Alert, Anchor, Button, FileInput, Group, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { listReconSpecs, startReconRun, uploadReconFile } from '../api/endpoints'
import { ApiError, errorMessage, fieldErrorMap } from '../api/http'
import type { ReconRun } from '../api/types'
import { useAuth } from '../auth/AuthContext'
import { RunProgressPanel } from '../components/RunProgressPanel'
import { canWorkRecon } from '../lib/modules'
import { formatBytes } from '../lib/recon'
import { NotFoundPage } from './NotFoundPage'

export function ReconStartRunPage() {
  const { user } = useAuth()
  if (!canWorkRecon(user?.role)) return <NotFoundPage />
  return <StartRun />
}

function StartRun() {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [params] = useSearchParams()
  const [specId, setSpecId] = useState<string | null>(params.get('spec_id'))
  const [left, setLeft] = useState<File | null>(null)
  const [right, setRight] = useState<File | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [step, setStep] = useState<string | null>(null)
  const [run, setRun] = useState<ReconRun | null>(null)
  const [failed, setFailed] = useState<ReconRun | null>(null)

  const specs = useQuery({ queryKey: ['recon-specs', 'all'], queryFn: () => listReconSpecs(undefined, null, 500), staleTime: 60_000 })
  const specOptions = (specs.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name }))
  const spec = specs.data?.items.find((s) => String(s.id) === specId)

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault()
    setFormError(null)
    const local: Record<string, string> = {}
    if (!specId) local.spec_id = 'Choose a saved spec.'
    if (!left) local.left_file_id = 'Choose the left file.'
    if (!right) local.right_file_id = 'Choose the right file.'
    setErrors(local)
    if (Object.keys(local).length > 0) return
    try {
      setStep(`Uploading ${left!.name}…`)
      const l = await uploadReconFile(left!, left!.name, spec?.client_id)
      setStep(`Uploading ${right!.name}…`)
      const r = await uploadReconFile(right!, right!.name, spec?.client_id)
      setStep('Starting the run…')
      const started = await startReconRun(Number(specId), l.id, r.id)
      setRun(started)
      void queryClient.invalidateQueries({ queryKey: ['recon-runs'] })
    } catch (err) {
      if (err instanceof ApiError && (err.status === 422 || err.status === 400)) {
        const map = fieldErrorMap(err.fieldErrors)
        if (map.body) map.left_file_id = map.body
        setErrors(map)
        setFormError(
          [err.problem.detail || 'Please correct the highlighted fields.', ...err.fieldErrors.map((f) => `${f.field}: ${f.message}`)].join('\n'),
        )
      } else {
        setFormError(errorMessage(err))
      }
    } finally {
      setStep(null)
    }
  }

  function onFinished(r: ReconRun) {
    void queryClient.invalidateQueries({ queryKey: ['recon-runs'] })
    // a moment on the full bar, so the person sees it finish, then the run's page
    if (r.state === 'succeeded') setTimeout(() => navigate(`/reconciliation/runs/${r.id}`), 700)
    else setFailed(r)
  }

  const busy = step !== null || (run !== null && failed === null)

  return (
    <Stack gap="md" maw={820}>
      <div>
        <Anchor component={Link} to="/reconciliation/runs" size="sm">
          ← Runs
        </Anchor>
        <Title order={2} mt={4}>
          Start a run
        </Title>
        <Text size="sm" c="dimmed">
          Compare a left and a right file (CSV, or JSON Lines) with a saved spec. The spec's key and column names must be in
          the files' headers.
        </Text>
      </div>

      {formError && (
        <Alert color="red" variant="light" role="alert" title="Not started" className="pre-wrap" data-testid="form-error">
          {formError}
        </Alert>
      )}

      <form onSubmit={onSubmit} noValidate aria-label="Start a run">
        <Paper withBorder p="md" radius="sm">
          <Stack gap="sm">
            <Select
              label="Spec"
              description={
                specs.data && specOptions.length === 0 ? (
                  <>
                    No saved specs yet —{' '}
                    <Anchor component={Link} to="/reconciliation/specs/new" size="xs">
                      create one
                    </Anchor>
                  </>
                ) : (
                  'The saved spec that says how to pair and compare the records'
                )
              }
              placeholder="Choose a spec"
              required
              searchable
              data={specOptions}
              value={specId}
              onChange={setSpecId}
              error={errors.spec_id}
              disabled={busy}
              nothingFoundMessage="No such spec"
            />
            <Group grow align="flex-start">
              <FileInput
                label="Left file"
                description={left ? `${left.name} · ${formatBytes(left.size)}` : 'e.g. the VMS export'}
                placeholder="Choose a file"
                required
                clearable
                accept=".csv,.txt,.jsonl,.ndjson,text/csv"
                value={left}
                onChange={setLeft}
                error={errors.left_file_id}
                disabled={busy}
              />
              <FileInput
                label="Right file"
                description={right ? `${right.name} · ${formatBytes(right.size)}` : "e.g. concord's assignments"}
                placeholder="Choose a file"
                required
                clearable
                accept=".csv,.txt,.jsonl,.ndjson,text/csv"
                value={right}
                onChange={setRight}
                error={errors.right_file_id}
                disabled={busy}
              />
            </Group>
            <Group justify="space-between">
              <Text size="sm" c="dimmed" aria-live="polite">
                {step}
              </Text>
              <Group gap="xs">
                <Button variant="default" component={Link} to="/reconciliation/runs">
                  Cancel
                </Button>
                <Button type="submit" loading={step !== null} disabled={busy}>
                  Upload and start
                </Button>
              </Group>
            </Group>
          </Stack>
        </Paper>
      </form>

      {run && <RunProgressPanel key={run.id} initial={run} onFinished={onFinished} />}
      {failed && (
        <Group gap="xs">
          <Button component={Link} to={`/reconciliation/runs/${failed.id}`} variant="default">
            Open run #{failed.id}
          </Button>
          <Button
            variant="subtle"
            onClick={() => {
              setRun(null)
              setFailed(null)
            }}
          >
            Try again
          </Button>
        </Group>
      )}
    </Stack>
  )
}
