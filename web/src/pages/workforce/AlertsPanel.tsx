// The coordinator's alerts (docs/WORKFORCE.md "Alerts"): ends given with less than the programme's notice,
// work orders the VMS shows closed while concord has no end. On the home page, and with every periodic
// audit finding on the VMS audit page.
import { Alert, Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { getJson } from '../../api/http'
import type { Row } from '../../api/workforce'
import { ExportButtons } from '../../components/ExportButtons'

const FINDINGS = '/api/v1/workforce/audit-findings'
const LABELS: Record<string, string> = {
  'audit.short_notice': 'Short notice',
  'audit.vms_closed_not_ended': 'VMS closed',
  'audit.past_end_still_active': 'Past its end, still active',
  'audit.no_recent_timecard': 'No recent timecard',
  'audit.vms_end_date_mismatch': 'End date differs from the VMS',
  'audit.last_day_worked_missing': 'No last day worked',
  'audit.last_day_after_end': 'Last day after the end',
}
const ALERTS = ['audit.short_notice', 'audit.vms_closed_not_ended']

function FindingLine({ r }: { r: Row }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/workforce/assignments/${String(r.assignment_id)}`}>
          #{String(r.assignment_id)}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Badge color={ALERTS.includes(String(r.code)) ? 'red' : 'orange'} variant="light">
          {LABELS[String(r.code)] ?? String(r.code)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{String(r.reason)}</Text>
      </Table.Td>
    </Table.Tr>
  )
}

/** The home page's alerts: nothing when there are none. */
export function HomeAlerts({ alerts }: { alerts?: { count: number; items?: Row[] } }) {
  if (!alerts?.count) return null
  return (
    <Alert color="red" title={`Alerts (${alerts.count})`} data-testid="home-alerts">
      <Table fz="sm">
        <Table.Tbody>
          {(alerts.items ?? []).map((r, i) => (
            <FindingLine key={i} r={r} />
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  )
}

/** Every periodic audit finding in the caller's scope, alerts first. */
export function AuditFindingsPanel() {
  const q = useQuery({ queryKey: ['wf-audit-findings'], queryFn: () => getJson<{ items: Row[] }>(FINDINGS) })
  const items = [...(q.data?.items ?? [])].sort(
    (x, y) => Number(!ALERTS.includes(String(x.code))) - Number(!ALERTS.includes(String(y.code))),
  )
  return (
    <Card withBorder data-testid="audit-findings">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Assignment audit ({items.length})</Title>
        <ExportButtons url={(f) => `${FINDINGS}/export.${f}`} filename="audit-findings" />
      </Group>
      <Stack gap={0}>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing found.
          </Text>
        ) : (
          <Table fz="sm" striped>
            <Table.Tbody>
              {items.map((r, i) => (
                <FindingLine key={i} r={r} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  )
}

/** On an assignment whose end was given with less notice than the programme asks for. */
export function ShortNoticeAlert({ notice }: { notice?: unknown }) {
  const n = notice as { short?: boolean; reason?: string } | null | undefined
  if (!n?.short) return null
  return (
    <Alert color="red" title="Short notice" data-testid="short-notice">
      {n.reason}
    </Alert>
  )
}
