import { Alert, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core'
import { BarChart } from '@mantine/charts'
import { useQuery } from '@tanstack/react-query'
import { agency } from '../../api/agency'
import { errorMessage } from '../../api/http'
import { ExportButtons } from '../../components/ExportButtons'
import { AgencyHeader } from './AgencyNav'

/** Reports: the monthly forecast chart, time-entry compliance and jobs without an approved LOE. */
export function AgencyReportsPage() {
  const forecast = useQuery({ queryKey: ['agency', 'forecast'], queryFn: () => agency.forecast({}) })
  const compliance = useQuery({ queryKey: ['agency', 'compliance'], queryFn: () => agency.compliance({}) })
  const missing = useQuery({ queryKey: ['agency', 'without-loe'], queryFn: agency.withoutLoe })
  const data = (forecast.data?.months ?? []).map((m) => ({
    month: m.month, Pipeline: Number(m.pipeline), Committed: Number(m.committed), Burn: Number(m.burn),
  }))
  return (
    <>
      <AgencyHeader title="Agency — reports & forecast" />
      <Paper withBorder p="md" mb="md">
        <Group justify="space-between" mb="xs">
          <Title order={4}>Monthly revenue forecast ({forecast.data?.currency ?? 'USD'})</Title>
          <Group gap="xs"><ExportButtons url={(f) => agency.reportExportUrl('forecast', f)} filename="forecast" /></Group>
        </Group>
        {forecast.isError && <Alert color="red">{errorMessage(forecast.error)}</Alert>}
        <BarChart h={280} data={data} dataKey="month" withLegend
          series={[{ name: 'Committed', color: 'teal.6' }, { name: 'Pipeline', color: 'blue.4' }, { name: 'Burn', color: 'orange.6' }]} />
        <Text size="xs" c="dimmed">Pipeline = open estimates × close probability; committed = approved budgets − billed; burn = billable time worked.</Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="xs"><Title order={4}>Time entered on time (last 30 days)</Title>
            <ExportButtons url={(f) => agency.reportExportUrl('time-compliance', f)} filename="time-compliance" /></Group>
          <Table>
            <Table.Thead><Table.Tr><Table.Th>Person</Table.Th><Table.Th>Entries</Table.Th><Table.Th>Late</Table.Th><Table.Th>On time %</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {(compliance.data?.items ?? []).map((c) => (
                <Table.Tr key={c.person}><Table.Td>{c.person}</Table.Td><Table.Td>{c.entries}</Table.Td><Table.Td>{c.late}</Table.Td><Table.Td>{c.on_time_percent}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="xs"><Title order={4}>Billable jobs without an approved LOE</Title>
            <ExportButtons url={(f) => agency.reportExportUrl('jobs-without-loe', f)} filename="jobs-without-loe" /></Group>
          {(missing.data?.items ?? []).map((j) => <Text key={j.id} size="sm">{j.number} · {j.client_name} · {j.title} · {j.status}</Text>)}
        </Paper>
      </SimpleGrid>
    </>
  )
}
