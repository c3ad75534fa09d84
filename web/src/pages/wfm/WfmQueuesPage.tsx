import { useState } from 'react'
import { Button, Group, Paper, Stack, TextInput } from '@mantine/core'
import { Link } from 'react-router'
import { wfmExportUrl, type WfmQueue } from '../../api/wfm'
import { ExportButtons } from '../../components/ExportButtons'
import { formatDateTime } from '../../lib/format'
import { useDebouncedUrlSearch, useUrlParams } from '../../lib/urlParams'
import { useAuth } from '../../auth/AuthContext'
import { canPlanWfm, WfmHeader } from './WfmLayout'
import { WfmQueueModal } from './WfmQueueModal'
import { WfmList, type WfmColumn } from './WfmList'

const pct = (x: number) => `${Math.round(x * 100)} %`

const COLUMNS: WfmColumn<WfmQueue>[] = [
  { id: 'name', header: 'Queue', sort: 'name', cell: (q) => q.name },
  { id: 'key', header: 'Key', sort: 'key', cell: (q) => q.key },
  { id: 'target', header: 'Service level', cell: (q) => `${pct(q.target_sl)} in ${q.target_s} s` },
  { id: 'occ', header: 'Max occupancy', cell: (q) => pct(q.max_occupancy) },
  { id: 'shrinkage', header: 'Shrinkage', cell: (q) => pct(q.shrinkage) },
  { id: 'model', header: 'Model', cell: (q) => (q.patience_s ? `Erlang A (patience ${q.patience_s} s)` : 'Erlang C') },
  { id: 'interval', header: 'Interval', cell: (q) => `${q.interval_min} min, ${q.time_zone}` },
  {
    id: 'contacts',
    header: 'Calls',
    align: 'right',
    cell: (q) => <Link className="row-link" to={`/staffing/calls?queue_id=${q.id}`}>{q.contacts.toLocaleString()}</Link>,
  },
  { id: 'updated_at', header: 'Changed', sort: 'updated_at', cell: (q) => formatDateTime(q.updated_at) },
]

/** The queues WFM plans, with their staffing targets (editable by those who plan). */
export function WfmQueuesPage() {
  const { user } = useAuth()
  const [editing, setEditing] = useState<WfmQueue | null>(null)
  const columns: WfmColumn<WfmQueue>[] = canPlanWfm(user?.role)
    ? [...COLUMNS, { id: 'edit', header: '', cell: (q) => <Button size="compact-xs" variant="default" onClick={() => setEditing(q)}>Edit</Button> }]
    : COLUMNS
  const { params, update } = useUrlParams()
  const [search, setSearch] = useDebouncedUrlSearch(params, update)
  const filters = { q: params.get('q'), sort: params.get('sort') ?? 'name' }
  return (
    <Stack gap="md">
      <WfmHeader subtitle="Queues and the service level each is staffed for" />
      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" align="flex-end">
          <TextInput label="Search" placeholder="Name or key…" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} type="search" />
          <Group gap="xs" ml="auto">
            <ExportButtons url={(format) => wfmExportUrl('queues', format, filters)} filename="wfm-queues" />
          </Group>
        </Group>
      </Paper>
      <WfmList<WfmQueue> what="queues" noun="queues" filters={filters} columns={columns} onSort={(sort) => update({ sort })} />
      {editing && <WfmQueueModal queue={editing} onClose={() => setEditing(null)} />}
    </Stack>
  )
}
