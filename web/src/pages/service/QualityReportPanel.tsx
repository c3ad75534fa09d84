import { BarChart, LineChart } from '@mantine/charts'
import { Alert, Group, Paper, SegmentedControl, SimpleGrid, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { errorMessage } from '../../api/http'
import { getQualityReport } from '../../api/quality'
import type { Period } from '../../lib/period'
import { useUrlParams } from '../../lib/urlParams'

const pct = (v: number | null) => (v == null ? '—' : `${v} %`)

/** Average score by agent or queue, and its weekly trend over the period. */
export function QualityReportPanel({ period }: { period: Period }) {
  const { params, update } = useUrlParams()
  const by = params.get('by') ?? 'agent'
  const r = useQuery({ queryKey: ['quality-report', period.from, period.to, by], queryFn: () => getQualityReport(period.from, period.to, by) })
  if (r.isError) return <Alert color="red" title="Could not load the report">{errorMessage(r.error)}</Alert>
  const lines = r.data?.by ?? []
  return (
    <>
      <Group justify="space-between">
        <Text size="sm" data-testid="quality-total">{`${r.data?.total.scorecards ?? 0} scorecards, average ${pct(r.data?.total.avg_pct ?? null)}`}</Text>
        <SegmentedControl value={by} onChange={(v) => update({ by: v })} data={[{ value: 'agent', label: 'By agent' }, { value: 'queue', label: 'By queue' }]} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="sm">
          <Text fw={500} mb="xs">Average score by {by}</Text>
          <BarChart h={220} data={lines.map((l) => ({ key: l.key, score: l.avg_pct ?? 0 }))} dataKey="key" series={[{ name: 'score', color: 'teal.6', label: 'Average %' }]} yAxisProps={{ domain: [0, 100] }} />
        </Paper>
        <Paper withBorder p="sm">
          <Text fw={500} mb="xs">Weekly trend (week of the solve)</Text>
          <LineChart h={220} data={(r.data?.trend ?? []).map((l) => ({ week: l.key, score: l.avg_pct ?? 0 }))} dataKey="week" series={[{ name: 'score', color: 'blue.6', label: 'Average %' }]} yAxisProps={{ domain: [0, 100] }} curveType="linear" />
        </Paper>
      </SimpleGrid>
      <Paper withBorder>
        <Table striped>
          <Table.Thead><Table.Tr>{['', 'Scorecards', 'Average', 'Lowest', 'Highest'].map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr></Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.key} data-testid="quality-row"><Table.Td>{l.key}</Table.Td><Table.Td>{l.scorecards}</Table.Td><Table.Td>{pct(l.avg_pct)}</Table.Td><Table.Td>{pct(l.min_pct)}</Table.Td><Table.Td>{pct(l.max_pct)}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  )
}
