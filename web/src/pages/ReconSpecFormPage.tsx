import { useRef, useState } from 'react'
import {
  Alert,
  Anchor,
  Button,
  Code,
  Divider,
  Grid,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useParams } from 'react-router'
import { createReconSpec, getReconSpec, listClients, updateReconSpec } from '../api/endpoints'
import { ApiError, errorMessage, fieldErrorMap } from '../api/http'
import type { ReconSpec, ReconSpecInput } from '../api/types'
import { useAuth } from '../auth/AuthContext'
import { FormAlerts } from '../components/FormAlerts'
import { canWorkRecon } from '../lib/modules'
import { lineRange, locateSpecKey, SPEC_TEMPLATE, specTomlErrors, type SpecTomlError } from '../lib/recon'
import { NotFoundPage } from './NotFoundPage'
import { RecordStatus } from './RecordStatus'

export const SPEC_CONFLICT_MESSAGE = 'Someone else saved this spec since you opened it — reload to see their changes'

type Mode = 'create' | 'edit'

export function ReconSpecFormPage({ mode }: { mode: Mode }) {
  const { id } = useParams()
  const specId = Number(id)
  const { user } = useAuth()
  if (!canWorkRecon(user?.role)) return <NotFoundPage />
  if (mode === 'edit' && (!Number.isInteger(specId) || specId <= 0)) return <NotFoundPage what="spec" />
  return mode === 'create' ? <SpecForm mode="create" /> : <EditLoader specId={specId} />
}

function EditLoader({ specId }: { specId: number }) {
  const q = useQuery({ queryKey: ['recon-spec', specId], queryFn: () => getReconSpec(specId), staleTime: 0 })
  if (q.isPending || q.isError) return <RecordStatus query={q} what="spec" />
  return <SpecForm mode="edit" spec={q.data.data} etag={q.data.etag} key={specId} />
}

function ClientPicker({ value, onChange, error }: { value: string | null; onChange: (v: string | null) => void; error?: string }) {
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 250)
  const clients = useQuery({
    queryKey: ['clients', 'picker', debounced],
    queryFn: () => listClients({ q: debounced, archived: 'false', sort: 'legal_name' }, null, 50),
    staleTime: 60_000,
  })
  const data = (clients.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.legal_name }))
  return (
    <Select
      label="Client"
      description="Optional: whose records these are (their users can then see the runs); cannot change later"
      placeholder="Firm-wide (no client)"
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      error={error}
      nothingFoundMessage={clients.isFetching ? 'Searching…' : 'No such client'}
    />
  )
}

function SpecErrors({
  errors,
  toml,
  onShowLine,
}: {
  errors: SpecTomlError[]
  toml: string
  onShowLine: (line: number) => void
}) {
  if (errors.length === 0) return null
  return (
    <Alert color="red" variant="light" title="The engine refused this spec" data-testid="spec-errors">
      <List size="sm" spacing={4}>
        {errors.map((e, i) => {
          const line = e.line ?? (e.key ? locateSpecKey(toml, e.key) : null)
          return (
            <List.Item key={i}>
              {e.key && <Code fw={600}>{e.key}</Code>}
              {e.key && ': '}
              {e.message}
              {line !== null && (
                <>
                  {' '}
                  <Anchor component="button" type="button" size="sm" onClick={() => onShowLine(line)}>
                    (line {line}
                    {e.column !== null ? `, column ${e.column}` : ''})
                  </Anchor>
                </>
              )}
            </List.Item>
          )
        })}
      </List>
    </Alert>
  )
}

