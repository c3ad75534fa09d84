import { useState } from 'react'
import { Alert, Anchor, Button, FileInput, Group, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { listReconSources, listReconSpecs, snapshotReconSource, startReconRun, uploadReconFile, type ReconSource } from '../api/endpoints'
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
  // Either side may be concord's own records instead of a file: the source's name, or '' for a file.
  const [leftSource, setLeftSource] = useState('')
  const [rightSource, setRightSource] = useState('')
  const sources = useQuery({ queryKey: ['recon-sources'], queryFn: listReconSources, staleTime: 300_000 })
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
    if (!left && !leftSource) local.left_file_id = 'Choose the left file.'
    if (!right && !rightSource) local.right_file_id = 'Choose the right file.'
    setErrors(local)
    if (Object.keys(local).length > 0) return
    const input = async (source: string, file: File | null) => {
      setStep(source ? `Reading concord's ${source}…` : `Uploading ${file!.name}…`)
      return source ? snapshotReconSource(source) : uploadReconFile(file!, file!.name, spec?.client_id)
    }
    try {
      const l = await input(leftSource, left)
      const r = await input(rightSource, right)
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
          Compare a left and a right input with a saved spec: a file you upload (CSV or JSON Lines) or concord's own
          records. The spec's key and column names must be in the inputs' headers.
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
              <SideInput
                side="Left"
                hint="e.g. the VMS export"
                sources={sources.data?.items ?? []}
                source={leftSource}
                onSource={setLeftSource}
                file={left}
                onFile={setLeft}
                error={errors.left_file_id}
                disabled={busy}
              />
              <SideInput
                side="Right"
                hint="e.g. the client's list"
                sources={sources.data?.items ?? []}
                source={rightSource}
                onSource={setRightSource}
                file={right}
                onFile={setRight}
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

/** One side of a run: a file to upload, or concord's own records (a source snapshot taken at start). */
function SideInput(props: {
  side: 'Left' | 'Right'
  hint: string
  sources: ReconSource[]
  source: string
  onSource: (name: string) => void
  file: File | null
  onFile: (file: File | null) => void
  error?: string
  disabled: boolean
}) {
  const { side, hint, sources, source, onSource, file, onFile, error, disabled } = props
  return (
    <Stack gap={6}>
      {sources.length > 0 && (
        <Select
          label={`${side} input`}
          data={[
            { value: '', label: 'A file I upload' },
            ...sources.map((s) => ({ value: s.name, label: `concord: ${s.name}` })),
          ]}
          value={source}
          onChange={(v) => onSource(v ?? '')}
          allowDeselect={false}
          disabled={disabled}
        />
      )}
      {source ? (
        <Text size="sm" c="dimmed">
          {sources.find((s) => s.name === source)?.description} — the rows you can see, as they are when the run starts.
        </Text>
      ) : (
        <FileInput
          label={`${side} file`}
          description={file ? `${file.name} · ${formatBytes(file.size)}` : hint}
          placeholder="Choose a file"
          required
          clearable
          accept=".csv,.txt,.jsonl,.ndjson,text/csv"
          value={file}
          onChange={onFile}
          error={error}
          disabled={disabled}
        />
      )}
    </Stack>
  )
}
