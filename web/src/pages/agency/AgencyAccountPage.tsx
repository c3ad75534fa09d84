import { useEffect, useState } from 'react'
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Tabs, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useParams } from 'react-router'
import { accounts, type Account } from '../../api/agencyAccounts'
import { errorMessage } from '../../api/http'
import { HistoryTab } from '../../components/HistoryTab'
import { AccountFilesTab } from './AccountFilesTab'
import { AccountPeopleTab } from './AccountPeopleTab'
import { AccountStatusReportsTab } from './AccountStatusReportsTab'
import { AgencyHeader } from './AgencyNav'
import { KeyDatesEditor } from './KeyDatesEditor'

const TEXT_FIELDS: [keyof Account, string][] = [
  ['industry', 'Industry'], ['org_structure', 'Organisation structure'], ['products', 'Products'],
  ['services', 'Services'], ['markets', 'Markets'], ['distribution', 'Distribution networks'],
  ['branding_requirements', 'Brand guidelines'], ['processes', 'Processes (how work flows at the client)'],
  ['reporting_preferences', 'Reporting and communication preferences'],
]

/** One account: everything the coordinator must know to back up the lead, editable and audited. */
export function AgencyAccountPage() {
  const clientId = Number(useParams().id)
  const qc = useQueryClient()
  const account = useQuery({ queryKey: ['agency', 'account', clientId], queryFn: () => accounts.get(clientId) })
  const timeline = useQuery({ queryKey: ['agency', 'account', clientId, 'timeline'], queryFn: () => accounts.timeline(clientId) })
  const [draft, setDraft] = useState<Account | null>(null)
  const [saving, setSaving] = useState(false)
  useEffect(() => setDraft(account.data ?? null), [account.data])

  if (account.isError) return <Alert color="red" title="Could not load the account">{errorMessage(account.error)}</Alert>
  if (!draft || !account.data) return null
  const a = account.data
  const save = async (patch: Partial<Account>) => {
    setSaving(true)
    try {
      await accounts.save(clientId, patch, a.version)
      await qc.invalidateQueries({ queryKey: ['agency', 'account', clientId] })
      await qc.invalidateQueries({ queryKey: ['audit', 'client', clientId] })
      notifications.show({ color: 'green', title: 'Account', message: 'Saved' })
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not save the account', message: errorMessage(e) })
    } finally {
      setSaving(false)
    }
  }
  return (
    <>
      <AgencyHeader title={`${a.client_name} (${a.client_code})`} />
      <Group mb="sm">
        {a.team.map((t) => (
          <Badge key={`${t.role}${t.user_id}`} size="lg" variant="light">
            {t.role}: {t.name}{t.backup_name ? ` · backed up by ${t.backup_name}` : ''}
          </Badge>
        ))}
      </Group>
      <Tabs defaultValue="knowledge" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="knowledge">Knowledge</Tabs.Tab>
          <Tabs.Tab value="people">Contacts &amp; approvals</Tabs.Tab>
          <Tabs.Tab value="dates">Key dates</Tabs.Tab>
          <Tabs.Tab value="files">Files</Tabs.Tab>
          <Tabs.Tab value="reports">Status reports</Tabs.Tab>
          <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="knowledge">
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {TEXT_FIELDS.map(([key, label]) => (
                <Textarea key={key} label={label} autosize minRows={2} value={String(draft[key] ?? '')}
                  onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })} />
              ))}
            </SimpleGrid>
            <Group mt="md">
              <TextInput label="Client code (in job numbers)" value={draft.client_code}
                onChange={(e) => setDraft({ ...draft, client_code: e.currentTarget.value })} />
              <Button mt="lg" loading={saving} onClick={() => save(Object.fromEntries(
                [...TEXT_FIELDS.map(([k]) => [k, draft[k]]), ['client_code', draft.client_code]]) as Partial<Account>)}>
                Save knowledge
              </Button>
            </Group>
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="people">
          <AccountPeopleTab account={a} saving={saving} onSave={save} />
        </Tabs.Panel>
        <Tabs.Panel value="dates">
          <KeyDatesEditor dates={a.key_dates} saving={saving} onSave={(key_dates) => save({ key_dates })} />
        </Tabs.Panel>
        <Tabs.Panel value="files">
          <AccountFilesTab clientId={clientId} />
        </Tabs.Panel>
        <Tabs.Panel value="reports">
          <AccountStatusReportsTab clientId={clientId} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <Paper withBorder p="md">
            <Title order={4} mb="sm">Timeline</Title>
            {timeline.isError && <Alert color="red">{errorMessage(timeline.error)}</Alert>}
            <Timeline bulletSize={14} lineWidth={2}>
              {(timeline.data?.items ?? []).map((t, i) => (
                <Timeline.Item key={i} title={t.title}>
                  <Text size="xs" c="dimmed">{t.at.slice(0, 10)} · {t.kind.replaceAll('_', ' ')}</Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryTab clientId={clientId} />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}
