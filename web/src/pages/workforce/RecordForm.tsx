import { useState } from 'react'
import { Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { ApiError, errorMessage, fieldErrorMap } from '../../api/http'
import { createRecord, listRecords, patchRecord, type Row } from '../../api/workforce'
import { listClients } from '../../api/endpoints'
import { FormAlerts } from '../../components/FormAlerts'
import { humanize } from '../../lib/format'

/** One input of a workforce record, as the record's InputSpec on the server names it. */
export interface FormField {
  name: string
  kind: 'text' | 'longtext' | 'email' | 'date' | 'money' | 'count' | 'bool' | 'choice' | 'list' | 'client' | 'programme'
  label?: string
  required?: boolean
  choices?: string[]
  description?: string
}

type Value = string | boolean

function initial(field: FormField, record: Row | null): Value {
  const v = record?.[field.name]
  if (field.kind === 'bool') return Boolean(v)
  if (field.kind === 'list') return Array.isArray(v) ? v.join(', ') : ''
  return v === null || v === undefined ? '' : String(v)
}

/** What the API takes for a field's text: numbers and flags typed, lists split, empty as null. */
export function requestValue(field: FormField, value: Value): unknown {
  if (field.kind === 'bool') return Boolean(value)
  const text = String(value).trim()
  if (field.kind === 'list') return text ? text.split(',').map((s) => s.trim()).filter(Boolean) : []
  if (text === '') return null
  if (field.kind === 'count' || field.kind === 'client' || field.kind === 'programme') return Number(text)
  return text
}

/** Only what changed on an edit; every given field on a create. */
export function requestBody(fields: FormField[], values: Record<string, Value>, record: Row | null): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const f of fields) {
    const value = requestValue(f, values[f.name])
    if (record) {
      if (JSON.stringify(value) !== JSON.stringify(requestValue(f, initial(f, record)))) body[f.name] = value
    } else if (value !== null && !(Array.isArray(value) && value.length === 0)) body[f.name] = value
  }
  return body
}

function useChoices(kind: FormField['kind']) {
  const clients = useQuery({ queryKey: ['clients', 'form-options'], queryFn: () => listClients({}, null, 200), enabled: kind === 'client' })
  const programmes = useQuery({ queryKey: ['wf-programmes', 'form-options'], queryFn: () => listRecords('programmes', {}, null, 200), enabled: kind === 'programme' })
  if (kind === 'client') return (clients.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.legal_name }))
  return (programmes.data?.items ?? []).map((p) => ({ value: String(p.id), label: `${String(p.name)} (${String(p.client_name ?? '')})` }))
}

function RecordSelect({ field, value, error, onChange }: { field: FormField; value: string; error?: string; onChange: (v: string) => void }) {
  const options = useChoices(field.kind)
  return <Select label={field.label ?? humanize(field.name)} data={options} value={value || null} onChange={(v) => onChange(v ?? '')} searchable required={field.required} error={error} />
}

/**
 * Create or edit a workforce record (programme, PSR, …) against its list endpoint `path`: field errors beside
 * their inputs, a 412 with Reload, only the changed fields sent on an edit (If-Match).
 */
export function RecordForm({ title, path, record, fields, onSaved, onCancel, onReload }: {
  title: string
  path: string
  record: Row | null
  fields: FormField[]
  onSaved: (saved: Row) => void
  onCancel: () => void
  onReload?: () => void
}) {
  const [values, setValues] = useState<Record<string, Value>>(() => Object.fromEntries(fields.map((f) => [f.name, initial(f, record)])))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [conflict, setConflict] = useState(false)
  const [saving, setSaving] = useState(false)
  const set = (name: string, value: Value) => setValues((v) => ({ ...v, [name]: value }))

  async function save(e: React.FormEvent) {
    e.preventDefault()
    setErrors({})
    setFormError(null)
    setConflict(false)
    setSaving(true)
    try {
      const body = requestBody(fields, values, record)
      onSaved(record ? await patchRecord(path, record, body) : await createRecord(path, body))
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

  function input(f: FormField) {
    const label = f.label ?? humanize(f.name)
    const common = { label, required: f.required, error: errors[f.name], description: f.description }
    const text = String(values[f.name])
    switch (f.kind) {
      case 'bool':
        return <Checkbox label={label} checked={Boolean(values[f.name])} onChange={(e) => set(f.name, e.currentTarget.checked)} error={errors[f.name]} mt="lg" />
      case 'longtext':
        return <Textarea {...common} autosize minRows={3} value={text} onChange={(e) => set(f.name, e.currentTarget.value)} />
      case 'choice':
        return <Select {...common} data={(f.choices ?? []).map((c) => ({ value: c, label: humanize(c) }))} value={text || null} onChange={(v) => set(f.name, v ?? '')} clearable={!f.required} />
      case 'count':
        return <NumberInput {...common} min={0} allowDecimal={false} value={text === '' ? '' : Number(text)} onChange={(v) => set(f.name, v === '' ? '' : String(v))} />
      case 'client':
      case 'programme':
        return <RecordSelect field={f} value={text} error={errors[f.name]} onChange={(v) => set(f.name, v)} />
      default:
        return (
          <TextInput
            {...common}
            type={f.kind === 'date' ? 'date' : f.kind === 'email' ? 'email' : 'text'}
            inputMode={f.kind === 'money' ? 'decimal' : undefined}
            value={text}
            onChange={(e) => set(f.name, e.currentTarget.value)}
          />
        )
    }
  }

  return (
    <Paper withBorder p="md" radius="sm">
      <form onSubmit={save} noValidate aria-label={title}>
        <Stack gap="sm">
          <Title order={4}>{title}</Title>
          <FormAlerts
            conflict={conflict}
            conflictMessage="Someone changed this record since you opened it. Reload to see their version, then make your change again."
            onReload={() => {
              setConflict(false)
              onReload?.()
            }}
            reloading={false}
            formError={formError}
          />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {fields.filter((f) => f.kind !== 'longtext').map((f) => (
              <div key={f.name}>{input(f)}</div>
            ))}
          </SimpleGrid>
          {fields.filter((f) => f.kind === 'longtext').map((f) => (
            <div key={f.name}>{input(f)}</div>
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {record ? 'Save changes' : 'Create'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
