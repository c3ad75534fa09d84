import { BarChart, LineChart } from '@mantine/charts'
import { Alert, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { errorMessage } from '../../api/http'
import { dashboardExportUrl, getDashboard, type DashboardLine } from '../../api/service'
import { ExportButtons } from '../../components/ExportButtons'
import { PeriodPicker } from '../../components/PeriodPicker'
import { periodFromParams, periodLabel } from '../../lib/period'
import { useUrlParams } from '../../lib/urlParams'

const pct = (v: number | null) => (v == null ? '—' : `${v.toFixed(1)} %`)
const secs = (v: number | null) => (v == null ? '—' : `${Math.floor(v / 60)}:${String(v % 60).padStart(2, '0')}`)

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="xl" fw={600} data-testid={`stat-${label.toLowerCase().replace(/ /g, '-')}`}>{value}</Text>
    </Paper>
  )
}

/** The manager's dashboard: SLA attainment, breaches, backlog by age, FCR, handle time, by queue/agent/client. */
export function ServiceDashboardPage() {
  const { params, update } = useUrlParams()
  const by = params.get('by') ?? 'queue'
  const period = periodFromParams(params, new Date())
  const d = useQuery({ queryKey: ['service-dashboard', by, period.from, period.to], queryFn: () => getDashboard(by, period.from, period.to) })
  if (d.isError) return <Alert color="red" title="Could not load the dashboard">{errorMessage(d.error)}</Alert>
  const t = d.data?.total
  const lines: DashboardLine[] = d.data?.by ?? []
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Service levels</Title>
          <Text size="sm" c="dimmed" data-testid="dashboard-period">{`Cases opened: ${periodLabel(period)}`}</Text>
        </div>
        <Group gap="xs" align="flex-end">
          <PeriodPicker period={period} onChange={update} />
          <SegmentedControl value={by} onChange={(v) => update({ by: v })} data={[{ value: 'queue', label: 'By queue' }, { value: 'agent', label: 'By agent' }, { value: 'client', label: 'By client' }]} />
          <ExportButtons url={(format) => dashboardExportUrl(format, by, period.from, period.to)} filename={`service-${by}`} />
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Stat label="SLA attainment" value={pct(t?.sla_attainment_pct ?? null)} />
        <Stat label="Breached" value={String(t?.sla_breached ?? '—')} />
        <Stat label="First contact resolution" value={pct(t?.first_contact_resolution_pct ?? null)} />
        <Stat label="Average handle time" value={secs(t?.avg_handle_s ?? null)} />
        <Stat label="Satisfaction" value={t?.avg_satisfaction != null ? `${t.avg_satisfaction} / 5` : '—'} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="sm">
          <Text fw={500} mb="xs">SLA attainment by {by}</Text>
          <BarChart h={220} data={lines.map((l) => ({ key: l.key, attainment: l.sla_attainment_pct ?? 0 }))} dataKey="key" series={[{ name: 'attainment', color: 'teal.6', label: 'Attainment %' }]} yAxisProps={{ domain: [0, 100] }} />
        </Paper>
        <Paper withBorder p="sm">
          <Text fw={500} mb="xs">Open backlog by age</Text>
          <BarChart h={220} data={d.data?.backlog_by_age ?? []} dataKey="age" series={[{ name: 'cases', color: 'orange.6', label: 'Open cases' }]} />
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="sm">
        <Text fw={500} mb="xs">Cases opened per day</Text>
        <LineChart h={200} data={d.data?.created_per_day ?? []} dataKey="day" series={[{ name: 'cases', color: 'blue.6', label: 'Cases' }]} curveType="linear" withDots={false} />
      </Paper>
      <Paper withBorder>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              {['', 'Cases', 'Solved', 'Met', 'Breached', 'Attainment', 'FCR', 'Handle time', 'Satisfaction'].map((h) => <Table.Th key={h}>{h}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.key} data-testid="dashboard-row">
                <Table.Td>{l.key}</Table.Td><Table.Td>{l.cases}</Table.Td><Table.Td>{l.solved}</Table.Td><Table.Td>{l.sla_met}</Table.Td>
                <Table.Td>{l.sla_breached}</Table.Td><Table.Td>{pct(l.sla_attainment_pct)}</Table.Td><Table.Td>{pct(l.first_contact_resolution_pct)}</Table.Td>
                <Table.Td>{secs(l.avg_handle_s)}</Table.Td><Table.Td>{l.avg_satisfaction ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  )
}
