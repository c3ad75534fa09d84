import { useEffect, useState } from 'react'
import { Badge, Button, Group, NumberInput, Paper, Select, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { HEALTHS, type AccountReport, type AccountReportEdit } from '../../api/agencyReports'

const label = (s: string) => s.replaceAll('_', ' ')

/** One account status report: a draft is edited (health, progress, narrative) and sent; a sent one is read. */
export function AccountReportEditor({ report, busy, onSave, onSend }: {
  report: AccountReport
  busy: boolean
  onSave: (edit: AccountReportEdit) => Promise<void>
  onSend: (edit: AccountReportEdit, to: string) => Promise<void>
}) {
  const draft = report.state === 'draft'
  const [narrative, setNarrative] = useState(report.narrative)
  const [lines, setLines] = useState(report.lines.map((l) => ({ job_id: l.job_id, health: l.health, progress: l.progress })))
  const [to, setTo] = useState('')
  useEffect(() => {
    setNarrative(report.narrative)
    setLines(report.lines.map((l) => ({ job_id: l.job_id, health: l.health, progress: l.progress })))
  }, [report])
  const edit: AccountReportEdit = { narrative, lines }
  const setLine = (i: number, patch: Partial<(typeof lines)[number]>) =>
    setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)))
  return (
    <Paper withBorder p="md" data-testid="account-report-editor">
      <Group justify="space-between" mb="sm">
        <Title order={5}>
          {draft ? 'Draft' : 'Sent'} status report · {report.created_at.slice(0, 10)}
          {report.origin === 'schedule' && <Badge ml="xs" variant="light">weekly schedule</Badge>}
        </Title>
        {!draft && <Text size="sm">Sent {report.sent_at?.slice(0, 16).replace('T', ' ')} to {report.sent_to}</Text>}
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Job</Table.Th><Table.Th>Status</Table.Th><Table.Th>Health</Table.Th><Table.Th>Progress %</Table.Th>
              <Table.Th ta="right">Budget</Table.Th><Table.Th ta="right">Actual</Table.Th>
              <Table.Th ta="right">Used</Table.Th><Table.Th>Milestones moved since the last report</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.lines.length === 0 && <Table.Tr><Table.Td colSpan={8}><Text c="dimmed">No live jobs.</Text></Table.Td></Table.Tr>}
            {report.lines.map((l, i) => (
              <Table.Tr key={l.job_id}>
                <Table.Td>{l.number} {l.title}</Table.Td>
                <Table.Td>{label(l.job_status)}</Table.Td>
                <Table.Td>
                  {draft
                    ? <Select aria-label={`Health of ${l.number}`} w={130} data={HEALTHS.map((h) => ({ value: h, label: label(h) }))}
                        value={lines[i]?.health} onChange={(v) => v && setLine(i, { health: v })} allowDeselect={false} />
                    : <Badge variant="light" color={l.health === 'on_track' || l.health === 'done' ? 'green' : l.health === 'on_hold' ? 'gray' : 'orange'}>{label(l.health)}</Badge>}
                </Table.Td>
                <Table.Td>
                  {draft
                    ? <NumberInput aria-label={`Progress of ${l.number}`} w={80} min={0} max={100} allowDecimal={false}
                        value={lines[i]?.progress} onChange={(v) => setLine(i, { progress: Number(v) || 0 })} />
                    : `${l.progress}%`}
                </Table.Td>
                <Table.Td ta="right">{l.budget} {l.currency}</Table.Td>
                <Table.Td ta="right">{l.actual} {l.currency}</Table.Td>
                <Table.Td ta="right">{l.budget_used_percent ? `${l.budget_used_percent}%` : '–'}</Table.Td>
                <Table.Td>
                  {l.milestones_moved.length === 0 ? <Text size="sm" c="dimmed">none</Text> : l.milestones_moved.map((m) => (
                    <Text size="sm" key={m.name}>{m.name}: {m.was ?? 'new'} → {m.now}</Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">Actual: time at the rate card plus expenses with their mark-up. Used: actual ÷ budget.</Text>
      <Textarea mt="sm" label="Narrative (carried over from the last report)" autosize minRows={3} readOnly={!draft}
        value={narrative} onChange={(e) => setNarrative(e.currentTarget.value)} />
      {draft && (
        <Group mt="sm" align="end">
          <Button variant="default" loading={busy} onClick={() => onSave(edit)}>Save draft</Button>
          <TextInput label="Send to (empty: the schedule's address or the primary contact)" w={360} value={to}
            onChange={(e) => setTo(e.currentTarget.value)} />
          <Button disabled={busy} onClick={() => onSend(edit, to)}>Send to client</Button>
        </Group>
      )}
    </Paper>
  )
}
