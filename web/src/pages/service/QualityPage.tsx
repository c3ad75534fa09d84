import { Group, Stack, Tabs, Text, Title } from '@mantine/core'
import { PeriodPicker } from '../../components/PeriodPicker'
import { periodFromParams } from '../../lib/period'
import { useUrlParams } from '../../lib/urlParams'
import { QualityReportPanel } from './QualityReportPanel'
import { QualitySample } from './QualitySample'
import { QualityScorecards } from './QualityScorecards'

/** Quality reviews: this period's sample of solved cases to score, the scorecards, and the report. */
export function QualityPage() {
  const { params, update } = useUrlParams()
  const period = periodFromParams(params, new Date())
  const tab = params.get('tab') ?? 'sample'
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Quality reviews</Title>
          <Text size="sm" c="dimmed">Scorecards on a random sample of each agent’s solved cases</Text>
        </div>
        <PeriodPicker period={period} onChange={update} />
      </Group>
      <Tabs value={tab} onChange={(v) => update({ tab: v })}>
        <Tabs.List>
          <Tabs.Tab value="sample">Sample to review</Tabs.Tab>
          <Tabs.Tab value="scorecards">Scorecards</Tabs.Tab>
          <Tabs.Tab value="report">Report</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sample" pt="sm"><QualitySample period={period} /></Tabs.Panel>
        <Tabs.Panel value="scorecards" pt="sm"><Stack gap="sm"><QualityScorecards period={period} /></Stack></Tabs.Panel>
        <Tabs.Panel value="report" pt="sm"><Stack gap="sm"><QualityReportPanel period={period} /></Stack></Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
