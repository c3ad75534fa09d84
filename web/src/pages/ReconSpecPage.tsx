import { useState } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Grid,
  Group,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { getReconSpec, listReconRuns, scheduleReconSpec, unscheduleReconSpec, type Versioned } from '../api/endpoints'
import { ApiError, errorMessage, fieldErrorMap } from '../api/http'
import type { ReconSpec } from '../api/types'
import { useAuth } from '../auth/AuthContext'
import { formatDateTime, humanize } from '../lib/format'
import { canScheduleRecon, canWorkRecon } from '../lib/modules'
import { RUN_STATE_COLORS, runExceptions } from '../lib/recon'
import { NotFoundPage } from './NotFoundPage'
import { SPEC_CONFLICT_MESSAGE } from './ReconSpecFormPage'
import { RecordStatus } from './RecordStatus'

export function ReconSpecPage() {
  const { id } = useParams()
  const specId = Number(id)
  if (!Number.isInteger(specId) || specId <= 0) return <NotFoundPage what="spec" />
  return <SpecView specId={specId} key={specId} />
}

function SpecView({ specId }: { specId: number }) {
  const { user } = useAuth()
  const q = useQuery({ queryKey: ['recon-spec', specId], queryFn: () => getReconSpec(specId) })
  const runs = useQuery({ queryKey: ['recon-runs', { spec_id: String(specId), recent: true }], queryFn: () => listReconRuns({ spec_id: String(specId) }, null, 10) })

  if (q.isPending || q.isError) return <RecordStatus query={q} what="spec" />
  const spec = q.data.data
  const editable = canWorkRecon(user?.role)

  return (
    <Stack gap="md" maw={1300}>
      <div>
        <Anchor component={Link} to="/reconciliation/specs" size="sm">
          ← Specs
        </Anchor>
        <Group justify="space-between" align="flex-start" mt={4}>
          <div>
            <Group gap="sm">
              <Title order={2} data-testid="spec-title">
                {spec.name}
              </Title>
              <Badge variant="light" color="gray" size="lg">
                Version {spec.version}
              </Badge>
              {spec.schedule && (
                <Badge variant="light" color="indigo" size="lg" tt="none">
                  Scheduled
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              Saved {formatDateTime(spec.updated_at)} · created {formatDateTime(spec.created_at)}
              {spec.client_id ? ` · client #${spec.client_id}` : ' · firm-wide'}
            </Text>
          </div>
          {editable && (
            <Group gap="xs">
              <Button variant="default" component={Link} to={`/reconciliation/specs/${spec.id}/edit`}>
                Edit
              </Button>
              <Button component={Link} to={`/reconciliation/runs/new?spec_id=${spec.id}`}>
                Start a run
              </Button>
            </Group>
          )}
        </Group>
      </div>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="md" radius="sm">
            <Title order={4} mb="sm">
              Spec
            </Title>
            <ScrollArea.Autosize mah={560}>
              <Code block data-testid="spec-toml-view" style={{ fontSize: 13, lineHeight: 1.5 }}>
                {spec.toml}
              </Code>
            </ScrollArea.Autosize>
            <Text size="xs" c="dimmed" mt="xs">
              Runs keep the version they ran with; editing the spec changes only later runs.
            </Text>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <ScheduleSection versioned={q.data} canSchedule={canScheduleRecon(user?.role)} />
            <Paper withBorder p="md" radius="sm">
              <Group justify="space-between" mb="sm">
                <Title order={4}>Recent runs</Title>
                <Anchor component={Link} to={`/reconciliation/runs?spec_id=${spec.id}`} size="sm">
                  All runs of this spec
                </Anchor>
              </Group>
              {runs.isError && (
                <Text c="red" size="sm">
                  {errorMessage(runs.error)}
                </Text>
              )}
              {runs.data && runs.data.items.length === 0 && (
                <Text size="sm" c="dimmed">
                  Not run yet.
                </Text>
              )}
              {runs.data && runs.data.items.length > 0 && (
                <Table verticalSpacing={4} fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Run</Table.Th>
                      <Table.Th>State</Table.Th>
                      <Table.Th>Exceptions</Table.Th>
                      <Table.Th>Started</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {runs.data.items.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>
                          <Link className="row-link" to={`/reconciliation/runs/${r.id}`}>
                            #{r.id}
                          </Link>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={RUN_STATE_COLORS[r.state] ?? 'gray'}>
                            {humanize(r.state)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{r.state === 'succeeded' ? runExceptions(r.summary).toLocaleString() : '—'}</Table.Td>
                        <Table.Td>{formatDateTime(r.created_at)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}

/** The weekly audit: a cron (UTC) and the two files the server reads when it fires. */
function ScheduleSection({ versioned, canSchedule }: { versioned: Versioned<ReconSpec>; canSchedule: boolean }) {
  const queryClient = useQueryClient()
  const spec = versioned.data
  const [editing, setEditing] = useState(false)
  const [cron, setCron] = useState(spec.schedule?.cron ?? '0 6 * * 1')
  const [leftPath, setLeftPath] = useState(spec.schedule?.left_path ?? '')
  const [rightPath, setRightPath] = useState(spec.schedule?.right_path ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [conflict, setConflict] = useState(false)
  const [saving, setSaving] = useState(false)
  const [stopping, setStopping] = useState(false)  // the confirmation is open

  function startEditing() {
    setCron(spec.schedule?.cron ?? '0 6 * * 1')
    setLeftPath(spec.schedule?.left_path ?? '')
    setRightPath(spec.schedule?.right_path ?? '')
    setErrors({})
    setFormError(null)
    setConflict(false)
    setEditing(true)
  }

  async function stop() {
    setStopping(false)
    setFormError(null)
    setConflict(false)
    setSaving(true)
    try {
      const r = await unscheduleReconSpec(spec.id, versioned.etag)
      queryClient.setQueryData(['recon-spec', spec.id], r)
      void queryClient.invalidateQueries({ queryKey: ['recon-specs'] })
      notifications.show({ color: 'green', title: 'Schedule stopped', message: r.data.name })
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) setConflict(true)
      else setFormError(errorMessage(err))
    } finally {
      setSaving(false)
    }
  }

  async function save(e: React.FormEvent) {
    e.preventDefault()
    setFormError(null)
    setConflict(false)
    const local: Record<string, string> = {}
    if (!cron.trim()) local.cron = 'Give five cron fields, e.g. 0 6 * * 1.'
    if (!leftPath.trim().startsWith('/')) local.left_path = 'Give an absolute path.'
    if (!rightPath.trim().startsWith('/')) local.right_path = 'Give an absolute path.'
    setErrors(local)
    if (Object.keys(local).length > 0) return
    setSaving(true)
    try {
      const r = await scheduleReconSpec(spec.id, { cron: cron.trim(), left_path: leftPath.trim(), right_path: rightPath.trim() }, versioned.etag)
      queryClient.setQueryData(['recon-spec', spec.id], r)
      void queryClient.invalidateQueries({ queryKey: ['recon-specs'] })
      notifications.show({ color: 'green', title: 'Schedule saved', message: `${r.data.name}: ${r.data.schedule?.cron ?? ''} UTC` })
      setEditing(false)
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) setConflict(true)
      else if (err instanceof ApiError && (err.status === 422 || err.status === 400)) {
        setErrors(fieldErrorMap(err.fieldErrors))
        setFormError(err.problem.detail || 'Please correct the highlighted fields.')
      } else setFormError(errorMessage(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Paper withBorder p="md" radius="sm" data-testid="schedule-section">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Schedule</Title>
        {canSchedule && !editing && (
          <Group gap="xs">
            {spec.schedule && (
              <Button size="xs" variant="subtle" color="red" onClick={() => setStopping(true)} loading={saving}>
                Stop schedule
              </Button>
            )}
            <Button size="xs" variant="light" onClick={startEditing}>
              {spec.schedule ? 'Change schedule' : 'Schedule'}
            </Button>
          </Group>
        )}
      </Group>
      {conflict && (
        <Alert color="orange" variant="light" title="Edit conflict" role="alert" data-testid="conflict-alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{SPEC_CONFLICT_MESSAGE}</Text>
            <Button
              size="xs"
              color="orange"
              onClick={async () => {
                await queryClient.invalidateQueries({ queryKey: ['recon-spec', spec.id] })
                setConflict(false)
              }}
            >
              Reload
            </Button>
          </Stack>
        </Alert>
      )}
      {formError && !conflict && (
        <Alert color="red" variant="light" role="alert" title="Not saved" className="pre-wrap">
          {formError}
        </Alert>
      )}
      <Modal opened={stopping} onClose={() => setStopping(false)} title="Stop the schedule?">
        <Stack gap="sm">
          <Text size="sm">
            {spec.name} will no longer run at <Code>{spec.schedule?.cron}</Code>. Its runs and their work items stay.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStopping(false)}>
              Keep it
            </Button>
            <Button color="red" onClick={() => void stop()}>
              Stop schedule
            </Button>
          </Group>
        </Stack>
      </Modal>
      {!editing &&
        (spec.schedule ? (
          <Stack gap={4}>
            <Text size="sm">
              Runs at <Code>{spec.schedule.cron}</Code> (UTC) on files the server reads:
            </Text>
            <Text size="sm">
              left <Code>{spec.schedule.left_path}</Code>
            </Text>
            <Text size="sm">
              right <Code>{spec.schedule.right_path}</Code>
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Not scheduled.{' '}
            {canSchedule
              ? 'A schedule runs this spec on a cron (e.g. the weekly audit) over two files on the server.'
              : 'Managers and administrators can schedule it.'}
          </Text>
        ))}
      {editing && (
        <form onSubmit={save} noValidate aria-label="Schedule">
          <Stack gap="sm">
            <TextInput
              label="Cron (UTC)"
              description="Five fields: minute hour day-of-month month day-of-week; 0 6 * * 1 is Mondays 06:00"
              value={cron}
              onChange={(e) => setCron(e.currentTarget.value)}
              error={errors.cron}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <TextInput
              label="Left file on the server"
              placeholder="/srv/feeds/vms.csv"
              value={leftPath}
              onChange={(e) => setLeftPath(e.currentTarget.value)}
              error={errors.left_path}
            />
            <TextInput
              label="Right file on the server"
              placeholder="/srv/feeds/assignments.csv"
              value={rightPath}
              onChange={(e) => setRightPath(e.currentTarget.value)}
              error={errors.right_path}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={saving}>
                Save schedule
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  )
}
