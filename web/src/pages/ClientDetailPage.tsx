import { useState } from 'react'
import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useParams, useSearchParams } from 'react-router'
import { getClient, setClientArchived } from '../api/endpoints'
import { ApiError, errorMessage } from '../api/http'
import type { Client } from '../api/types'
import { useAuth } from '../auth/AuthContext'
import { ContactsTab } from '../components/ContactsTab'
import { Field } from '../components/Field'
import { HistoryTab } from '../components/HistoryTab'
import { formatDateTime, humanize, STATUS_COLORS } from '../lib/format'
import { canEditClients } from '../lib/modules'
import { NotFoundPage } from './NotFoundPage'
import { RecordStatus } from './RecordStatus'

export function ClientDetailPage() {
  const { id } = useParams()
  const clientId = Number(id)
  if (!Number.isInteger(clientId) || clientId <= 0) return <NotFoundPage what="client" />
  return <ClientDetail clientId={clientId} key={clientId} />
}

function ClientDetail({ clientId }: { clientId: number }) {
  const { user } = useAuth()
  const queryClient = useQueryClient()
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab') ?? 'overview'
  // the action the confirmation dialog is for, fixed when it opens so its text does not flip while it closes
  const [confirm, setConfirm] = useState<'archive' | 'restore' | null>(null)
  const [lastAction, setLastAction] = useState<'archive' | 'restore'>('archive')
  const [busy, setBusy] = useState(false)
  const q = useQuery({ queryKey: ['client', clientId], queryFn: () => getClient(clientId) })

  if (q.isPending || q.isError) return <RecordStatus query={q} what="client" />
  const client = q.data.data
  const editable = canEditClients(user?.role)

  async function toggleArchive() {
    setBusy(true)
    try {
      const r = await setClientArchived(client.id, confirm === 'archive', q.data!.etag)
      queryClient.setQueryData(['client', client.id], r)
      await queryClient.invalidateQueries({ queryKey: ['clients'] })
      await queryClient.invalidateQueries({ queryKey: ['audit', 'client', client.id] })
      notifications.show({
        color: 'green',
        title: r.data.archived ? 'Client archived' : 'Client restored',
        message: r.data.legal_name,
      })
      setConfirm(null)
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        notifications.show({
          color: 'orange',
          title: 'Edit conflict',
          message: 'Someone else saved this client since you opened it — the page has been reloaded; try again.',
        })
        await q.refetch()
        setConfirm(null)
      } else {
        notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) })
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack gap="md" maw={1200}>
      <div>
        <Anchor component={Link} to="/clients" size="sm">
          ← Clients
        </Anchor>
        <Group justify="space-between" align="flex-start" mt={4}>
          <div>
            <Group gap="sm">
              <Title order={2} data-testid="client-title">
                {client.legal_name}
              </Title>
              <Badge variant="light" color={STATUS_COLORS[client.status] ?? 'gray'} size="lg">
                {humanize(client.status)}
              </Badge>
              {client.archived && (
                <Badge variant="outline" color="gray" size="lg">
                  Archived
                </Badge>
              )}
            </Group>
            {client.dba && (
              <Text c="dimmed" size="sm">
                doing business as {client.dba}
              </Text>
            )}
          </div>
          {editable && (
            <Group gap="xs">
              <Button variant="default" color={client.archived ? 'green' : 'red'} onClick={() => {
                  const action = client.archived ? 'restore' : 'archive'
                  setLastAction(action)
                  setConfirm(action)
                }}>
                {client.archived ? 'Restore' : 'Archive'}
              </Button>
              <Button component={Link} to={`/clients/${client.id}/edit`}>
                Edit
              </Button>
            </Group>
          )}
        </Group>
      </div>

      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={lastAction === 'restore' ? 'Restore this client?' : 'Archive this client?'}
        centered
      >
        <Text size="sm" mb="md">
          {lastAction === 'restore'
            ? `${client.legal_name} will show in client lists again.`
            : `${client.legal_name} will be hidden from client lists unless "Show archived" is ticked. Nothing is deleted.`}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirm(null)}>
            Cancel
          </Button>
          <Button color={lastAction === 'restore' ? 'green' : 'red'} onClick={toggleArchive} loading={busy}>
            {lastAction === 'restore' ? 'Restore' : 'Archive'}
          </Button>
        </Group>
      </Modal>

      <Tabs
        value={tab}
        onChange={(v) => {
          const next = new URLSearchParams(params)
          if (!v || v === 'overview') next.delete('tab')
          else next.set('tab', v)
          setParams(next, { replace: true })
        }}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab value="contacts">Contacts</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Overview client={client} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          <ContactsTab clientId={client.id} editable={editable} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryTab clientId={client.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}

function Overview({ client }: { client: Client }) {
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          <Paper withBorder p="md" radius="sm">
            <Title order={4} mb="sm">
              Organisation
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <Field label="Legal name">{client.legal_name}</Field>
              <Field label="DBA">{client.dba || '—'}</Field>
              <Field label="Tax id">{client.tax_id_masked || '—'}</Field>
              <Field label="Industry">{client.industry || '—'}</Field>
              <Field label="Status">{humanize(client.status)}</Field>
              <Field label="Client id">{client.id}</Field>
              <Field label="Created">{formatDateTime(client.created_at)}</Field>
              <Field label="Updated">{formatDateTime(client.updated_at)}</Field>
              <Field label="Version">{client.version}</Field>
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md" radius="sm">
            <Title order={4} mb="sm">
              Addresses
            </Title>
            {client.addresses?.length ? (
              <Table verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>Address</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {client.addresses.map((a, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{humanize(a.kind)}</Table.Td>
                      <Table.Td>
                        {[a.line1, a.line2, [a.city, a.region, a.postal_code].filter(Boolean).join(' '), a.country]
                          .filter(Boolean)
                          .join(', ')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text size="sm" c="dimmed">
                No addresses on file.
              </Text>
            )}
          </Paper>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          <Paper withBorder p="md" radius="sm">
            <Title order={4} mb="sm">
              Account team
            </Title>
            {client.account_team?.length ? (
              <Stack gap={6}>
                {client.account_team.map((m, i) => (
                  <Group key={i} justify="space-between">
                    <Text size="sm" fw={500}>
                      {m.name ?? `User #${m.user_id}`}
                    </Text>
                    <Badge variant="light" color="gray">
                      {m.role === 'hrbp' ? 'HR business partner' : humanize(m.role)}
                    </Badge>
                  </Group>
                ))}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                No one assigned.
              </Text>
            )}
          </Paper>
          <Paper withBorder p="md" radius="sm">
            <Title order={4} mb="xs">
              Service notes
            </Title>
            <Text size="sm" className="pre-wrap" c={client.service_notes ? undefined : 'dimmed'}>
              {client.service_notes || 'None.'}
            </Text>
            <Title order={4} mt="md" mb="xs">
              Processing instructions
            </Title>
            <Text size="sm" className="pre-wrap" c={client.processing_instructions ? undefined : 'dimmed'}>
              {client.processing_instructions || 'None.'}
            </Text>
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
  )
}
