import { useMemo, useState } from 'react'
import {
  ActionIcon,
  Anchor,
  Autocomplete,
  Button,
  Divider,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useParams } from 'react-router'
import { createClient, getClient, listIndustries, listUsers, updateClient } from '../api/endpoints'
import { ApiError, errorMessage, fieldErrorMap } from '../api/http'
import { ADDRESS_KINDS, CLIENT_STATUSES, TEAM_ROLES, type Client } from '../api/types'
import { useAuth } from '../auth/AuthContext'
import { FormAlerts } from '../components/FormAlerts'
import {
  diffInput,
  emptyAddress,
  emptyValues,
  rowKey,
  toInput,
  validate,
  valuesFromClient,
  type AddressRow,
  type ClientFormValues,
  type TeamRow,
} from '../lib/clientForm'
import { humanize } from '../lib/format'
import { canEditClients } from '../lib/modules'
import { NotFoundPage } from './NotFoundPage'
import { RecordStatus } from './RecordStatus'

export const CONFLICT_MESSAGE = 'Someone else saved this client since you opened it — reload to see their changes'

type Mode = 'create' | 'edit'

export function ClientFormPage({ mode }: { mode: Mode }) {
  const { id } = useParams()
  const clientId = Number(id)
  const { user } = useAuth()

  if (!canEditClients(user?.role)) return <NotFoundPage />
  if (mode === 'edit' && !Number.isInteger(clientId)) return <NotFoundPage what="client" />
  return mode === 'create' ? <ClientForm mode="create" /> : <EditLoader clientId={clientId} />
}

function EditLoader({ clientId }: { clientId: number }) {
  const q = useQuery({ queryKey: ['client', clientId], queryFn: () => getClient(clientId), staleTime: 0 })
  if (q.isPending || q.isError) return <RecordStatus query={q} what="client" />
  return <ClientForm mode="edit" client={q.data.data} etag={q.data.etag} key={`${clientId}`} />
}

