import { useState } from 'react'
import { Anchor, Button, Group, Modal, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from 'react-router'
import { errorMessage } from '../../api/http'
import { linkedCases, openLinkedCase, type CaseLinkedKind } from '../../api/workforce'
import { formatDateTime, humanize } from '../../lib/format'
import { StatusBadge } from './RecordListPage'

/** The service cases linked to a workforce record, and a button opening a new one linked to it. */
export function LinkedCases({ kind, id }: { kind: CaseLinkedKind; id: number }) {
  const navigate = useNavigate()
  const qc = useQueryClient()
  const cases = useQuery({ queryKey: ['wf-cases', kind, id], queryFn: () => linkedCases(kind, id) })
  const [open, setOpen] = useState(false)
  const [subject, setSubject] = useState('')
  const [description, setDescription] = useState('')
  const [priority, setPriority] = useState<string | null>('normal')
  async function submit() {
    try {
      const c = await openLinkedCase(kind, id, { subject, description, priority: priority ?? undefined })
      setOpen(false)
      await qc.invalidateQueries({ queryKey: ['wf-cases', kind, id] })
      navigate(`/service-desk/cases/${c.id}`)
    } catch (e) {
      notifications.show({ color: 'red', title: 'The case was not opened', message: errorMessage(e) })
    }
  }
  const items = cases.data?.items ?? []
  return (
    <Paper withBorder p="sm" data-testid="linked-cases">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Service cases ({items.length})</Title>
        <Button size="xs" onClick={() => setOpen(true)} data-testid="open-case">
          Open a case
        </Button>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No case is linked to this record.
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/service-desk/cases/${c.id}`}>
                    #{c.id} {c.subject}
                  </Anchor>
                </Table.Td>
                <Table.Td>{humanize(c.category)}</Table.Td>
                <Table.Td>{humanize(c.priority)}</Table.Td>
                <Table.Td>
                  <StatusBadge value={c.status} />
                </Table.Td>
                <Table.Td>{formatDateTime(c.created_at)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title="Open a service case linked to this record">
        <Stack>
          <TextInput label="Subject" required value={subject} onChange={(e) => setSubject(e.currentTarget.value)} data-testid="case-subject" />
          <Textarea label="Description" autosize minRows={3} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <Select label="Priority" data={['low', 'normal', 'high', 'urgent'].map((p) => ({ value: p, label: humanize(p) }))} value={priority} onChange={setPriority} />
          <Button onClick={submit} disabled={!subject} data-testid="case-submit">
            Open the case
          </Button>
        </Stack>
      </Modal>
    </Paper>
  )
}
