import { useState } from 'react'
import { Badge, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from 'react-router'
import { errorMessage } from '../../api/http'
import { FORECAST_STATES, listWfm, startForecast, wfmExportUrl, type WfmForecast, type WfmQueue } from '../../api/wfm'
import { useAuth } from '../../auth/AuthContext'
import { ExportButtons } from '../../components/ExportButtons'
import { formatDateTime, humanize } from '../../lib/format'
import { useDebouncedUrlSearch, useUrlParams } from '../../lib/urlParams'
import { accuracyGrade, formatPercent } from '../../lib/wfm'
import { canPlanWfm, WfmHeader } from './WfmLayout'
import { WfmList, type WfmColumn } from './WfmList'

const STATE_COLORS: Record<string, string> = { queued: 'gray', running: 'indigo', succeeded: 'green', failed: 'red' }

const COLUMNS: WfmColumn<WfmForecast>[] = [
  { id: 'id', header: 'Forecast', cell: (f) => <Link className="row-link" to={`/staffing/forecasts/${f.id}`}>#{f.id}</Link> },
  { id: 'queue', header: 'Queue', sort: 'queue', cell: (f) => `${f.queue_name} (${f.queue_key})` },
  { id: 'state', header: 'State', sort: 'state', cell: (f) => <Badge variant="light" color={STATE_COLORS[f.state]}>{humanize(f.state)}</Badge> },
  { id: 'history', header: 'History', cell: (f) => (f.history_from ? `${f.history_from} → ${f.history_to}` : '—') },
  { id: 'forecast', header: 'Forecast from', cell: (f) => (f.forecast_from ? `${f.forecast_from} (${f.horizon_days} d)` : '—') },
  {
    id: 'accuracy',
    header: 'Accuracy (WAPE, day / interval)',
    cell: (f) => {
      if (f.state !== 'succeeded') return f.error ? <Text size="sm" c="red">{f.error}</Text> : '—'
      const grade = accuracyGrade(f.accuracy.daily)
      return (
        <Group gap={6} wrap="nowrap">
          <Badge variant="light" color={grade.color}>{grade.label}</Badge>
          <Text size="sm">{formatPercent(f.accuracy.daily?.wape)} / {formatPercent(f.accuracy.interval?.wape)}</Text>
        </Group>
      )
    },
  },
  { id: 'created_at', header: 'Made', sort: 'created_at', cell: (f) => formatDateTime(f.created_at) },
]

/** Forecast runs: the list (search, filter, sort, export) and a form to start one for a queue. */
export function WfmForecastsPage() {
  const { user } = useAuth()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { params, update } = useUrlParams()
  const [search, setSearch] = useDebouncedUrlSearch(params, update)
  const filters = { q: params.get('q'), queue_id: params.get('queue_id'), state: params.get('state'), sort: params.get('sort') ?? '-created_at' }
  const queues = useQuery({ queryKey: ['wfm', 'queues', 'all'], queryFn: () => listWfm<WfmQueue>('queues', {}, null, 500) })
  const queueOptions = (queues.data?.items ?? []).map((q) => ({ value: String(q.id), label: `${q.name} (${q.key})` }))
  const [queueId, setQueueId] = useState<string | null>(null)
  const [holdout, setHoldout] = useState<number | string>(7)
  const [horizon, setHorizon] = useState<number | string>(14)
  const [starting, setStarting] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function start() {
    if (!queueId) return
    setStarting(true)
    setError(null)
    try {
      const run = await startForecast(Number(queueId), { holdout_days: Number(holdout), horizon_days: Number(horizon) })
      await queryClient.invalidateQueries({ queryKey: ['wfm', 'forecasts'] })
      navigate(`/staffing/forecasts/${run.id}`)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setStarting(false)
    }
  }

  return (
    <Stack gap="md">
      <WfmHeader subtitle="Forecast each queue's contacts by interval, check the forecast against a held-back week, and staff to it" />
      {canPlanWfm(user?.role) && (
        <Paper withBorder p="sm" radius="sm">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select label="Queue to forecast" data={queueOptions} value={queueId} onChange={setQueueId} w={280} searchable />
            <NumberInput label="Hold back (days)" value={holdout} onChange={setHoldout} min={1} max={28} w={140} />
            <NumberInput label="Forecast (days)" value={horizon} onChange={setHorizon} min={1} max={62} w={140} />
            <Button onClick={start} loading={starting} disabled={!queueId}>
              Start forecast
            </Button>
            {error && <Text c="red" size="sm" role="alert">{error}</Text>}
          </Group>
        </Paper>
      )}
      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label="Search" placeholder="Queue or state…" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={220} type="search" />
          <Select label="Queue" data={queueOptions} value={filters.queue_id} onChange={(v) => update({ queue_id: v })} clearable w={260} />
          <Select label="State" data={FORECAST_STATES.map((s) => ({ value: s, label: humanize(s) }))} value={filters.state} onChange={(v) => update({ state: v })} clearable w={160} />
          <Group gap="xs" ml="auto">
            <ExportButtons url={(format) => wfmExportUrl('forecasts', format, filters)} filename="wfm-forecasts" />
          </Group>
        </Group>
      </Paper>
      <WfmList<WfmForecast>
        what="forecasts"
        noun="forecasts"
        filters={filters}
        columns={COLUMNS}
        onSort={(sort) => update({ sort })}
        refetchWhile={(rows) => rows.some((f) => f.state === 'queued' || f.state === 'running')}
      />
    </Stack>
  )
}
