import { useEffect, useState } from 'react'
import { Alert, Anchor, Badge, Button, Group, Paper, Select, Switch, Table, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { accountReports, WEEKDAYS, type AccountReport, type AccountReportEdit } from '../../api/agencyReports'
import { downloadFile } from '../../api/endpoints'
import { errorMessage } from '../../api/http'
import { ExportButtons } from '../../components/ExportButtons'
import { AccountReportEditor } from './AccountReportEditor'

/** The account's status reports: the weekly schedule, the history, and the draft to review and send. */
export function AccountStatusReportsTab({ clientId }: { clientId: number }) {
  const qc = useQueryClient()
  const key = ['agency', 'account', clientId, 'status-reports']
  const list = useQuery({ queryKey: key, queryFn: () => accountReports.list(clientId) })
  const [openId, setOpenId] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const items = list.data?.items ?? []
  const open = items.find((r) => r.id === openId) ?? items.find((r) => r.state === 'draft') ?? null

  const run = async (title: string, fn: () => Promise<{ data: AccountReport }>) => {
    setBusy(true)
    try {
      const { data } = await fn()
      setOpenId(data.id)
      await qc.invalidateQueries({ queryKey: ['agency', 'account', clientId] })
      notifications.show({ color: 'green', title: 'Status report', message: title })
    } catch (e) {
      notifications.show({ color: 'red', title: `Status report: ${title}`, message: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }
  const save = (edit: AccountReportEdit) => run('Draft saved', () => accountReports.edit(open as AccountReport, edit))
  const send = (edit: AccountReportEdit, to: string) => run('Queued to the client in the outbox', async () => {
    const saved = await accountReports.edit(open as AccountReport, edit)
    return accountReports.send(saved.data, to)
  })
  const hasDraft = items.some((r) => r.state === 'draft')
  return (
    <>
      <ScheduleCard clientId={clientId} />
      <Paper withBorder p="md" mb="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>Status reports</Title>
          <Group>
            <ExportButtons url={(f) => accountReports.listExportUrl(clientId, f)} filename="account-status-reports" />
            <Button loading={busy} onClick={() => run(hasDraft ? 'Draft refreshed' : 'Draft prepared', () => accountReports.prepare(clientId))}>
              {hasDraft ? 'Refresh draft figures' : 'New status report'}
            </Button>
          </Group>
        </Group>
        {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Prepared</Table.Th><Table.Th>State</Table.Th><Table.Th>Jobs</Table.Th><Table.Th>Sent</Table.Th>
              <Table.Th>By</Table.Th><Table.Th>Download</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.length === 0 && <Table.Tr><Table.Td colSpan={6}><Text c="dimmed">No status reports yet.</Text></Table.Td></Table.Tr>}
            {items.map((r) => (
              <Table.Tr key={r.id} onClick={() => setOpenId(r.id)} style={{ cursor: 'pointer' }}
                bg={open?.id === r.id ? 'var(--mantine-color-blue-light)' : undefined}>
                <Table.Td>{r.created_at.slice(0, 10)}{r.origin === 'schedule' ? ' (weekly)' : ''}</Table.Td>
                <Table.Td><Badge variant="light" color={r.state === 'sent' ? 'green' : 'yellow'}>{r.state}</Badge></Table.Td>
                <Table.Td>{r.lines.length}</Table.Td>
                <Table.Td>{r.sent_at ? `${r.sent_at.slice(0, 10)} to ${r.sent_to}` : '–'}</Table.Td>
                <Table.Td>{r.author}</Table.Td>
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Group gap="xs">
                    <Anchor size="sm" onClick={() => downloadFile(accountReports.pdfUrl(r), `status-report-${r.id}.pdf`)}>PDF</Anchor>
                    <Anchor size="sm" onClick={() => downloadFile(accountReports.xlsxUrl(r), `status-report-${r.id}.xlsx`)}>XLSX</Anchor>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {open && <AccountReportEditor report={open} busy={busy} onSave={save} onSend={send} />}
    </>
  )
}

function ScheduleCard({ clientId }: { clientId: number }) {
  const qc = useQueryClient()
  const schedule = useQuery({ queryKey: ['agency', 'account', clientId, 'report-schedule'], queryFn: () => accountReports.schedule(clientId) })
  const [weekday, setWeekday] = useState<string | null>(null)
  const [autoSend, setAutoSend] = useState(false)
  const [sendTo, setSendTo] = useState('')
  const [saving, setSaving] = useState(false)
  useEffect(() => {
    if (!schedule.data) return
    setWeekday(schedule.data.weekday ? String(schedule.data.weekday) : null)
    setAutoSend(schedule.data.auto_send)
    setSendTo(schedule.data.send_to)
  }, [schedule.data])
  if (schedule.isError) return <Alert color="red" mb="md">{errorMessage(schedule.error)}</Alert>
  if (!schedule.data) return null
  const save = async () => {
    setSaving(true)
    try {
      await accountReports.saveSchedule(schedule.data, { weekday: weekday ? Number(weekday) : null, auto_send: autoSend, send_to: sendTo })
      await qc.invalidateQueries({ queryKey: ['agency', 'account', clientId, 'report-schedule'] })
      notifications.show({ color: 'green', title: 'Weekly status report', message: 'Schedule saved' })
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not save the schedule', message: errorMessage(e) })
    } finally {
      setSaving(false)
    }
  }
  const day = weekday ? WEEKDAYS[Number(weekday) - 1] : null
  return (
    <Paper withBorder p="md" mb="md">
      <Title order={4} mb="xs">Weekly status report</Title>
      <Group align="end">
        <Select label="Every" placeholder="Not scheduled" clearable w={160} value={weekday} onChange={setWeekday}
          data={WEEKDAYS.map((d, i) => ({ value: String(i + 1), label: d }))} />
        <TextInput label="Send to (empty: primary contact)" w={280} value={sendTo} onChange={(e) => setSendTo(e.currentTarget.value)} />
        <Switch mb={8} label="Send without review" checked={autoSend} onChange={(e) => setAutoSend(e.currentTarget.checked)} />
        <Button variant="default" loading={saving} onClick={save}>Save schedule</Button>
      </Group>
      <Text size="sm" c="dimmed" mt="xs">
        {day ? `Every ${day} at 07:00 UTC the report is prepared from the live jobs${autoSend ? ' and sent to the client.' : ' as a draft for you to review and send.'}`
          : 'No weekly report: prepare one by hand below.'}
      </Text>
    </Paper>
  )
}
