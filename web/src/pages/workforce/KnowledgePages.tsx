import { useState } from 'react'
import { Alert, Anchor, Badge, Button, Group, List, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../api/http'
import { getRecord } from '../../api/workforce'
import {
  articleRevisions,
  citationsFromText,
  citationsToText,
  KNOWLEDGE_TOPICS,
  problemText,
  saveArticle,
  type KnowledgeArticle,
} from '../../api/workforceComms'
import { useAuth } from '../../auth/AuthContext'
import { formatDateTime, humanize } from '../../lib/format'
import { RecordListPage, StatusBadge } from './RecordListPage'
import { WorkforceNav } from './WorkforceNav'

/** Level-1 knowledge: articles with citations, searchable. */
export function KnowledgePage() {
  const { user } = useAuth()
  const internal = user?.role === 'admin' || user?.role === 'manager' || user?.role === 'coordinator'
  return (
    <RecordListPage
      title="Knowledge"
      subtitle="Level 1 answers — FLSA status, wages, final pay, benefits, co-employment — with their sources"
      path="knowledge"
      detailPath="/workforce/knowledge"
      noun="articles"
      defaultSort="title"
      sortable={['title', 'topic', 'status', 'updated_at']}
      filters={[
        { key: 'topic', label: 'Topic', options: KNOWLEDGE_TOPICS },
        { key: 'status', label: 'Status', options: ['published', 'draft'] },
      ]}
      columns={[
        { key: 'title', header: 'Article', kind: 'link' },
        { key: 'topic', header: 'Topic' },
        { key: 'version', header: 'Version' },
        { key: 'edited_by', header: 'Last edited by' },
        { key: 'updated_at', header: 'Updated', kind: 'datetime' },
        { key: 'status', header: 'Status', kind: 'status' },
      ]}
      actions={
        internal ? (
          <Button component={Link} to="/workforce/knowledge/new" data-testid="new-article">
            New article
          </Button>
        ) : undefined
      }
    />
  )
}

function ArticleForm({ article, onSaved }: { article: KnowledgeArticle | null; onSaved: (a: KnowledgeArticle) => void }) {
  const [title, setTitle] = useState(article?.title ?? '')
  const [topic, setTopic] = useState<string | null>(article?.topic ?? 'wages')
  const [body, setBody] = useState(article?.body ?? '')
  const [citations, setCitations] = useState(citationsToText(article?.citations ?? []))
  const [status, setStatus] = useState<string | null>(article?.status ?? 'published')
  const [error, setError] = useState<string | null>(null)
  async function save() {
    try {
      onSaved(await saveArticle(article, { title, topic, body, status, citations: citationsFromText(citations) }))
    } catch (e) {
      setError(problemText(e))
    }
  }
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group grow>
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="article-title" />
          <Select label="Topic" data={KNOWLEDGE_TOPICS.map((t) => ({ value: t, label: humanize(t) }))} value={topic} onChange={setTopic} />
          <Select label="Status" data={['published', 'draft'].map((t) => ({ value: t, label: humanize(t) }))} value={status} onChange={setStatus} />
        </Group>
        <Textarea label="Answer" autosize minRows={6} value={body} onChange={(e) => setBody(e.currentTarget.value)} data-testid="article-body" />
        <Textarea
          label="Sources (one a line: label | https://…)"
          autosize
          minRows={2}
          value={citations}
          onChange={(e) => setCitations(e.currentTarget.value)}
          data-testid="article-citations"
        />
        {error && (
          <Alert color="red" className="pre-wrap" data-testid="article-error">
            {error}
          </Alert>
        )}
        <Group>
          <Button onClick={save} data-testid="article-save">
            Save {article ? `version ${article.version + 1}` : ''}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

/** One article: the answer and its sources, the text for a reply, its versions; coordinators edit it. */
export function KnowledgeArticlePage() {
  const param = useParams().id
  const navigate = useNavigate()
  const { user } = useAuth()
  const internal = user?.role === 'admin' || user?.role === 'manager' || user?.role === 'coordinator'
  const id = param === 'new' ? 0 : Number(param)
  const article = useQuery({ queryKey: ['wf-article', id], queryFn: () => getRecord<KnowledgeArticle>('knowledge', id), enabled: id > 0 })
  const versions = useQuery({ queryKey: ['wf-article-versions', id, article.data?.version], queryFn: () => articleRevisions(id), enabled: id > 0 })
  const [editing, setEditing] = useState(false)
  if (id === 0) {
    return (
      <Stack gap="md">
        <WorkforceNav />
        <Title order={2}>New article</Title>
        <ArticleForm article={null} onSaved={(a) => navigate(`/workforce/knowledge/${a.id}`)} />
      </Stack>
    )
  }
  const a = article.data
  if (!a) return <Text>{article.isError ? errorMessage(article.error) : 'Loading…'}</Text>
  return (
    <Stack gap="md">
      <WorkforceNav />
      <Group justify="space-between">
        <div>
          <Title order={2}>{a.title}</Title>
          <Text size="sm" c="dimmed">
            {humanize(a.topic)} · version {a.version} · {a.edited_by ?? ''} {formatDateTime(a.updated_at as string)}
          </Text>
        </div>
        <Group>
          <StatusBadge value={a.status} />
          {internal && !editing && (
            <Button variant="light" onClick={() => setEditing(true)} data-testid="article-edit">
              Edit
            </Button>
          )}
        </Group>
      </Group>
      {editing ? (
        <ArticleForm
          article={a}
          onSaved={() => {
            setEditing(false)
            article.refetch()
          }}
        />
      ) : (
        <Paper withBorder p="md">
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="article-text">
            {a.body}
          </Text>
          <Title order={5} mt="md">
            Sources
          </Title>
          <List size="sm">
            {a.citations.map((c, i) => (
              <List.Item key={i}>{c.url ? <Anchor href={c.url} target="_blank" rel="noreferrer">{c.label}</Anchor> : c.label}</List.Item>
            ))}
          </List>
        </Paper>
      )}
      <Paper withBorder p="md">
        <Title order={5} mb="xs">
          Versions
        </Title>
        {(versions.data?.items ?? []).map((v) => (
          <Group key={v.version} gap="xs">
            <Badge variant="light">v{v.version}</Badge>
            <Text size="sm">
              {v.title} — {v.edited_by}, {formatDateTime(v.at)}
            </Text>
          </Group>
        ))}
      </Paper>
    </Stack>
  )
}
