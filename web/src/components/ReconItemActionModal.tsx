import { useEffect, useState } from 'react'
import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { acceptReconItem, assignReconItem, getReconItem, resolveReconItem } from '../api/endpoints'
import { ApiError, errorMessage, fieldErrorMap } from '../api/http'
import type { ReconItem } from '../api/types'
import { FormAlerts } from './FormAlerts'

export type ItemAction = 'assign' | 'resolve' | 'accept'

export const ITEM_CONFLICT_MESSAGE = 'Someone else changed this item since you opened it — reload to see their changes'

const TITLES: Record<ItemAction, string> = {
  assign: 'Assign',
  resolve: 'Resolve',
  accept: 'Accept as a known difference',
}

/** Assign, resolve or accept one item, with If-Match; a 412 shows the conflict message and a Reload button. */
export function ReconItemActionModal({
  item: initial,
  action,
  opened,
  staff,
  onClose,
  onChanged,
}: {
  item: ReconItem | null
  action: ItemAction | null
  opened: boolean
  staff: { value: string; label: string }[]
  onClose: () => void
  /** called with the saved (or reloaded) item */
  onChanged: (item: ReconItem) => void
}) {
  const [item, setItem] = useState<ReconItem | null>(initial)
  const [note, setNote] = useState('')
  const [correction, setCorrection] = useState('')
  const [assignee, setAssignee] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [conflict, setConflict] = useState(false)
  const [saving, setSaving] = useState(false)
  const [reloading, setReloading] = useState(false)
  useEffect(() => {
    if (!opened) return
    setItem(initial)
    setNote('')
    setCorrection('')
    setAssignee(initial?.assignee_id ? String(initial.assignee_id) : null)
    setErrors({})
    setFormError(null)
    setConflict(false)
    // only when the dialog opens for an item: a reload after a conflict keeps what the person typed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial?.id, action, opened])

  async function reload() {
    if (!item) return
    setReloading(true)
    try {
      const fresh = await getReconItem(item.id)
      setItem(fresh)
      setAssignee(fresh.assignee_id ? String(fresh.assignee_id) : null)
      setConflict(false)
      setFormError(null)
      onChanged(fresh)
    } catch (e) {
      setFormError(errorMessage(e))
    } finally {
      setReloading(false)
    }
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault()
    if (!item || !action) return
    setErrors({})
    setFormError(null)
    setConflict(false)
    const local: Record<string, string> = {}
    if (action !== 'assign' && !note.trim()) local.note = action === 'resolve' ? 'Say why the item is resolved.' : 'Say why this difference is known and accepted.'
    if (action === 'resolve' && !correction.trim()) local.correction = 'Say what was corrected where.'
    if (Object.keys(local).length > 0) {
      setErrors(local)
      return
    }
    setSaving(true)
    try {
      let saved: ReconItem
      if (action === 'assign') saved = await assignReconItem(item, assignee ? Number(assignee) : null)
      else if (action === 'resolve') saved = await resolveReconItem(item, note.trim(), correction.trim())
      else saved = await acceptReconItem(item, note.trim())
      notifications.show({
        color: 'green',
        title: action === 'assign' ? (saved.assignee ? `Assigned to ${saved.assignee.name}` : 'Unassigned') : action === 'resolve' ? 'Item resolved' : 'Accepted as a known difference',
        message: saved.key,
      })
      onChanged(saved)
      onClose()
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        setConflict(true)
      } else if (err instanceof ApiError && (err.status === 422 || err.status === 400)) {
        const map = fieldErrorMap(err.fieldErrors)
        if (map.assignee_id) map.assignee = map.assignee_id
        setErrors(map)
        setFormError(err.problem.detail || 'Please correct the highlighted fields.')
      } else if (err instanceof ApiError && err.status === 428) {
        setFormError('The server needs the version you are changing (If-Match). Reload the item and try again.')
      } else {
        setFormError(errorMessage(err))
      }
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened={opened && initial !== null && action !== null} onClose={onClose} title={action ? `${TITLES[action]}: ${item?.key ?? ''}` : ''} centered size="lg">
      {item && action && (
        <form onSubmit={submit} noValidate aria-label={TITLES[action]}>
          <Stack gap="sm">
            <FormAlerts
              conflict={conflict}
              conflictMessage={ITEM_CONFLICT_MESSAGE}
              onReload={reload}
              reloading={reloading}
              formError={formError}
            />
            {action === 'assign' && (
              <Select
                label="Assignee"
                description="Staff who work the item"
                placeholder="Unassigned"
                searchable
                clearable
                data={staff}
                value={assignee}
                onChange={setAssignee}
                error={errors.assignee}
                nothingFoundMessage="No such user"
                comboboxProps={{ withinPortal: true }}
                data-autofocus
              />
            )}
            {action !== 'assign' && (
              <Textarea
                label="Note"
                description={action === 'resolve' ? 'Why the item is resolved' : 'Why this difference is known and accepted'}
                required
                autosize
                minRows={2}
                maxRows={6}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={errors.note}
                data-autofocus
              />
            )}
            {action === 'resolve' && (
              <Textarea
                label="Correction"
                description="What was corrected where (system, record, field)"
                required
                autosize
                minRows={2}
                maxRows={6}
                value={correction}
                onChange={(e) => setCorrection(e.currentTarget.value)}
                error={errors.correction}
              />
            )}
            <Group justify="flex-end" mt="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={saving} disabled={conflict} color={action === 'accept' ? 'gray' : undefined}>
                {action === 'assign' ? 'Save assignment' : action === 'resolve' ? 'Resolve' : 'Accept'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}
