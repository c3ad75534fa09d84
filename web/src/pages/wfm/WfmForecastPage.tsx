import { useEffect, useState } from 'react'
import { Alert, Anchor, Badge, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { CompositeChart, LineChart } from '@mantine/charts'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { getJob } from '../../api/endpoints'
import { errorMessage } from '../../api/http'
import { notifications } from '@mantine/notifications'
import { getForecast, getStaffingPlan, setSchedule, staffingExportUrl, type PlanInterval, type StaffingPlan, type WfmForecast } from '../../api/wfm'
import { useAuth } from '../../auth/AuthContext'
import { ExportButtons } from '../../components/ExportButtons'
import { JobProgress, jobFinished, jobPercent } from '../../components/JobProgress'
import { humanize } from '../../lib/format'
import { accuracyGrade, backtestPoints, dayLabel, dayTotals, formatPercent, planDays, staffingPoints } from '../../lib/wfm'
import { canPlanWfm, WfmHeader } from './WfmLayout'

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600} data-testid={testId}>{value}</Text>
    </div>
  )
}

/** The held-back days, actual against forecast, with the accuracy beside the chart. */
function AccuracyPanel({ forecast }: { forecast: WfmForecast }) {
  const grade = accuracyGrade(forecast.accuracy.daily)
  const p = forecast.params
  return (
    <Paper withBorder p="md" radius="sm" data-testid="wfm-accuracy">
      <Title order={4}>Forecast vs actual on the held-back {forecast.holdout_days} days</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Fitted on {forecast.history_from} → the {forecast.holdout_days} days before {forecast.forecast_from}, then compared with what arrived.
      </Text>
      <Group align="flex-start" wrap="nowrap" gap="lg">
        <div style={{ flex: 1, minWidth: 0 }}>
          <LineChart
            h={260}
            data={backtestPoints(forecast)}
            dataKey="at"
            series={[
              { name: 'Actual', color: 'gray.6' },
              { name: 'Forecast', color: 'indigo.6' },
            ]}
            curveType="linear"
            withDots={false}
            withLegend
            xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 40 }}
            yAxisLabel="Contacts per interval"
          />
        </div>
        <Stack gap="sm" w={220}>
          <Group gap={6}>
            <Text size="sm" fw={600}>Daily accuracy</Text>
            <Badge color={grade.color} variant="light" data-testid="wfm-accuracy-grade">{grade.label}</Badge>
          </Group>
          <SimpleGrid cols={2} spacing="xs">
            <Stat label="Interval WAPE" value={formatPercent(forecast.accuracy.interval?.wape)} testId="wfm-interval-wape" />
            <Stat label="Interval MAPE" value={formatPercent(forecast.accuracy.interval?.mape)} />
            <Stat label="Daily WAPE" value={formatPercent(forecast.accuracy.daily?.wape)} testId="wfm-daily-wape" />
            <Stat label="Daily MAPE" value={formatPercent(forecast.accuracy.daily?.mape)} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Holt-Winters ({p.seasonality ?? '—'}): α {p.alpha?.toFixed(2)}, β {p.beta?.toFixed(2)}, γ {p.gamma?.toFixed(2)}
            {p.trend ? ', with trend' : ', no trend'}. MAPE leaves out intervals with no contacts; WAPE weighs by volume. Intervals vary by chance (±√n calls), so the grade is by day.
          </Text>
        </Stack>
      </Group>
    </Paper>
  )
}

/** The positions scheduled in one interval, changed in place by those who plan (saved when the field is left). */
function ScheduledCell({ plan, row, editable }: { plan: StaffingPlan; row: PlanInterval; editable: boolean }) {
  const queryClient = useQueryClient()
  const [value, setValue] = useState<number | string>(row.scheduled)
  useEffect(() => setValue(row.scheduled), [row.scheduled])
  if (!editable) return <>{row.scheduled}</>
  async function save() {
    const scheduled = Number(value)
    if (!Number.isInteger(scheduled) || scheduled < 0 || scheduled === row.scheduled) return setValue(row.scheduled)
    try {
      await setSchedule(plan.queue.id, [{ date: row.day, start: row.start, scheduled }])
      await queryClient.invalidateQueries({ queryKey: ['wfm', 'plan', plan.forecast_id] })
    } catch (e) {
      notifications.show({ color: 'red', title: 'Schedule not saved', message: errorMessage(e) })
      setValue(row.scheduled)
    }
  }
  return (
    <NumberInput
      size="xs"
      w={70}
      ml="auto"
      min={0}
      allowDecimal={false}
      value={value}
      onChange={setValue}
      onBlur={save}
      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      aria-label={`Scheduled at ${row.start}`}
    />
  )
}

