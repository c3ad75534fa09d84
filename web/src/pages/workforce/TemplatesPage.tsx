import { useEffect, useState } from 'react'
import { Alert, Anchor, Badge, Button, Code, Grid, Group, NavLink, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { ApiError, errorMessage } from '../../api/http'
import { getRecord, previewTemplate, programmeTemplates, resetTemplate, saveTemplate, type MessageTemplate } from '../../api/workforce'
import { useAuth } from '../../auth/AuthContext'
import { FormAlerts } from '../../components/FormAlerts'
import { WorkforceNav } from './WorkforceNav'

/** Field errors of a refused save or preview, by field ("subject", "body"). */
function fieldErrors(e: unknown): Record<string, string> {
  return e instanceof ApiError ? Object.fromEntries(e.fieldErrors.map((f) => [f.field, f.message])) : {}
}

/**
 * One template: subject and body with their placeholders, preview, save (guarded by the version read: a 412
 * says someone saved since, and Reload fetches their text), back to the default.
 */
export function TemplateEditor({
  programmeId,
  template,
  canEdit,
  onSaved,
  onReload,
}: {
  programmeId: number
  template: MessageTemplate
  canEdit: boolean
  onSaved: () => void
  /** Fetches the templates again; answers the current version of this one. */
  onReload: () => Promise<MessageTemplate | undefined>
}) {
  const [subject, setSubject] = useState(template.subject)
  const [body, setBody] = useState(template.body)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [conflict, setConflict] = useState(false)
  const [reloading, setReloading] = useState(false)
  const [preview, setPreview] = useState<{ subject: string; body: string } | null>(null)
  function show(t: MessageTemplate) {
    setSubject(t.subject)
    setBody(t.body)
    setErrors({})
    setError(null)
    setConflict(false)
    setPreview(null)
  }
  useEffect(() => show(template), [template])

  async function run(action: () => Promise<void>) {
    setErrors({})
    setError(null)
    setConflict(false)
    try {
      await action()
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) return setConflict(true)
      setErrors(fieldErrors(e))
      setError(errorMessage(e))
    }
  }
  async function reload() {
    setReloading(true)
    try {
      const current = await onReload()
      if (current) show(current)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setReloading(false)
    }
  }
  const save = () =>
    run(async () => {
      await saveTemplate(programmeId, template.kind, { subject, body, version: template.version })
      notifications.show({ color: 'green', message: `${template.title}: saved.` })
      onSaved()
    })
  const reset = () =>
    run(async () => {
      await resetTemplate(programmeId, template.kind)
      notifications.show({ message: `${template.title}: back to the default.` })
      onSaved()
    })
  const showPreview = () => run(async () => setPreview(await previewTemplate(programmeId, template.kind, { subject, body })))

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>{template.title}</Title>
        <Badge color={template.custom ? 'blue' : 'gray'} data-testid="template-origin">
          {template.custom ? `This programme's (v${template.version})` : 'Default'}
        </Badge>
      </Group>
      <TextInput label="Subject" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={errors.subject} readOnly={!canEdit} data-testid="template-subject" />
      <Textarea
        label="Body"
        autosize
        minRows={6}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        error={errors.body}
        readOnly={!canEdit}
        styles={{ input: { fontFamily: 'monospace' } }}
        data-testid="template-body"
      />
      <Text size="xs" c="dimmed">
        Placeholders:{' '}
        {template.placeholders.map((p) => (
          <Code key={p.name} title={`e.g. ${p.example}`} mr={4}>
            {`{{${p.name}}}`}
          </Code>
        ))}
      </Text>
      <Group>
        <Button variant="default" onClick={showPreview} data-testid="template-preview">
          Preview
        </Button>
        {canEdit && (
          <Button onClick={save} data-testid="template-save">
            Save
          </Button>
        )}
        {canEdit && template.custom && (
          <Button variant="subtle" color="red" onClick={reset} data-testid="template-reset">
            Back to the default
          </Button>
        )}
      </Group>
      <FormAlerts
        conflict={conflict}
        conflictMessage={`Someone saved "${template.title}" since you opened it (you edited version ${template.version}); nothing of yours was saved. Reload to see their text, then make your change again.`}
        onReload={reload}
        reloading={reloading}
        formError={null}
      />
      {error && (
        <Alert color="red" title="Not saved" role="alert" data-testid="template-error">
          {error}
        </Alert>
      )}
      {preview && (
        <Paper withBorder p="md" data-testid="template-preview-text">
          <Text fw={600}>{preview.subject}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {preview.body}
          </Text>
        </Paper>
      )}
    </Stack>
  )
}

/** A programme's messages, reminders and separation letter: edit, check, preview, or go back to the default. */
export function TemplatesPage() {
  const id = Number(useParams().id)
  const { user } = useAuth()
  const canEdit = user?.role === 'admin' || user?.role === 'manager' || user?.role === 'coordinator'
  const programme = useQuery({ queryKey: ['wf-programme', id], queryFn: () => getRecord('programmes', id) })
  const templates = useQuery({ queryKey: ['wf-templates', id], queryFn: () => programmeTemplates(id) })
  const [kind, setKind] = useState<string | null>(null)
  const items = templates.data?.items ?? []
  const current = items.find((t) => t.kind === kind) ?? items[0]
  return (
    <Stack gap="md">
      <WorkforceNav />
      <Group gap="xs">
        <Anchor component={Link} to={`/workforce/programmes/${id}`}>
          {String(programme.data?.name ?? 'Programme')}
        </Anchor>
        <Text c="dimmed">/ Messages and letters</Text>
      </Group>
      {templates.isError && <Alert color="red">{errorMessage(templates.error)}</Alert>}
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder>
            {items.map((t) => (
              <NavLink
                key={t.kind}
                label={t.title}
                description={t.custom ? "This programme's wording" : 'Default wording'}
                active={current?.kind === t.kind}
                onClick={() => setKind(t.kind)}
                data-testid={`template-${t.kind}`}
              />
            ))}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {current && (
            <TemplateEditor
              programmeId={id}
              template={current}
              canEdit={canEdit}
              onSaved={() => templates.refetch()}
              onReload={async () => (await templates.refetch()).data?.items.find((t) => t.kind === current.kind)}
            />
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
