import { useState } from 'react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { ApiError, errorMessage } from '../../api/http'
import {
  approveDetermination,
  assignmentEvent,
  checklistAction,
  classify,
  documentUrl,
  getRecord,
  listRecords,
  questionnaire,
  revisions,
  separationLetterUrl,
  uploadDocument,
  type Assignment,
  type Checklist,
  type Row,
} from '../../api/workforce'
import { useAuth } from '../../auth/AuthContext'
import { formatDateTime, humanize } from '../../lib/format'
import { ConversionSummary, ConvertButton } from './ConversionPanel'
import { ExpensesPanel } from './ExpensesPanel'
import { LinkedCases } from './LinkedCases'
import { RefusalAlert } from './RefusalAlert'
import { StatusBadge } from './RecordListPage'
import { WorkforceNav } from './WorkforceNav'

/** The events a status offers (assignment.h's transition table). */
const EVENTS: Record<string, string[]> = {
  requested: ['start_onboarding', 'cancel'],
  onboarding: ['complete_onboarding', 'cancel'],
  ready: ['activate', 'cancel'],
  active: ['extend', 'revise', 'give_notice'],
  ending: ['end'],
  ended: ['offboard'],
}
const EVENT_LABELS: Record<string, string> = {
  start_onboarding: 'Start onboarding',
  complete_onboarding: 'Complete onboarding',
  activate: 'Activate',
  extend: 'Extend',
  revise: 'Revise',
  give_notice: 'Schedule end',
  end: 'End (last day worked)',
  offboard: 'Offboard',
  cancel: 'Cancel',
}
/** The facts each event asks for. */
const EVENT_FIELDS: Record<string, { key: string; label: string; kind?: 'date' | 'reason' | 'number' | 'long' }[]> = {
  activate: [{ key: 'first_day_details', label: 'First-day details for the worker', kind: 'long' }],
  extend: [
    { key: 'new_end_date', label: 'New end date', kind: 'date' },
    { key: 'effective_date', label: 'New rates from (optional)', kind: 'date' },
    { key: 'pay_rate', label: 'New pay rate (optional)' },
    { key: 'bill_rate', label: 'New bill rate (optional)' },
  ],
  revise: [
    { key: 'effective_date', label: 'Effective date', kind: 'date' },
    { key: 'pay_rate', label: 'Pay rate' },
    { key: 'bill_rate', label: 'Bill rate' },
    { key: 'manager_name', label: 'Manager' },
    { key: 'cost_centre', label: 'Cost centre' },
  ],
  give_notice: [
    { key: 'end_reason', label: 'Reason', kind: 'reason' },
    { key: 'end_date', label: 'Planned last day', kind: 'date' },
    { key: 'notice_hours', label: 'Hours of notice given (resignations)', kind: 'number' },
  ],
  end: [{ key: 'last_day_worked', label: 'Last day worked', kind: 'date' }],
  cancel: [{ key: 'reason', label: 'Why is it cancelled?', kind: 'long' }],
}

function problemList(e: unknown): string[] {
  if (e instanceof ApiError && e.problem?.errors?.length) return e.problem.errors.map((f) => f.message)
  return []
}