function ClientForm({ mode, client, etag: initialEtag }: { mode: Mode; client?: Client; etag?: string | null }) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [values, setValues] = useState<ClientFormValues>(() => (client ? valuesFromClient(client) : emptyValues()))
  const [base, setBase] = useState(() => (client ? toInput(valuesFromClient(client)) : null))
  const [current, setCurrent] = useState<Client | undefined>(client)
  const [etag, setEtag] = useState<string | null>(initialEtag ?? null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [conflict, setConflict] = useState(false)
  const [saving, setSaving] = useState(false)
  const [reloading, setReloading] = useState(false)

  const users = useQuery({ queryKey: ['users'], queryFn: () => listUsers(), staleTime: 300_000 })
  const industries = useQuery({ queryKey: ['industries'], queryFn: listIndustries, staleTime: 300_000 })

  const userOptions = useMemo(() => {
    const opts = (users.data?.items ?? []).map((u) => ({ value: String(u.id), label: `${u.name} (${u.email})` }))
    // keep team members whose user is not in the directory answer selectable
    for (const m of values.account_team) {
      if (m.user_id && !opts.some((o) => o.value === m.user_id)) opts.push({ value: m.user_id, label: m.name ?? `User #${m.user_id}` })
    }
    return opts
  }, [users.data, values.account_team])

  function set<K extends keyof ClientFormValues>(key: K, value: ClientFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }))
  }
  function setAddress(i: number, patch: Partial<AddressRow>) {
    setValues((v) => ({ ...v, addresses: v.addresses.map((a, j) => (j === i ? { ...a, ...patch } : a)) }))
  }
  function setMember(i: number, patch: Partial<TeamRow>) {
    setValues((v) => ({ ...v, account_team: v.account_team.map((m, j) => (j === i ? { ...m, ...patch } : m)) }))
  }

  async function reload() {
    if (!current) return
    setReloading(true)
    try {
      const fresh = await getClient(current.id)
      queryClient.setQueryData(['client', current.id], fresh)
      setCurrent(fresh.data)
      setEtag(fresh.etag)
      setValues(valuesFromClient(fresh.data))
      setBase(toInput(valuesFromClient(fresh.data)))
      setConflict(false)
      setErrors({})
      setFormError(null)
    } catch (e) {
      setFormError(errorMessage(e))
    } finally {
      setReloading(false)
    }
  }

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault()
    setFormError(null)
    setConflict(false)
    const local = validate(values)
    setErrors(local)
    if (Object.keys(local).length > 0) {
      setFormError('Please correct the highlighted fields.')
      return
    }
    const input = toInput(values)
    setSaving(true)
    try {
      let saved: Client
      if (mode === 'create') {
        const r = await createClient(input)
        saved = r.data
        notifications.show({ color: 'green', title: 'Client created', message: saved.legal_name })
      } else {
        const patch = base ? diffInput(base, input) : input
        if (Object.keys(patch).length === 0) {
          notifications.show({ color: 'gray', title: 'Nothing to save', message: 'You have not changed anything.' })
          setSaving(false)
          return
        }
        const r = await updateClient(current!.id, patch, etag)
        saved = r.data
        queryClient.setQueryData(['client', saved.id], r)
        notifications.show({ color: 'green', title: 'Client saved', message: saved.legal_name })
      }
      await queryClient.invalidateQueries({ queryKey: ['clients'] })
      await queryClient.invalidateQueries({ queryKey: ['audit', 'client', saved.id] })
      navigate(`/clients/${saved.id}`)
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.status === 412) {
          setConflict(true)
        } else if (err.status === 422 || err.status === 400) {
          const map = fieldErrorMap(err.fieldErrors)
          setErrors(map)
          const unknown = err.fieldErrors.filter((f) => !isKnownField(f.field, values))
          setFormError(
            [err.problem.detail || 'Please correct the highlighted fields.', ...unknown.map((f) => `${f.field}: ${f.message}`)].join(
              '\n',
            ),
          )
        } else if (err.status === 428) {
          setFormError('The server needs the version you are editing (If-Match). Reload the client and try again.')
        } else {
          setFormError(errorMessage(err))
        }
      } else {
        setFormError(errorMessage(err))
      }
    } finally {
      setSaving(false)
    }
  }

  const title = mode === 'create' ? 'New client' : `Edit ${current?.legal_name ?? 'client'}`

  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Anchor component={Link} to={current ? `/clients/${current.id}` : '/clients'} size="sm">
          ← {current ? current.legal_name : 'Clients'}
        </Anchor>
        <Title order={2} mt={4}>
          {title}
        </Title>
      </div>

      <FormAlerts
        conflict={conflict}
        conflictMessage={CONFLICT_MESSAGE}
        onReload={reload}
        reloading={reloading}
        formError={formError}
      />

      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          <Paper withBorder p="md" radius="sm">
            <Title order={4} mb="sm">
              Organisation
            </Title>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TextInput
                  label="Legal name"
                  required
                  value={values.legal_name}
                  onChange={(e) => set('legal_name', e.currentTarget.value)}
                  error={errors.legal_name}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TextInput
                  label="DBA (doing business as)"
                  value={values.dba}
                  onChange={(e) => set('dba', e.currentTarget.value)}
                  error={errors.dba}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <TextInput
                  label="Tax id (EIN)"
                  autoComplete="off"
                  placeholder={current?.tax_id_masked ? 'Leave empty to keep' : '12-3456789'}
                  description={
                    current?.tax_id_masked ? `On file: ${current.tax_id_masked}` : mode === 'edit' ? 'None on file' : 'Stored encrypted; shown masked'
                  }
                  value={values.tax_id}
                  onChange={(e) => set('tax_id', e.currentTarget.value)}
                  error={errors.tax_id}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Autocomplete
                  label="Industry"
                  description="Choose or type"
                  data={industries.data ?? []}
                  value={values.industry}
                  onChange={(v) => set('industry', v)}
                  error={errors.industry}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Select
                  label="Status"
                  description="Life-cycle stage"
                  required
                  allowDeselect={false}
                  data={CLIENT_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
                  value={values.status}
                  onChange={(v) => v && set('status', v as ClientFormValues['status'])}
                  error={errors.status}
                />
              </Grid.Col>
            </Grid>
          </Paper>

          <Paper withBorder p="md" radius="sm">
            <Group justify="space-between" mb="sm">
              <Title order={4}>Addresses</Title>
              <Button
                variant="light"
                size="xs"
                onClick={() => setValues((v) => ({ ...v, addresses: [...v.addresses, emptyAddress()] }))}
              >
                Add address
              </Button>
            </Group>
            {errors.addresses && (
              <Text c="red" size="sm" mb="xs">
                {errors.addresses}
              </Text>
            )}
            {values.addresses.length === 0 ? (
              <Text size="sm" c="dimmed">
                No addresses yet.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={900}>
                <Table verticalSpacing={4} withRowBorders={false}>
                  <Table.Tbody>
                    {values.addresses.map((a, i) => {
                      const n = i + 1
                      const err = (f: string) => errors[`addresses.${i}.${f}`]
                      return (
                        <Table.Tr key={a.key} data-testid="address-row">
                          <Table.Td w={130}>
                            <Select
                              label={i === 0 ? 'Kind' : undefined}
                              aria-label={`Address ${n} kind`}
                              allowDeselect={false}
                              data={ADDRESS_KINDS.map((k) => ({ value: k, label: humanize(k) }))}
                              value={a.kind}
                              onChange={(v) => v && setAddress(i, { kind: v as AddressRow['kind'] })}
                              error={err('kind')}
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput label={i === 0 ? 'Line 1' : undefined} aria-label={`Address ${n} line 1`} value={a.line1} onChange={(e) => setAddress(i, { line1: e.currentTarget.value })} error={err('line1')} />
                          </Table.Td>
                          <Table.Td>
                            <TextInput label={i === 0 ? 'Line 2' : undefined} aria-label={`Address ${n} line 2`} value={a.line2} onChange={(e) => setAddress(i, { line2: e.currentTarget.value })} error={err('line2')} />
                          </Table.Td>
                          <Table.Td w={140}>
                            <TextInput label={i === 0 ? 'City' : undefined} aria-label={`Address ${n} city`} value={a.city} onChange={(e) => setAddress(i, { city: e.currentTarget.value })} error={err('city')} />
                          </Table.Td>
                          <Table.Td w={90}>
                            <TextInput label={i === 0 ? 'Region' : undefined} aria-label={`Address ${n} region`} value={a.region} onChange={(e) => setAddress(i, { region: e.currentTarget.value })} error={err('region')} />
                          </Table.Td>
                          <Table.Td w={120}>
                            <TextInput label={i === 0 ? 'Postal code' : undefined} aria-label={`Address ${n} postal code`} value={a.postal_code} onChange={(e) => setAddress(i, { postal_code: e.currentTarget.value })} error={err('postal_code')} />
                          </Table.Td>
                          <Table.Td w={80}>
                            <TextInput label={i === 0 ? 'Country' : undefined} aria-label={`Address ${n} country`} value={a.country} onChange={(e) => setAddress(i, { country: e.currentTarget.value })} error={err('country')} />
                          </Table.Td>
                          <Table.Td w={40} style={{ verticalAlign: 'bottom' }}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              mb={4}
                              aria-label={`Remove address ${n}`}
                              onClick={() => setValues((v) => ({ ...v, addresses: v.addresses.filter((_, j) => j !== i) }))}
                            >
                              ✕
                            </ActionIcon>
                          </Table.Td>
                        </Table.Tr>
                      )
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>

          <Paper withBorder p="md" radius="sm">
            <Group justify="space-between" mb="sm">
              <Title order={4}>Account team</Title>
              <Button
                variant="light"
                size="xs"
                onClick={() =>
                  setValues((v) => ({ ...v, account_team: [...v.account_team, { key: rowKey(), user_id: null, role: null }] }))
                }
              >
                Add team member
              </Button>
            </Group>
            {users.isError && (
              <Text c="red" size="sm" mb="xs">
                Could not load the user directory: {errorMessage(users.error)}
              </Text>
            )}
            {errors.account_team && (
              <Text c="red" size="sm" mb="xs">
                {errors.account_team}
              </Text>
            )}
            {values.account_team.length === 0 ? (
              <Text size="sm" c="dimmed">
                No one assigned yet.
              </Text>
            ) : (
              <Stack gap="xs">
                {values.account_team.map((m, i) => (
                  <Group key={m.key} align="flex-start" gap="sm" data-testid="team-row" wrap="nowrap">
                    <Select
                      label={i === 0 ? 'Person' : undefined}
                      aria-label={`Team member ${i + 1} person`}
                      searchable
                      placeholder="Pick a user"
                      data={userOptions}
                      value={m.user_id}
                      onChange={(v) => setMember(i, { user_id: v })}
                      error={errors[`account_team.${i}.user_id`]}
                      w={360}
                      nothingFoundMessage="No such user"
                    />
                    <Select
                      label={i === 0 ? 'Role' : undefined}
                      aria-label={`Team member ${i + 1} role`}
                      placeholder="Pick a role"
                      data={TEAM_ROLES.map((r) => ({ value: r, label: r === 'hrbp' ? 'HR business partner' : humanize(r) }))}
                      value={m.role}
                      onChange={(v) => setMember(i, { role: v as TeamRow['role'] })}
                      error={errors[`account_team.${i}.role`]}
                      w={240}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={i === 0 ? 28 : 4}
                      aria-label={`Remove team member ${i + 1}`}
                      onClick={() => setValues((v) => ({ ...v, account_team: v.account_team.filter((_, j) => j !== i) }))}
                    >
                      ✕
                    </ActionIcon>
                  </Group>
                ))}
              </Stack>
            )}
          </Paper>

          <Paper withBorder p="md" radius="sm">
            <Title order={4} mb="sm">
              Notes
            </Title>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Textarea
                  label="Service notes"
                  autosize
                  minRows={3}
                  maxRows={10}
                  value={values.service_notes}
                  onChange={(e) => set('service_notes', e.currentTarget.value)}
                  error={errors.service_notes}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Textarea
                  label="Processing instructions"
                  autosize
                  minRows={3}
                  maxRows={10}
                  value={values.processing_instructions}
                  onChange={(e) => set('processing_instructions', e.currentTarget.value)}
                  error={errors.processing_instructions}
                />
              </Grid.Col>
            </Grid>
          </Paper>

          <Divider />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={current ? `/clients/${current.id}` : '/clients'}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {mode === 'create' ? 'Create client' : 'Save changes'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  )
}

const TOP_FIELDS = new Set([
  'legal_name',
  'dba',
  'tax_id',
  'industry',
  'status',
  'addresses',
  'account_team',
  'service_notes',
  'processing_instructions',
])

function isKnownField(field: string, _values?: ClientFormValues): boolean {
  const top = field.replace(/^\/+/, '').split(/[.[/]/)[0]
  return TOP_FIELDS.has(top)
}
