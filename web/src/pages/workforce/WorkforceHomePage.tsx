import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { errorMessage } from '../../api/http'
import { home, type Row } from '../../api/workforce'
import { payrollSummary } from '../../api/workforceComms'
import { humanize } from '../../lib/format'
import { HomeAlerts } from './AlertsPanel'
import { StatusBadge } from './RecordListPage'
import { WorkforceNav } from './WorkforceNav'

function Section({
  title,
  count,
  testId,
  link,
  children,
}: {
  title: string
  count: number
  testId: string
  link: string
  children: React.ReactNode
}) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Anchor component={Link} to={link} fw={600}>
          {title}
        </Anchor>
        <Badge size="lg" color={count ? 'orange' : 'green'} data-testid={`${testId}-count`}>
          {count}
        </Badge>
      </Group>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing here today.
        </Text>
      ) : (
        <Table fz="sm">
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      )}
    </Card>
  )
}

const a = (r: Row) => `/workforce/assignments/${r.assignment_id ?? r.id}`

/** A row that opens the worker's assignment, then the section's own cells. */
function WorkerRow({ r, children }: { r: Row; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={a(r)}>
          {String(r.worker_name)}
        </Anchor>
      </Table.Td>
      {children}
    </Table.Tr>
  )
}

/** The coordinator's day: what is waiting, blocked, starting, ending, missing and out of line with the VMS. */
export function WorkforceHomePage() {
  const q = useQuery({ queryKey: ['wf-home'], queryFn: () => home() })
  const payroll = useQuery({ queryKey: ['wf-payroll-summary'], queryFn: () => payrollSummary() })
  if (q.isError) return <Alert color="red" title="Could not load today's work">{errorMessage(q.error)}</Alert>
  const h = q.data
  return (
    <Stack gap="md">
      <WorkforceNav />
      <Title order={2}>Today</Title>
      {!h ? (
        <Text>Loading…</Text>
      ) : (
        <>
        <HomeAlerts alerts={h.alerts} />
        <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
          <Section title="PSRs waiting" count={h.psrs_waiting.count} testId="home-psrs" link="/workforce/psrs?status=needs_details">
            {(h.psrs_waiting.items ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/workforce/psrs/${r.id}`}>
                    {String(r.vms_work_order_id ?? `#${r.id}`)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{String(r.title ?? '')}</Table.Td>
                <Table.Td>
                  <StatusBadge value={r.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Section>
          <Section title="Onboarding blocked" count={h.onboarding_blocked.count} testId="home-blocked" link="/workforce/assignments?status=onboarding">
            {(h.onboarding_blocked.items ?? []).slice(0, 10).map((r) => (
              <WorkerRow key={r.id} r={r}>
                <Table.Td>
                  <Text size="xs">{(r.missing as string[]).length} missing</Text>
                </Table.Td>
                <Table.Td>{String(r.start_date)}</Table.Td>
              </WorkerRow>
            ))}
          </Section>
          <Section title="Starts this week" count={h.starts_this_week.count} testId="home-starts" link="/workforce/assignments?sort=start_date">
            {(h.starts_this_week.items ?? []).map((r) => (
              <WorkerRow key={r.id} r={r}>
                <Table.Td>{String(r.start_date)}</Table.Td>
                <Table.Td>
                  <StatusBadge value={r.status} />
                </Table.Td>
              </WorkerRow>
            ))}
          </Section>
          <Section title="Ends this week" count={h.ends_this_week.count} testId="home-ends" link="/workforce/assignments?sort=end_date">
            {(h.ends_this_week.items ?? []).map((r) => (
              <WorkerRow key={r.id} r={r}>
                <Table.Td>{String(r.end_date)}</Table.Td>
                <Table.Td>{String(r.client_name)}</Table.Td>
              </WorkerRow>
            ))}
          </Section>
          <Section
            title={`Missing timecards (week of ${String(h.missing_timecards.week_start)})`}
            count={h.missing_timecards.count}
            testId="home-missing"
            link="/workforce/timecards?tab=missing"
          >
            {(h.missing_timecards.items ?? []).map((r) => (
              <WorkerRow key={String(r.assignment_id)} r={r}>
                <Table.Td>{String(r.manager_name ?? '')}</Table.Td>
                <Table.Td>{humanize(String(r.timecard_status))}</Table.Td>
              </WorkerRow>
            ))}
          </Section>
          {h.checkins_due && (
            <Section title="Check-ins due" count={h.checkins_due.count} testId="home-checkins" link="/workforce/programmes">
              {(h.checkins_due.items ?? []).map((r) => (
                <WorkerRow key={String(r.assignment_id)} r={r}>
                  <Table.Td>{humanize(String(r.schedule))}</Table.Td>
                  <Table.Td>due {String(r.due)}</Table.Td>
                </WorkerRow>
              ))}
            </Section>
          )}
          {h.deliverables_overdue && (
            <Section title="Deliverables overdue" count={h.deliverables_overdue.count} testId="home-deliverables" link="/workforce/assignments?worker_type=contractor_1099&status=active">
              {(h.deliverables_overdue.items ?? []).map((r) => (
                <WorkerRow key={r.id} r={r}>
                  <Table.Td>{String(r.title)}</Table.Td>
                  <Table.Td>due {String(r.due_date)}</Table.Td>
                </WorkerRow>
              ))}
            </Section>
          )}
          {payroll.data && (
            <Section
              title={`Payroll follow-ups due (${payroll.data.payroll_tickets.count} open)`}
              count={payroll.data.payroll_followups.count}
              testId="home-payroll"
              link="/workforce/payroll"
            >
              {payroll.data.payroll_followups.items.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/workforce/payroll/${t.id}`}>
                      {t.worker_name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{humanize(t.kind)}</Table.Td>
                  <Table.Td>due {t.due_date}</Table.Td>
                </Table.Tr>
              ))}
            </Section>
          )}
          <Section title="Audit exceptions" count={h.audit_exceptions.count} testId="home-audit" link="/workforce/vms-audit">
            {((h.audit_exceptions.findings as Row[]) ?? []).map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <Anchor component={Link} to={a(r)}>
                    #{String(r.assignment_id)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{String(r.reason)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td colSpan={2}>
                <Text size="sm">{String(h.audit_exceptions.vms_open)} open VMS audit exceptions</Text>
              </Table.Td>
            </Table.Tr>
          </Section>
        </SimpleGrid>
        </>
      )}
    </Stack>
  )
}
