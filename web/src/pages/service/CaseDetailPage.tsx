import { useState } from 'react'
import { Alert, Anchor, Badge, Button, Card, Grid, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Text, Textarea, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useParams } from 'react-router'
import { errorMessage } from '../../api/http'
import { addEntry, applyMacro, attachmentUrl, CASE_STATUSES, getCase, getTimeline, listMacros, type CaseEntry, type EntryInput } from '../../api/service'
import { useAuth } from '../../auth/AuthContext'
import { formatDateTime, humanize } from '../../lib/format'
import { SlaBadge } from './SlaBadge'
import { CaseLinks } from './CaseLinks'

const KIND_LABEL: Record<string, string> = {
  message_in: 'Requester', message_out: 'Reply', note: 'Internal note', call: 'Call', chat: 'Chat',
  status: 'Status', assignment: 'Assignment', level: 'Level', policy: 'SLA policy', escalation: 'Escalation', merge: 'Merge', survey: 'Survey',
}
const KIND_COLOR: Record<string, string> = { message_in: 'blue', message_out: 'teal', note: 'yellow', call: 'grape', chat: 'cyan', escalation: 'red', level: 'red' }

function EntryCard({ e, caseId }: { e: CaseEntry; caseId: number }) {
  const small = !['message_in', 'message_out', 'note', 'call', 'chat'].includes(e.kind)
  return (
    <Card withBorder padding={small ? 'xs' : 'sm'} bg={e.kind === 'note' ? 'yellow.0' : undefined} data-testid="timeline-entry">
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <Badge variant="light" color={KIND_COLOR[e.kind] ?? 'gray'}>{KIND_LABEL[e.kind] ?? e.kind}</Badge>
          <Text size="sm" fw={500}>{e.author_name}</Text>
          {e.duration_s != null && <Text size="xs" c="dimmed">{Math.round(e.duration_s / 60)} min</Text>}
          {e.outcome && <Badge size="xs" variant="outline">{humanize(e.outcome)}</Badge>}
        </Group>
        <Text size="xs" c="dimmed">{formatDateTime(e.created_at)}</Text>
      </Group>
      {e.body && <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>{e.body}</Text>}
      {e.attachments.map((a) => (
        <Text key={a.file_id ?? a.name} size="xs" c="dimmed">
          Attachment:{' '}
          {a.file_id != null ? <Anchor size="xs" href={attachmentUrl(caseId, a.file_id)} download={a.name}>{a.name}</Anchor> : a.name} ({a.size.toLocaleString()} bytes)
        </Text>
      ))}
    </Card>
  )
}

/** One case: its SLA, its timeline, and the forms to reply, note, log a call or chat, or apply a macro. */
export function CaseDetailPage() {
  const id = Number(useParams().id)
  const { user } = useAuth()
  const internal = user?.role === 'admin' || user?.role === 'manager' || user?.role === 'coordinator'
  const qc = useQueryClient()
  const c = useQuery({ queryKey: ['case', id], queryFn: () => getCase(id) })
  const timeline = useQuery({ queryKey: ['case', id, 'timeline'], queryFn: () => getTimeline(id) })
  const macros = useQuery({ queryKey: ['macros'], queryFn: listMacros, enabled: internal })
  const [kind, setKind] = useState<EntryInput['kind']>(internal ? 'reply' : 'message')
  const [body, setBody] = useState('')
  const [status, setStatus] = useState<string | null>(null)
  const [minutes, setMinutes] = useState<number | string>(5)
  const refresh = () => qc.invalidateQueries({ queryKey: ['case', id] })
  const send = useMutation({
    mutationFn: () => addEntry(id, { kind, body, set_status: status, duration_s: kind === 'call' || kind === 'chat' ? Number(minutes) * 60 : null, outcome: kind === 'call' ? 'follow_up' : null }),
    onSuccess: () => { setBody(''); setStatus(null); refresh() },
    onError: (e) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) }),
  })
  const macro = useMutation({
    mutationFn: (macroId: number) => applyMacro(id, macroId),
    onSuccess: refresh,
    onError: (e) => notifications.show({ color: 'red', title: 'Macro failed', message: errorMessage(e) }),
  })
  if (c.isError) return <Alert color="red" title="Could not load the case">{errorMessage(c.error)}</Alert>
  if (!c.data) return null
  const k = c.data.data
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>#{k.id} {k.subject}</Title>
          <Text size="sm" c="dimmed">{k.requester_name} {k.requester_email && `<${k.requester_email}>`} · {humanize(k.channel)} · opened {formatDateTime(k.created_at)}</Text>
        </div>
        <SlaBadge state={k.sla_state} due={k.sla_due_at} />
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xs">
            {(timeline.data?.items ?? []).map((e) => <EntryCard key={e.id} e={e} caseId={id} />)}
            <Paper withBorder p="sm">
              <Stack gap="xs">
                {internal && (
                  <SegmentedControl value={kind} onChange={(v) => setKind(v as EntryInput['kind'])} data={[{ value: 'reply', label: 'Reply' }, { value: 'note', label: 'Internal note' }, { value: 'call', label: 'Log call' }, { value: 'chat', label: 'Chat transcript' }]} />
                )}
                <Textarea label={kind === 'reply' ? 'Reply to the requester' : kind === 'message' ? 'Your message' : humanize(kind)} autosize minRows={3} value={body} onChange={(e) => setBody(e.currentTarget.value)} data-testid="entry-body" />
                <Group align="flex-end">
                  {internal && <Select label="Then set status" placeholder="Unchanged" clearable data={CASE_STATUSES.map((s) => ({ value: s, label: humanize(s) }))} value={status} onChange={setStatus} w={220} />}
                  {(kind === 'call' || kind === 'chat') && <NumberInput label="Minutes" min={0} value={minutes} onChange={setMinutes} w={100} />}
                  <Button onClick={() => send.mutate()} loading={send.isPending} disabled={!body && kind !== 'call'}>
                    {kind === 'reply' ? 'Send reply' : kind === 'message' ? 'Send' : 'Save'}
                  </Button>
                  {internal && (
                    <Select placeholder="Apply a macro…" data={(macros.data?.items ?? []).map((m) => ({ value: String(m.id), label: m.name }))} value={null} onChange={(v) => v && macro.mutate(Number(v))} w={220} ml="auto" />
                  )}
                </Group>
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="sm">
            <Stack gap={6}>
              {[
                ['Status', humanize(k.status)], ['Priority', humanize(k.priority)], ['Category', humanize(k.category)], ['Level', k.level.toUpperCase()],
                ['Queue', k.queue_name || '—'], ['Assignee', k.assignee_name || '—'], ['SLA due', k.sla_due_at ? formatDateTime(k.sla_due_at) : '—'],
                ['First response', k.first_response_at ? formatDateTime(k.first_response_at) : '—'], ['Tags', k.tags.join(', ') || '—'],
                ['Satisfaction', k.satisfaction ? `${k.satisfaction}/5` : '—'],
              ].map(([label, value]) => (
                <Group key={label} justify="space-between">
                  <Text size="sm" c="dimmed">{label}</Text>
                  <Text size="sm" data-testid={`case-${label.toLowerCase().replace(' ', '-')}`}>{value}</Text>
                </Group>
              ))}
              <CaseLinks links={k.links ?? []} />
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