/** Required against scheduled positions per interval of one day, the gaps in red, and the day's table. */
function StaffingPanel({ plan }: { plan: StaffingPlan }) {
  const { user } = useAuth()
  const editable = canPlanWfm(user?.role)
  const days = planDays(plan)
  const [day, setDay] = useState<string | null>(null)
  const current = day ?? days.find((d) => dayTotals(plan, d).forecast > 0) ?? days[0]
  const points = staffingPoints(plan, current)
  const totals = dayTotals(plan, current)
  const rows = plan.intervals.filter((p) => p.day === current && (p.positions > 0 || p.scheduled > 0))
  const t = plan.targets
  return (
    <Paper withBorder p="md" radius="sm" data-testid="wfm-staffing">
      <Group justify="space-between" align="flex-end" mb="sm">
        <div>
          <Title order={4}>Required vs scheduled staff</Title>
          <Text size="sm" c="dimmed">
            {Math.round(t.target_sl * 100)} % answered in {t.target_s} s, occupancy ≤ {Math.round(t.max_occupancy * 100)} %, shrinkage{' '}
            {Math.round(t.shrinkage * 100)} % — {plan.summary.model === 'erlang_a' ? `Erlang A (patience ${t.patience_s} s)` : 'Erlang C'}
          </Text>
        </div>
        <Group gap="xs">
          <Select
            aria-label="Day"
            data={days.map((d) => ({ value: d, label: dayLabel(d) }))}
            value={current}
            onChange={setDay}
            w={200}
            allowDeselect={false}
          />
          <ExportButtons url={(format) => staffingExportUrl(plan.forecast_id, format)} filename={`staffing-plan-${plan.forecast_id}`} what="plan" />
        </Group>
      </Group>
      <Group gap="lg" mb="sm">
        <Stat label="Forecast contacts" value={Math.round(totals.forecast).toLocaleString()} />
        <Stat label="Actual contacts" value={totals.actual === null ? 'not yet' : totals.actual.toLocaleString()} />
        <Stat label="Intervals short" value={String(totals.shortIntervals)} testId="wfm-day-short" />
        <Stat label="Position-hours short" value={totals.shortHours.toFixed(1)} />
        <Stat label="Fortnight: intervals short" value={String(plan.summary.understaffed_intervals)} />
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <CompositeChart
          h={260}
          data={points}
          dataKey="start"
          withLegend
          series={[
            { name: 'Scheduled', color: 'teal.5', type: 'bar' },
            { name: 'Short', color: 'red.6', type: 'bar' },
            { name: 'Required', color: 'indigo.7', type: 'line' },
          ]}
          yAxisLabel="Positions"
          xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 20 }}
        />
        <LineChart
          h={260}
          data={points}
          dataKey="start"
          withLegend
          withDots={false}
          series={[
            { name: 'Forecast', color: 'indigo.6' },
            { name: 'Actual', color: 'gray.6' },
          ]}
          connectNulls={false}
          yAxisLabel="Contacts"
          xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 20 }}
        />
      </SimpleGrid>
      <Table.ScrollContainer minWidth={900} mt="md">
        <Table striped verticalSpacing={4} aria-label="Staffing by interval">
          <Table.Thead bg="gray.1">
            <Table.Tr>
              {['Start', 'Forecast', 'Actual', 'AHT (s)', 'Agents', 'Positions', 'Service level', 'ASA (s)', 'Occupancy', 'Scheduled', 'Gap'].map((h) => (
                <Table.Th key={h} ta={h === 'Start' ? undefined : 'right'}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.start} data-testid={p.gap > 0 ? 'gap-row' : undefined} bg={p.gap > 0 ? 'red.0' : undefined}>
                <Table.Td>{p.start}</Table.Td>
                <Table.Td ta="right">{p.contacts.toFixed(1)}</Table.Td>
                <Table.Td ta="right">{p.actual ?? '—'}</Table.Td>
                <Table.Td ta="right">{Math.round(p.aht_s)}</Table.Td>
                <Table.Td ta="right">{p.agents}</Table.Td>
                <Table.Td ta="right">{p.positions}</Table.Td>
                <Table.Td ta="right">{p.positions ? formatPercent(p.service_level * 100) : '—'}</Table.Td>
                <Table.Td ta="right">{p.positions && p.asa_s !== null ? p.asa_s.toFixed(1) : '—'}</Table.Td>
                <Table.Td ta="right">{p.positions ? formatPercent(p.occupancy * 100, 0) : '—'}</Table.Td>
                <Table.Td ta="right"><ScheduledCell plan={plan} row={p} editable={editable} /></Table.Td>
                <Table.Td ta="right" fw={p.gap !== 0 ? 700 : undefined} c={p.gap > 0 ? 'red.8' : p.gap < 0 ? 'teal.8' : undefined}>
                  {p.gap > 0 ? `${p.gap} short` : p.gap < 0 ? `${-p.gap} over` : '0'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  )
}

/** One forecast run: its progress while it runs, then forecast vs actual with accuracy, and the staffing plan. */
export function WfmForecastPage() {
  const id = Number(useParams().id)
  const queryClient = useQueryClient()
  const forecast = useQuery({
    queryKey: ['wfm', 'forecast', id],
    queryFn: () => getForecast(id),
    refetchInterval: (q) => (q.state.data && (q.state.data.state === 'queued' || q.state.data.state === 'running') ? 1000 : false),
  })
  const f = forecast.data
  const jobId = f && (f.state === 'queued' || f.state === 'running') ? f.job_id : null
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => getJob(jobId!),
    enabled: jobId !== null,
    refetchInterval: (q) => (jobFinished(q.state.data) ? false : 700),
  })
  useEffect(() => {
    if (jobFinished(job.data)) void queryClient.invalidateQueries({ queryKey: ['wfm', 'forecast', id] })
  }, [job.data, id, queryClient])
  const plan = useQuery({ queryKey: ['wfm', 'plan', id, f?.updated_at], queryFn: () => getStaffingPlan(id), enabled: f?.state === 'succeeded' })

  return (
    <Stack gap="md">
      <WfmHeader subtitle="A forecast, how well it did on the held-back days, and the staff it needs" />
      <div>
        <Anchor component={Link} to="/staffing/forecasts" size="sm">← Forecasts</Anchor>
        <Title order={3} mt={4}>
          Forecast #{id}
          {f ? ` — ${f.queue_name}` : ''}{' '}
          {f && <Badge variant="light" data-testid="wfm-forecast-state">{humanize(f.state)}</Badge>}
        </Title>
        {f?.forecast_from && (
          <Text size="sm" c="dimmed">
            {f.horizon_days} days from {dayLabel(f.forecast_from)}, {f.interval_min}-minute intervals, history {f.history_from} → {f.history_to}
          </Text>
        )}
      </div>
      {forecast.isError && <Alert color="red" title="Could not load the forecast">{errorMessage(forecast.error)}</Alert>}
      {job.data && !jobFinished(job.data) && (
        <JobProgress
          testId="wfm-forecast-job"
          title="Forecasting"
          state={job.data.state}
          stateText={job.data.message || humanize(job.data.state)}
          aside={<Text size="sm" c="dimmed">{jobPercent(job.data)} %</Text>}
          pct={jobPercent(job.data)}
          progressLabel="Forecast progress"
          progressTestId="wfm-forecast-progress"
        />
      )}
      {f?.state === 'failed' && <Alert color="red" title="The forecast failed" role="alert">{f.error}</Alert>}
      {f?.state === 'succeeded' && <AccuracyPanel forecast={f} />}
      {plan.isError && <Alert color="red" title="Could not plan the staffing">{errorMessage(plan.error)}</Alert>}
      {plan.data && <StaffingPanel plan={plan.data} />}
    </Stack>
  )
}
