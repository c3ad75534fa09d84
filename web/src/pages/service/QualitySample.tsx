import { useState } from 'react'
import { Badge, Button, Group, NumberInput, Paper, Table, Text } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import { getSample, type SampleCase } from '../../api/quality'
import { formatDateTime } from '../../lib/format'
import type { Period } from '../../lib/period'
import { ScorecardModal } from './ScorecardModal'

/** This period's sample: a reproducible random draw of each agent's solved cases, each to review once. */
export function QualitySample({ period }: { period: Period }) {
  const [perAgent, setPerAgent] = useState(3)
  const [open, setOpen] = useState<SampleCase | null>(null)
  const qc = useQueryClient()
  const sample = useQuery({ queryKey: ['quality-sample', period.from, period.to, perAgent], queryFn: () => getSample(period.from, period.to, perAgent) })
  const items = sample.data?.items ?? []
  const done = items.filter((i) => i.scorecard_id != null).length
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs" align="flex-end">
        <Text size="sm" c="dimmed" data-testid="sample-progress">{`${done} of ${items.length} sampled cases reviewed`}</Text>
        <NumberInput label="Cases per agent" min={1} max={99} w={140} value={perAgent} onChange={(v) => setPerAgent(Number(v) || 1)} />
      </Group>
      <Table striped>
        <Table.Thead>
          <Table.Tr>{['Agent', 'Case', 'Queue', 'Solved', 'Score', ''].map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && (
            <Table.Tr><Table.Td colSpan={6}><Text c="dimmed" size="sm">{sample.isPending ? 'Drawing the sample…' : 'No solved cases in this period.'}</Text></Table.Td></Table.Tr>
          )}
          {items.map((c) => (
            <Table.Tr key={c.case_id} data-testid="sample-row">
              <Table.Td>{c.agent_name}</Table.Td>
              <Table.Td><Link className="row-link" to={`/service-desk/cases/${c.case_id}`}>{`#${c.case_id} ${c.subject}`}</Link></Table.Td>
              <Table.Td>{c.queue_name}</Table.Td>
              <Table.Td>{formatDateTime(c.solved_at)}</Table.Td>
              <Table.Td>{c.total_pct != null ? <Badge variant="light" color={c.total_pct >= 80 ? 'teal' : c.total_pct >= 60 ? 'yellow' : 'red'}>{`${c.total_pct} %`}</Badge> : '—'}</Table.Td>
              <Table.Td><Button size="xs" variant={c.scorecard_id ? 'default' : 'filled'} onClick={() => setOpen(c)}>{c.scorecard_id ? 'Edit review' : 'Review'}</Button></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {open && (
        <ScorecardModal caseId={open.case_id} subject={open.subject} scorecardId={open.scorecard_id} onClose={() => setOpen(null)}
          onSaved={() => { setOpen(null); void qc.invalidateQueries({ queryKey: ['quality-sample'] }); void qc.invalidateQueries({ queryKey: ['scorecards'] }); void qc.invalidateQueries({ queryKey: ['scorecard'] }) }} />
      )}
    </Paper>
  )
}
