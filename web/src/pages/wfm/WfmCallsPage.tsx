import { Badge, Group, Paper, Select, Stack, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { listWfm, wfmExportUrl, type WfmContact, type WfmQueue } from '../../api/wfm'
import { ExportButtons } from '../../components/ExportButtons'
import { formatDateTime } from '../../lib/format'
import { useDebouncedUrlSearch, useUrlParams } from '../../lib/urlParams'
import { WfmHeader } from './WfmLayout'
import { WfmList, type WfmColumn } from './WfmList'

const COLUMNS: WfmColumn<WfmContact>[] = [
  { id: 'call_id', header: 'Call', sort: 'call_id', cell: (c) => c.call_id },
  { id: 'queue', header: 'Queue', cell: (c) => c.queue_key },
  { id: 'arrived_at', header: 'Arrived', sort: 'arrived_at', cell: (c) => formatDateTime(c.arrived_at) },
  { id: 'outcome', header: 'Outcome', cell: (c) => <Badge variant="light" color={c.outcome === 'answered' ? 'green' : 'orange'}>{c.outcome}</Badge> },
  { id: 'handle_s', header: 'Handle (s)', sort: 'handle_s', cell: (c) => c.handle_s, align: 'right' },
  { id: 'wait_s', header: 'Wait (s)', sort: 'wait_s', cell: (c) => c.wait_s, align: 'right' },
]

/** Every stored call: search by call id, filter by queue, outcome and dates, sort, export. */
export function WfmCallsPage() {
  const { params, update } = useUrlParams()
  const [search, setSearch] = useDebouncedUrlSearch(params, update)
  const filters = {
    q: params.get('q'),
    queue_id: params.get('queue_id'),
    outcome: params.get('outcome'),
    from: params.get('from'),
    to: params.get('to'),
    sort: params.get('sort') ?? '-arrived_at',
  }
  const queues = useQuery({ queryKey: ['wfm', 'queues', 'all'], queryFn: () => listWfm<WfmQueue>('queues', {}, null, 500) })
  return (
    <Stack gap="md">
      <WfmHeader subtitle="The calls behind the interval history: imported call detail, one row a call" />
      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label="Search" placeholder="Call id or queue…" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={200} type="search" />
          <Select
            label="Queue"
            data={(queues.data?.items ?? []).map((q) => ({ value: String(q.id), label: q.name }))}
            value={filters.queue_id}
            onChange={(v) => update({ queue_id: v })}
            clearable
            w={220}
          />
          <Select label="Outcome" data={['answered', 'abandoned']} value={filters.outcome} onChange={(v) => update({ outcome: v })} clearable w={140} />
          <TextInput label="From (UTC date)" placeholder="2026-11-01" value={filters.from ?? ''} onChange={(e) => update({ from: e.currentTarget.value })} w={140} />
          <TextInput label="To (UTC date)" placeholder="2026-11-15" value={filters.to ?? ''} onChange={(e) => update({ to: e.currentTarget.value })} w={140} />
          <Group gap="xs" ml="auto">
            <ExportButtons url={(format) => wfmExportUrl('contacts', format, filters)} filename="wfm-calls" />
          </Group>
        </Group>
      </Paper>
      <WfmList<WfmContact> what="contacts" noun="calls" filters={filters} columns={COLUMNS} onSort={(sort) => update({ sort })} />
    </Stack>
  )
}
