import { useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { createContact, deleteContact, listContacts, updateContact } from '../api/endpoints'
import { ApiError, errorMessage, fieldErrorMap } from '../api/http'
import { CONTACT_CHANNELS, type Contact, type ContactInput } from '../api/types'
import { humanize } from '../lib/format'

const EMPTY: ContactInput = {
  name: '',
  role: '',
  title: '',
  email: '',
  phone: '',
  preferred_channel: 'email',
  is_primary: false,
}

function clean(v: ContactInput): ContactInput {
  // "" clears a field; the server reads null as "leave unchanged"
  const n = (s: string | null) => (s ?? '').trim()
  return {
    name: v.name.trim(),
    role: n(v.role),
    title: n(v.title),
    email: n(v.email),
    phone: n(v.phone),
    preferred_channel: v.preferred_channel,
    is_primary: v.is_primary,
  }
}

export function ContactsTab({ clientId, editable }: { clientId: number; editable: boolean }) {
  const queryClient = useQueryClient()
  const q = useQuery({ queryKey: ['contacts', clientId], queryFn: () => listContacts(clientId) })
  const [editing, setEditing] = useState<Contact | 'new' | null>(null)
  const [deleting, setDeleting] = useState<Contact | null>(null)
  const [busy, setBusy] = useState(false)

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: ['contacts', clientId] })
    await queryClient.invalidateQueries({ queryKey: ['audit', 'client', clientId] })
  }

  async function doDelete() {
    if (!deleting) return
    setBusy(true)
    try {
      await deleteContact(deleting)
      notifications.show({ color: 'green', title: 'Contact deleted', message: deleting.name })
      setDeleting(null)
      await refresh()
    } catch (e) {
      const msg =
        e instanceof ApiError && e.status === 412
          ? 'Someone else changed this contact since you opened it — the list has been reloaded.'
          : errorMessage(e)
      notifications.show({ color: 'red', title: 'Not deleted', message: msg })
      if (e instanceof ApiError && e.status === 412) {
        setDeleting(null)
        await refresh()
      }
    } finally {
      setBusy(false)
    }
  }

  if (q.isPending) return <Loader size="sm" aria-label="Loading contacts" />
  if (q.isError)
    return (
      <Alert color="red" title="Could not load contacts">
        {errorMessage(q.error)}
      </Alert>
    )
  const items = q.data.items ?? []

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {items.length === 1 ? '1 contact' : `${items.length} contacts`}
        </Text>
        {editable && <Button onClick={() => setEditing('new')}>Add contact</Button>}
      </Group>
      <Paper withBorder radius="sm">
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing={6} aria-label="Contacts">
            <Table.Thead bg="gray.1">
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Title</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Phone</Table.Th>
                <Table.Th>Preferred</Table.Th>
                {editable && (
                  <Table.Th w={150}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id} data-testid="contact-row">
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" preventGrowOverflow={false}>
                      <Text size="sm" fw={500}>
                        {c.name}
                      </Text>
                      {c.is_primary && (
                        <Badge size="xs" variant="filled" color="indigo">
                          Primary
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.role || '—'}</Table.Td>
                  <Table.Td>{c.title || '—'}</Table.Td>
                  <Table.Td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '—'}</Table.Td>
                  <Table.Td>{c.phone || '—'}</Table.Td>
                  <Table.Td>{humanize(c.preferred_channel)}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(c)} aria-label={`Edit ${c.name}`}>
                          Edit
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setDeleting(c)}
                          aria-label={`Delete ${c.name}`}
                        >
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
              {items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={editable ? 7 : 6}>
                    <Text c="dimmed" ta="center" py="md" size="sm">
                      No contacts yet.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      {editing && (
        <ContactModal
          clientId={clientId}
          contact={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null)
            await refresh()
          }}
        />
      )}

      <Modal opened={!!deleting} onClose={() => setDeleting(null)} title="Delete contact?" centered>
        <Text size="sm" mb="md">
          {deleting?.name} will be removed from this client's contacts.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDeleting(null)}>
            Cancel
          </Button>
          <Button color="red" onClick={doDelete} loading={busy}>
            Delete
          </Button>
        </Group>
      </Modal>
    </Stack>
  )
}

function ContactModal({
  clientId,
  contact,
  onClose,
  onSaved,
}: {
  clientId: number
  contact: Contact | null
  onClose: () => void
  onSaved: () => Promise<void>
}) {
  const [v, setV] = useState<ContactInput>(() =>
    contact
      ? {
          name: contact.name,
          role: contact.role ?? '',
          title: contact.title ?? '',
          email: contact.email ?? '',
          phone: contact.phone ?? '',
          preferred_channel: contact.preferred_channel,
          is_primary: contact.is_primary,
        }
      : EMPTY,
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const set = <K extends keyof ContactInput>(k: K, val: ContactInput[K]) => setV((x) => ({ ...x, [k]: val }))

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault()
    setFormError(null)
    if (!v.name.trim()) {
      setErrors({ name: 'Name is required' })
      return
    }
    setErrors({})
    setSaving(true)
    try {
      const input = clean(v)
      if (contact) await updateContact(contact, input)
      else await createContact(clientId, input)
      notifications.show({ color: 'green', title: contact ? 'Contact saved' : 'Contact added', message: input.name })
      await onSaved()
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        setErrors(fieldErrorMap(err.fieldErrors))
        setFormError(err.problem.detail || 'Please correct the highlighted fields.')
      } else if (err instanceof ApiError && err.status === 412) {
        setFormError('Someone else saved this contact since you opened it — close this dialog to reload it.')
      } else {
        setFormError(errorMessage(err))
      }
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened onClose={onClose} title={contact ? `Edit ${contact.name}` : 'Add contact'} size="lg" centered>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label="Name" required data-autofocus value={v.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} />
            <TextInput label="Role" placeholder="e.g. Payroll contact" value={v.role ?? ''} onChange={(e) => set('role', e.currentTarget.value)} error={errors.role} />
            <TextInput label="Title" value={v.title ?? ''} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} />
            <TextInput label="Email" type="email" value={v.email ?? ''} onChange={(e) => set('email', e.currentTarget.value)} error={errors.email} />
            <TextInput label="Phone" type="tel" value={v.phone ?? ''} onChange={(e) => set('phone', e.currentTarget.value)} error={errors.phone} />
            <Select
              label="Preferred channel"
              allowDeselect={false}
              data={CONTACT_CHANNELS.map((c) => ({ value: c, label: humanize(c) }))}
              value={v.preferred_channel}
              onChange={(x) => x && set('preferred_channel', x as ContactInput['preferred_channel'])}
              error={errors.preferred_channel}
            />
          </SimpleGrid>
          <Checkbox
            label="Primary contact"
            checked={v.is_primary}
            onChange={(e) => set('is_primary', e.currentTarget.checked)}
            error={errors.is_primary}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {contact ? 'Save contact' : 'Add contact'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