function ChecklistTable({
  assignment,
  list,
  checklist,
  onChanged,
  canEdit,
}: {
  assignment: Assignment
  list: 'checklist' | 'offboarding'
  checklist: Checklist
  onChanged: (a: Assignment | null) => void
  canEdit: boolean
}) {
  async function act(item: string, action: string) {
    try {
      const note = action === 'waive' ? window.prompt('Why is this item waived?') ?? '' : ''
      if (action === 'waive' && !note) return
      onChanged(await checklistAction(assignment, list, item, action, note))
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not update the item', message: errorMessage(e) })
    }
  }
  async function upload(item: string, file: File | null) {
    if (!file) return
    try {
      await uploadDocument(assignment.id, item, file)
      notifications.show({ color: 'green', title: 'Document stored', message: file.name })
      onChanged(null)
    } catch (e) {
      notifications.show({ color: 'red', title: 'Upload failed', message: errorMessage(e) })
    }
  }
  return (
    <Table striped withTableBorder data-testid={`${list}-table`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Item</Table.Th>
          <Table.Th>Rule</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th>State</Table.Th>
          {canEdit && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {checklist.items.map((item) => (
          <Table.Tr key={item.id} data-testid={`item-${item.id}`}>
            <Table.Td>
              {item.title}
              {!item.required && (
                <Text size="xs" c="dimmed">
                  does not block activation
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="xs">{item.citation}</Text>
            </Table.Td>
            <Table.Td>{item.due ?? '—'}</Table.Td>
            <Table.Td>
              {item.done ? (
                <Badge color="green">Done</Badge>
              ) : item.waived ? (
                <Badge color="gray">Waived</Badge>
              ) : (
                <Badge color="orange">Missing</Badge>
              )}
              {item.note && (
                <Text size="xs" c="dimmed">
                  {item.note}
                </Text>
              )}
            </Table.Td>
            {canEdit && (
              <Table.Td>
                {!item.done && !item.waived && !item.id.startsWith('classification') && (
                  <Group gap={4} wrap="nowrap">
                    <FileButton onChange={(f) => upload(item.id, f)}>
                      {(props) => (
                        <Button size="xs" variant="light" {...props} data-testid={`upload-${item.id}`}>
                          Upload
                        </Button>
                      )}
                    </FileButton>
                    <Button size="xs" variant="subtle" onClick={() => act(item.id, 'done')}>
                      Done
                    </Button>
                    <Button size="xs" variant="subtle" color="gray" onClick={() => act(item.id, 'waive')}>
                      Waive
                    </Button>
                  </Group>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function EventModal({
  assignment,
  event,
  onClose,
  onDone,
}: {
  assignment: Assignment
  event: string
  onClose: () => void
  onDone: (a: Assignment) => void
}) {
  const [values, setValues] = useState<Record<string, string>>({})
  const [error, setError] = useState<{ message: string; items: string[] } | null>(null)
  const [busy, setBusy] = useState(false)
  async function submit() {
    setBusy(true)
    setError(null)
    try {
      const body: Record<string, unknown> = { event }
      for (const [k, v] of Object.entries(values)) {
        if (v !== '') body[k] = k === 'notice_hours' ? Number(v) : v
      }
      onDone(await assignmentEvent(assignment, body))
    } catch (e) {
      setError({ message: errorMessage(e), items: problemList(e) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened onClose={onClose} title={EVENT_LABELS[event]}>
      <Stack>
        {(EVENT_FIELDS[event] ?? []).map((f) =>
          f.kind === 'reason' ? (
            <Select
              key={f.key}
              label={f.label}
              data={['completed', 'client_ended', 'resigned', 'terminated'].map((v) => ({ value: v, label: humanize(v) }))}
              value={values[f.key] ?? null}
              onChange={(v) => setValues({ ...values, [f.key]: v ?? '' })}
            />
          ) : f.kind === 'number' ? (
            <NumberInput
              key={f.key}
              label={f.label}
              min={0}
              value={values[f.key] ?? ''}
              onChange={(v) => setValues({ ...values, [f.key]: String(v) })}
            />
          ) : f.kind === 'long' ? (
            <Textarea
              key={f.key}
              label={f.label}
              autosize
              minRows={3}
              value={values[f.key] ?? ''}
              onChange={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })}
            />
          ) : (
            <TextInput
              key={f.key}
              label={f.label}
              placeholder={f.kind === 'date' ? 'YYYY-MM-DD' : undefined}
              value={values[f.key] ?? ''}
              onChange={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })}
            />
          ),
        )}
        {error && <RefusalAlert refusal={error} testId="event-error" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button onClick={submit} loading={busy} data-testid="event-submit">
            {EVENT_LABELS[event]}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function ClassificationPanel({ assignment, onChanged }: { assignment: Assignment; onChanged: () => void }) {
  const { user } = useAuth()
  const q = useQuery({ queryKey: ['wf-questionnaire'], queryFn: questionnaire, staleTime: 600_000 })
  const determinations = useQuery({
    queryKey: ['wf-determinations', assignment.id],
    queryFn: () => listRecords('determinations', { assignment_id: String(assignment.id), sort: '-created_at' }),
  })
  const [answers, setAnswers] = useState<Record<string, boolean>>({})
  const [open, setOpen] = useState(false)
  const latest = determinations.data?.items[0] as (Row & { risk: string; status: string; result: { reasons: { text: string; citation: string }[] } }) | undefined
  // The tests of the work place (classification.h): IRS and the state's ABC test in the US, IR35 in Great
  // Britain, CRA's in Canada.
  const place = assignment.work_state ?? ''
  const country = String(assignment.work_country ?? 'US')
  const relevant = (q.data?.questions ?? []).filter((x) =>
    country === 'US'
      ? x.framework === 'irs_common_law' || (x.framework === 'abc_test' && ['CA', 'MA', 'NJ', 'IL'].includes(place))
      : (x.framework === 'uk_ir35' && country === 'GB') || (x.framework === 'canada' && country === 'CA'),
  )
  async function score() {
    try {
      await classify(assignment.id, answers)
      setOpen(false)
      determinations.refetch()
      onChanged()
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not score', message: errorMessage(e) })
    }
  }
  async function approve() {
    if (!latest) return
    try {
      await approveDetermination(latest, window.prompt('Approval note') ?? '')
      determinations.refetch()
      onChanged()
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not approve', message: errorMessage(e) })
    }
  }
  return (
    <Paper withBorder p="md">
      <Group justify="space-between">
        <Title order={4}>Contractor classification</Title>
        <Button size="xs" onClick={() => setOpen(true)}>
          Answer the questionnaire
        </Button>
      </Group>
      {latest ? (
        <Stack gap={4} mt="sm">
          <Group gap="xs">
            <Badge color={latest.risk === 'high' ? 'red' : latest.risk === 'medium' ? 'yellow' : 'green'}>{latest.risk} risk</Badge>
            <StatusBadge value={latest.status} />
            {latest.status === 'pending_approval' && (user?.role === 'manager' || user?.role === 'admin') && (
              <Button size="xs" color="orange" onClick={approve}>
                Approve
              </Button>
            )}
          </Group>
          {latest.result?.reasons?.slice(0, 6).map((r, i) => (
            <Text key={i} size="sm">
              • {r.text} <Text span size="xs" c="dimmed">({r.citation})</Text>
            </Text>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mt="sm">
          No determination yet.
        </Text>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title="Classification questionnaire" size="xl">
        <Stack gap="xs">
          {relevant.map((x) => (
            <Group key={x.id} justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Text size="sm">{x.text}</Text>
                <Text size="xs" c="dimmed">
                  {x.citation}
                </Text>
              </div>
              <SegmentedControl
                size="xs"
                data={['yes', 'no', '?']}
                value={answers[x.id] === undefined ? '?' : answers[x.id] ? 'yes' : 'no'}
                onChange={(v) => {
                  const next = { ...answers }
                  if (v === '?') delete next[x.id]
                  else next[x.id] = v === 'yes'
                  setAnswers(next)
                }}
              />
            </Group>
          ))}
          <Group justify="flex-end">
            <Button onClick={score}>Score</Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  )
}

export function AssignmentPage() {
  const id = Number(useParams().id)
  const { user } = useAuth()
  const qc = useQueryClient()
  const internal = user?.role === 'admin' || user?.role === 'manager' || user?.role === 'coordinator'
  const a = useQuery({ queryKey: ['wf-assignment', id], queryFn: () => getRecord<Assignment>('assignments', id) })
  const docs = useQuery({
    queryKey: ['wf-docs', id],
    queryFn: () => listRecords('workforce/documents', { assignment_id: String(id) }),
  })
  const revs = useQuery({ queryKey: ['wf-revisions', id], queryFn: () => revisions(id) })
  const cards = useQuery({
    queryKey: ['wf-cards', id],
    queryFn: () => listRecords('timecards', { assignment_id: String(id), sort: '-week_start' }),
  })
  const [event, setEvent] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<{ title: string; message: string; items: string[] } | null>(null)

  function refresh(next: Assignment | null) {
    if (next) qc.setQueryData(['wf-assignment', id], next)
    else a.refetch()
    docs.refetch()
    revs.refetch()
  }

  if (a.isError) return <Alert color="red" title="Could not load the assignment">{errorMessage(a.error)}</Alert>
  if (!a.data) return <Text>Loading…</Text>
  const x = a.data
  const contractor = x.worker_type !== 'w2_employee'
  return (
    <Stack gap="md">
      <WorkforceNav />
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{x.title}</Title>
          <Group gap="xs">
            <Anchor component={Link} to={`/workforce/workers/${x.worker_id}`}>
              {x.worker_name}
            </Anchor>
            <Text c="dimmed">at {x.client_name} · {x.programme_name}</Text>
          </Group>
        </div>
        <Group gap="xs">
          <StatusBadge value={x.status} />
          {x.vms_update_pending && (
            <Badge color="orange" data-testid="vms-pending">
              VMS update pending
            </Badge>
          )}
        </Group>
      </Group>

      {internal && (
        <Group gap="xs" data-testid="lifecycle-actions">
          {(EVENTS[x.status] ?? []).map((ev) => (
            <Button
              key={ev}
              variant={ev === 'cancel' ? 'subtle' : 'light'}
              color={ev === 'cancel' ? 'red' : undefined}
              onClick={() => {
                setRefusal(null)
                if (EVENT_FIELDS[ev]) return setEvent(ev)
                assignmentEvent(x, { event: ev }).then(refresh, (e) =>
                  setRefusal({ title: `${EVENT_LABELS[ev]} refused`, items: problemList(e), message: errorMessage(e) }),
                )
              }}
            >
              {EVENT_LABELS[ev]}
            </Button>
          ))}
          <ConvertButton assignment={x} onDone={refresh} />
        </Group>
      )}
      <ConversionSummary assignment={x} />
      {refusal && (
        <Alert color="red" title={refusal.title} withCloseButton onClose={() => setRefusal(null)} data-testid="event-refusal">
          {refusal.items.length ? (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {refusal.items.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          ) : (
            refusal.message
          )}
        </Alert>
      )}
      {x.classification_recheck && (
        <Alert color="orange" title="Classification re-check due" data-testid="classification-recheck">
          <Text size="sm">{x.classification_recheck.reason}</Text>
          <Text size="xs" c="dimmed">
            Opened {x.classification_recheck.opened_on}. Answer the questionnaire again on the Onboarding tab; further
            extensions and material revisions wait for the new determination (approved, if it needs approval).
          </Text>
          <Text size="xs" c="dimmed">{x.classification_recheck.citations.join(' · ')}</Text>
        </Alert>
      )}
      {event && <EventModal assignment={x} event={event} onClose={() => setEvent(null)} onDone={(n) => { setEvent(null); refresh(n) }} />}

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {[
            ['Work order', x.vms_work_order_id],
            ['Start', x.start_date],
            ['End', x.end_date],
            ['Manager', x.manager_name],
            ['Location', x.location],
            ['Work state', x.work_state],
            ['Cost centre', x.cost_centre],
            ['Worker type', humanize(x.worker_type)],
            ['Pay rate', `${x.pay_rate} ${x.currency}`],
            ['Bill rate', `${x.bill_rate} ${x.currency}`],
            ['End reason', humanize(x.end_reason)],
            ['Last day worked', x.last_day_worked],
          ].map(([label, value]) => (
            <div key={label as string}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm">{(value as string) || '—'}</Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>

      {x.final_pay && (
        <Alert color={x.final_pay.applies ? 'blue' : 'gray'} title="Final pay" data-testid="final-pay">
          {x.final_pay.applies ? (
            <>
              <Text size="sm">
                Due <b data-testid="final-pay-due">{x.final_pay.due_date}</b> ({x.final_pay.separation}) — {x.final_pay.rule}
              </Text>
              <Text size="xs" c="dimmed">
                {x.final_pay.citation}
              </Text>
            </>
          ) : (
            <Text size="sm">{x.final_pay.rule}</Text>
          )}
          {(x.status === 'ended' || x.status === 'offboarded') && (
            <Anchor href={separationLetterUrl(x.id)} size="sm" data-testid="separation-letter">
              Separation letter (PDF)
            </Anchor>
          )}
        </Alert>
      )}

      <Tabs defaultValue={x.status === 'ended' ? 'offboarding' : 'onboarding'}>
        <Tabs.List>
          <Tabs.Tab value="onboarding">Onboarding</Tabs.Tab>
          {x.offboarding && <Tabs.Tab value="offboarding">Offboarding</Tabs.Tab>}
          <Tabs.Tab value="documents">Documents ({docs.data?.total ?? 0})</Tabs.Tab>
          <Tabs.Tab value="rates">Rates</Tabs.Tab>
          <Tabs.Tab value="timecards">Timecards</Tabs.Tab>
          <Tabs.Tab value="revisions">Revisions</Tabs.Tab>
          <Tabs.Tab value="expenses">Expenses</Tabs.Tab>
          <Tabs.Tab value="cases" data-testid="tab-cases">Cases</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="onboarding" pt="sm">
          <Stack>
            {x.checklist ? (
              <ChecklistTable assignment={x} list="checklist" checklist={x.checklist} onChanged={refresh} canEdit={internal} />
            ) : (
              <Text c="dimmed">The checklist is generated when onboarding starts.</Text>
            )}
            {contractor && internal && <ClassificationPanel assignment={x} onChanged={() => refresh(null)} />}
          </Stack>
        </Tabs.Panel>
        {x.offboarding && (
          <Tabs.Panel value="offboarding" pt="sm">
            <ChecklistTable assignment={x} list="offboarding" checklist={x.offboarding} onChanged={refresh} canEdit={internal} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="documents" pt="sm">
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>File</Table.Th>
                <Table.Th>Item</Table.Th>
                <Table.Th>SHA-256</Table.Th>
                <Table.Th>Stored</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(docs.data?.items ?? []).map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor href={documentUrl(d.id)}>{String(d.file_name)}</Anchor>
                  </Table.Td>
                  <Table.Td>{String(d.item_id ?? '')}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {String(d.sha256).slice(0, 16)}…
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(d.created_at as string)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="rates" pt="sm">
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>From</Table.Th>
                <Table.Th>Pay rate</Table.Th>
                <Table.Th>Bill rate</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(x.rates ?? []).map((r) => (
                <Table.Tr key={r.effective_from}>
                  <Table.Td>{r.effective_from}</Table.Td>
                  <Table.Td>{r.pay_rate}</Table.Td>
                  <Table.Td>{r.bill_rate}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="timecards" pt="sm">
          <Table withTableBorder>
            <Table.Tbody>
              {(cards.data?.items ?? []).map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>Week of {String(t.week_start)}</Table.Td>
                  <Table.Td>{String(t.total_hours)} h</Table.Td>
                  <Table.Td>
                    <StatusBadge value={t.status} />
                  </Table.Td>
                  <Table.Td>{String(t.reject_reason ?? '')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="revisions" pt="sm">
          <Table withTableBorder>
            <Table.Tbody>
              {(revs.data?.items ?? []).map((r) => (
                <Table.Tr key={r.revision}>
                  <Table.Td>#{r.revision}</Table.Td>
                  <Table.Td>{humanize(r.action)}</Table.Td>
                  <Table.Td>{r.effective_date ?? '—'}</Table.Td>
                  <Table.Td>{r.actor_name}</Table.Td>
                  <Table.Td>{formatDateTime(r.at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="expenses" pt="sm">
          <ExpensesPanel assignmentId={id} status={x.status} currency={x.currency} />
        </Tabs.Panel>
        <Tabs.Panel value="cases" pt="sm">
          <LinkedCases kind="assignments" id={id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
