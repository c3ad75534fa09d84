import { useState } from 'react'
import { Button, FileInput, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { listClients } from '../../api/endpoints'
import { ApiError, errorMessage, fieldErrorMap } from '../../api/http'
import { attachToCase, CASE_PRIORITIES, createCase } from '../../api/service'
import { useAuth } from '../../auth/AuthContext'
import { humanize } from '../../lib/format'
import { CATEGORIES } from './settings/QueueForm'

const MAX_BYTES = 10 * 1024 * 1024

/** The portal's "new case": what it is about, how urgent, the question, and files; the case is the user's client's. */
export function NewCaseModal({ onClose }: { onClose: () => void }) {
  const { user } = useAuth()
  const navigate = useNavigate()
  const several = user?.role === 'client_user' && (user.client_ids?.length ?? 0) > 1
  const clients = useQuery({ queryKey: ['clients', 'mine'], queryFn: () => listClients({}, null, 100), enabled: several })
  const [form, setForm] = useState({ subject: '', description: '', category: 'general', priority: 'normal', client_id: null as string | null })
  const [files, setFiles] = useState<File[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const tooLarge = files.find((f) => f.size > MAX_BYTES)

  async function submit() {
    setSaving(true)
    setErrors({})
    setFormError(null)
    try {
      const created = (await createCase({ ...form, client_id: form.client_id ? Number(form.client_id) : undefined })).data
      try {
        for (const f of files) await attachToCase(created.id, f)
      } catch (e) {
        setFormError(`The case #${created.id} is open, but a file was not attached: ${errorMessage(e)}`)
        return
      }
      onClose()
      navigate(`/service-desk/cases/${created.id}`)
    } catch (e) {
      if (e instanceof ApiError) setErrors(fieldErrorMap(e.fieldErrors))
      setFormError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened onClose={onClose} size="lg" title="New case">
      <Stack gap="sm">
        {formError && <Text c="red" size="sm" role="alert" data-testid="form-error">{formError}</Text>}
        {several && (
          <Select label="For client" required data={(clients.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.legal_name }))} value={form.client_id} error={errors.client_id} onChange={(v) => setForm({ ...form, client_id: v })} />
        )}
        <Group grow align="flex-start">
          <Select label="Category" data={CATEGORIES.map((c) => ({ value: c, label: humanize(c) }))} value={form.category} error={errors.category} onChange={(v) => setForm({ ...form, category: v ?? 'general' })} />
          <Select label="Priority" data={CASE_PRIORITIES.map((p) => ({ value: p, label: humanize(p) }))} value={form.priority} error={errors.priority} onChange={(v) => setForm({ ...form, priority: v ?? 'normal' })} />
        </Group>
        <TextInput label="Subject" required maxLength={300} value={form.subject} error={errors.subject} onChange={(e) => setForm({ ...form, subject: e.currentTarget.value })} />
        <Textarea label="Description" required autosize minRows={4} value={form.description} error={errors.description} onChange={(e) => setForm({ ...form, description: e.currentTarget.value })} />
        <FileInput label="Attachments" placeholder="Add files (10 MB each at most)" multiple clearable value={files} onChange={setFiles} error={tooLarge ? `${tooLarge.name} is larger than 10 MB.` : undefined} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={submit} loading={saving} disabled={!!tooLarge}>Open case</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
