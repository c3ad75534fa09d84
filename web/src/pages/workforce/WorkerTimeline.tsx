import { useState } from 'react'
import { Anchor, Badge, Button, Checkbox, Group, Paper, Select, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery } from '@tanstack/react-query'
import { errorMessage } from '../../api/http'
import { addTimeline, getRecord, listRecords } from '../../api/workforce'
import { timelineAttachmentUrl, type KnowledgeArticle, type TimelineAttachment } from '../../api/workforceComms'
import { formatDateTime, humanize } from '../../lib/format'
import { LevelTwoQuestion } from './LevelTwoQuestion'

const CHANNEL_LABELS: Record<string, string> = { slack: 'Slack', google_chat: 'Google Chat', email: 'E-mail' }

/** A worker's timeline: messages, calls, notes, imported chat and e-mail; record an entry or send an e-mail. */
export function WorkerTimeline({ workerId }: { workerId: number }) {
  const timeline = useQuery({
    queryKey: ['wf-timeline', workerId],
    queryFn: () => listRecords('workforce/timeline', { worker_id: String(workerId), sort: '-occurred_at' }, null, 100),
  })
  const [kind, setKind] = useState<string | null>('call')
  const [subject, setSubject] = useState('')
  const [body, setBody] = useState('')
  const [send, setSend] = useState(false)
  const [articleId, setArticleId] = useState<number | undefined>()
  const articles = useQuery({
    queryKey: ['wf-articles-pick'],
    queryFn: () => listRecords<KnowledgeArticle>('knowledge', { status: 'published', sort: 'title' }, null, 200),
  })
  // A knowledge article's answer and sources go into the reply, where the coordinator can trim them.
  async function insertArticle(id: string | null) {
    if (!id) return
    const a = await getRecord<KnowledgeArticle>('knowledge', id)
    setArticleId(a.id)
    if (!subject) setSubject(a.title)
    setBody((b) => (b ? `${b}\n\n` : '') + (a.reply_text ?? a.body))
  }
  async function add() {
    try {
      const email = kind === 'email' && send
      await addTimeline(workerId, {
        kind,
        subject,
        body,
        direction: kind === 'note' ? 'internal' : 'outbound',
        ...(email ? { send_email: true, channel: 'email' } : {}),
      })
      setSubject('')
      setBody('')
      setArticleId(undefined)
      timeline.refetch()
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not recorded', message: errorMessage(e) })
    }
  }
  return (
    <>
      <Group justify="space-between">
        <Title order={4}>Timeline</Title>
        <LevelTwoQuestion workerId={workerId} articleId={articleId} onSent={() => timeline.refetch()} />
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <Select
            label="Kind"
            data={['message', 'email', 'call', 'voicemail', 'chat', 'note'].map((v) => ({ value: v, label: humanize(v) }))}
            value={kind}
            onChange={setKind}
            w={140}
          />
          <Select
            label="Insert a knowledge article"
            placeholder="Search articles"
            searchable
            clearable
            data={(articles.data?.items ?? []).map((a) => ({ value: String(a.id), label: a.title }))}
            value={null}
            onChange={insertArticle}
            w={240}
            data-testid="timeline-article"
          />
          <TextInput label="Subject" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} w={220} data-testid="timeline-subject" />
          <Textarea label="What was said" value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize style={{ flex: 1 }} data-testid="timeline-body" />
          {kind === 'email' && (
            <Checkbox label="Send to the worker" checked={send} onChange={(e) => setSend(e.currentTarget.checked)} data-testid="timeline-send" />
          )}
          <Button onClick={add} disabled={!body} data-testid="timeline-record">
            {kind === 'email' && send ? 'Send' : 'Record'}
          </Button>
        </Group>
      </Paper>
      <Table withTableBorder data-testid="worker-timeline">
        <Table.Tbody>
          {(timeline.data?.items ?? []).map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{formatDateTime(t.occurred_at as string)}</Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm">{humanize(t.kind as string)}</Text>
                  {t.channel ? (
                    <Badge size="xs" variant="light" style={{ flexShrink: 0 }}>
                      {CHANNEL_LABELS[t.channel as string] ?? humanize(t.channel as string)}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed">
                  {humanize(t.direction as string)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {String(t.subject ?? '')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {String(t.body)}
                </Text>
                {((t.attachments as TimelineAttachment[] | null) ?? []).map((a, i) => (
                  <Anchor key={i} size="xs" href={timelineAttachmentUrl(t.id, i)} mr="sm">
                    {a.name} ({a.size} bytes, SHA-256 {a.sha256.slice(0, 12)}…)
                  </Anchor>
                ))}
                {t.mail_status ? (
                  <Badge size="xs" color={t.mail_status === 'sent' ? 'green' : t.mail_status === 'failed' ? 'red' : 'gray'} variant="outline" data-testid="timeline-mail-status">
                    e-mail {String(t.mail_status)}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>{String(t.author_name ?? '')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  )
}