function SpecForm({ mode, spec, etag: initialEtag }: { mode: Mode; spec?: ReconSpec; etag?: string | null }) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [current, setCurrent] = useState<ReconSpec | undefined>(spec)
  const [etag, setEtag] = useState<string | null>(initialEtag ?? null)
  const [name, setName] = useState(spec?.name ?? '')
  const [toml, setToml] = useState(spec?.toml ?? SPEC_TEMPLATE)
  const [clientId, setClientId] = useState<string | null>(spec?.client_id ? String(spec.client_id) : null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [tomlErrors, setTomlErrors] = useState<SpecTomlError[]>([])
  const [formError, setFormError] = useState<string | null>(null)
  const [conflict, setConflict] = useState(false)
  const [saving, setSaving] = useState(false)
  const [reloading, setReloading] = useState(false)
  const tomlRef = useRef<HTMLTextAreaElement>(null)

  function showLine(line: number) {
    const el = tomlRef.current
    if (!el) return
    const [start, end] = lineRange(el.value, line)
    el.focus()
    el.setSelectionRange(start, end)
  }

  async function reload() {
    if (!current) return
    setReloading(true)
    try {
      const fresh = await getReconSpec(current.id)
      queryClient.setQueryData(['recon-spec', current.id], fresh)
      setCurrent(fresh.data)
      setEtag(fresh.etag)
      setName(fresh.data.name)
      setToml(fresh.data.toml)
      setConflict(false)
      setErrors({})
      setTomlErrors([])
      setFormError(null)
    } catch (e) {
      setFormError(errorMessage(e))
    } finally {
      setReloading(false)
    }
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault()
    setFormError(null)
    setConflict(false)
    setTomlErrors([])
    const local: Record<string, string> = {}
    if (!name.trim()) local.name = 'Give the spec a name.'
    if (!toml.trim()) local.toml = "Give the spec's TOML text."
    setErrors(local)
    if (Object.keys(local).length > 0) {
      setFormError('Please correct the highlighted fields.')
      return
    }
    setSaving(true)
    try {
      let saved: ReconSpec
      if (mode === 'create') {
        const input: ReconSpecInput = { name: name.trim(), toml }
        if (clientId) input.client_id = Number(clientId)
        const r = await createReconSpec(input)
        saved = r.data
        queryClient.setQueryData(['recon-spec', saved.id], r)
        notifications.show({ color: 'green', title: 'Spec saved', message: saved.name })
      } else {
        const patch: ReconSpecInput = {}
        if (name.trim() !== current!.name) patch.name = name.trim()
        if (toml !== current!.toml) patch.toml = toml
        if (Object.keys(patch).length === 0) {
          notifications.show({ color: 'gray', title: 'Nothing to save', message: 'You have not changed anything.' })
          setSaving(false)
          return
        }
        const r = await updateReconSpec(current!.id, patch, etag)
        saved = r.data
        queryClient.setQueryData(['recon-spec', saved.id], r)
        notifications.show({ color: 'green', title: 'Spec saved', message: `${saved.name} (version ${saved.version})` })
      }
      await queryClient.invalidateQueries({ queryKey: ['recon-specs'] })
      navigate(`/reconciliation/specs/${saved.id}`)
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.status === 412) {
          setConflict(true)
        } else if (err.status === 422 || err.status === 400) {
          const specErrs = specTomlErrors(err.fieldErrors)
          setTomlErrors(specErrs)
          const map = fieldErrorMap(err.fieldErrors.filter((f) => !specErrs.length || !/^\/?toml([./]|$)/.test(f.field)))
          if (specErrs.length > 0) map.toml = `${specErrs.length === 1 ? 'One problem' : `${specErrs.length} problems`} in the spec — see below`
          setErrors(map)
          const other = err.fieldErrors.filter((f) => !/^\/?(toml|name|client_id)([./]|$)/.test(f.field))
          setFormError([err.problem.detail || 'Please correct the highlighted fields.', ...other.map((f) => `${f.field}: ${f.message}`)].join('\n'))
        } else if (err.status === 428) {
          setFormError('The server needs the version you are editing (If-Match). Reload the spec and try again.')
        } else {
          setFormError(errorMessage(err))
        }
      } else {
        setFormError(errorMessage(err))
      }
    } finally {
      setSaving(false)
    }
  }

  const title = mode === 'create' ? 'New spec' : `Edit ${current?.name ?? 'spec'}`

  return (
    <Stack gap="md" maw={1200}>
      <div>
        <Anchor component={Link} to={current ? `/reconciliation/specs/${current.id}` : '/reconciliation/specs'} size="sm">
          ← {current ? current.name : 'Specs'}
        </Anchor>
        <Title order={2} mt={4}>
          {title}
        </Title>
      </div>

      <FormAlerts
        conflict={conflict}
        conflictMessage={SPEC_CONFLICT_MESSAGE}
        onReload={reload}
        reloading={reloading}
        formError={formError}
      />

      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Paper withBorder p="md" radius="sm">
              <Stack gap="sm">
                <Group grow align="flex-start">
                  <TextInput
                    label="Name"
                    description="How people pick the spec when they start a run"
                    required
                    value={name}
                    onChange={(e) => setName(e.currentTarget.value)}
                    error={errors.name}
                  />
                  {mode === 'create' && <ClientPicker value={clientId} onChange={setClientId} error={errors.client_id} />}
                </Group>
                <Textarea
                  label="Spec (TOML)"
                  description="Sources, key, column pairs, normalisers and tolerances — checked by the engine when you save"
                  required
                  autosize
                  minRows={18}
                  maxRows={40}
                  spellCheck={false}
                  autoCapitalize="off"
                  autoCorrect="off"
                  value={toml}
                  onChange={(e) => setToml(e.currentTarget.value)}
                  error={errors.toml}
                  // an error marks the border only: the spec stays readable while it is fixed
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13, lineHeight: 1.5, color: 'var(--mantine-color-text)' } }}
                  data-testid="spec-toml"
                  ref={tomlRef}
                />
                <SpecErrors errors={tomlErrors} toml={toml} onShowLine={showLine} />
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Paper withBorder p="md" radius="sm">
              <Title order={4} mb="xs">
                The format
              </Title>
              <Text size="sm" mb="xs">
                <Code>[left]</Code> and <Code>[right]</Code> name each side and its <Code>key</Code> columns;{' '}
                <Code>[[columns]]</Code> pairs a left column with a right one and says how to compare them.
              </Text>
              <Text size="sm" mb="xs">
                Normalisers, in order: <Code>trim</Code>, <Code>collapse_spaces</Code>, <Code>casefold</Code>,{' '}
                <Code>digits_only</Code>, <Code>map</Code>, and last one of <Code>date</Code> (with{' '}
                <Code>date_formats</Code>), <Code>money</Code> or <Code>number</Code>.
              </Text>
              <Text size="sm" mb="xs">
                Tolerances: <Code>tolerance = "0.01"</Code> (a string, not a float), <Code>relative_tolerance</Code>,{' '}
                <Code>tolerance_days = 1</Code>.
              </Text>
              <Text size="sm" c="dimmed">
                An unknown key or a bad value is refused with the key named. The full reference with worked examples is
                docs/RECONCILE.md.
              </Text>
            </Paper>
          </Grid.Col>
        </Grid>
        <Divider my="md" />
        <Group justify="flex-end">
          <Button variant="default" component={Link} to={current ? `/reconciliation/specs/${current.id}` : '/reconciliation/specs'}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {mode === 'create' ? 'Save spec' : 'Save changes'}
          </Button>
        </Group>
      </form>
    </Stack>
  )
}
