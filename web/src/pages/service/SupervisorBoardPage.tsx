import { useState, type DragEvent } from 'react'
import { Alert, Badge, Button, Checkbox, Group, Paper, Progress, ScrollArea, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import { getBoard, listConfig, reassign, type BoardAgent, type BoardCase, type DeskQueue } from '../../api/deskAdmin'
import { errorMessage } from '../../api/http'
import { useUrlParams } from '../../lib/urlParams'
import { SlaBadge } from './SlaBadge'

const PRIORITY_COLORS: Record<string, string> = { urgent: 'red', high: 'orange', normal: 'blue', low: 'gray' }
const UNASSIGNED = 'unassigned'

function CaseCard({ c, selected, onToggle }: { c: BoardCase; selected: boolean; onToggle: () => void }) {
  return (
    <Paper withBorder p={6} draggable onDragStart={(e: DragEvent) => e.dataTransfer.setData('text/case-id', String(c.id))} data-testid="board-case" style={{ cursor: 'grab' }}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Checkbox size="xs" checked={selected} onChange={onToggle} aria-label={`Select case #${c.id}`} mt={2} />
        <div style={{ minWidth: 0 }}>
          <Link className="row-link" to={`/service-desk/cases/${c.id}`}><Text size="sm" truncate>{`#${c.id} ${c.subject}`}</Text></Link>
          <Group gap={4}>
            <Badge size="xs" variant="light" color={PRIORITY_COLORS[c.priority] ?? 'gray'}>{`${c.priority} · ${c.weight}`}</Badge>
            <SlaBadge state={c.sla_state} due={c.sla_due_at} />
          </Group>
        </div>
      </Group>
    </Paper>
  )
}

/** One column: an agent (or the unassigned cases) with their load against capacity; drop a case here to move it. */
function Column({ agent, cases, selected, onToggle, onDrop }: { agent: BoardAgent | null; cases: BoardCase[]; selected: Set<number>; onToggle: (id: number) => void; onDrop: (caseId: number) => void }) {
  const [over, setOver] = useState(false)
  const pct = agent ? Math.min(agent.utilization_pct, 100) : 0
  return (
    <Paper withBorder p="xs" bg={over ? 'blue.0' : undefined} data-testid={agent ? `board-agent-${agent.user_id}` : 'board-unassigned'}
      onDragOver={(e) => { e.preventDefault(); setOver(true) }} onDragLeave={() => setOver(false)}
      onDrop={(e) => { e.preventDefault(); setOver(false); const id = Number(e.dataTransfer.getData('text/case-id')); if (id) onDrop(id) }}>
      <Text fw={600}>{agent ? agent.name : 'Unassigned'}</Text>
      {agent ? (
        <>
          <Text size="xs" c={agent.over_capacity ? 'red' : 'dimmed'} data-testid="board-load">{`load ${agent.load} of ${agent.capacity} · ${agent.open_cases} open · ${agent.utilization_pct} %`}</Text>
          <Progress value={pct} color={agent.over_capacity ? 'red' : agent.utilization_pct >= 80 ? 'orange' : 'teal'} size="sm" my={4} aria-label={`${agent.name} load`} />
          <Text size="xs" c="dimmed" truncate>{agent.queues.join(', ')}</Text>
        </>
      ) : <Text size="xs" c="dimmed">{`${cases.length} waiting in the queue`}</Text>}
      <ScrollArea.Autosize mah={420} mt="xs">
        <Stack gap={4}>
          {cases.map((c) => <CaseCard key={c.id} c={c} selected={selected.has(c.id)} onToggle={() => onToggle(c.id)} />)}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  )
}

/** The supervisor's board: who holds how much weighted open work against capacity; drag or select cases to rebalance. */
export function SupervisorBoardPage() {
  const { params, update } = useUrlParams()
  const queueId = params.get('queue') ? Number(params.get('queue')) : null
  const qc = useQueryClient()
  const queues = useQuery({ queryKey: ['desk-config', 'queues'], queryFn: () => listConfig<DeskQueue>('queues') })
  const board = useQuery({ queryKey: ['service-board', queueId], queryFn: () => getBoard(queueId) })
  const [selected, setSelected] = useState<Set<number>>(new Set())
  const [target, setTarget] = useState<string | null>(null)
  const [moving, setMoving] = useState(false)

  async function move(ids: number[], to: number | null) {
    setMoving(true)
    try {
      await reassign(ids, to)
      notifications.show({ color: 'teal', message: `${ids.length} case${ids.length === 1 ? '' : 's'} reassigned` })
      setSelected(new Set())
      await qc.invalidateQueries({ queryKey: ['service-board'] })
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not reassigned', message: errorMessage(e) })
    } finally {
      setMoving(false)
    }
  }
  const toggle = (id: number) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n })
  if (board.isError) return <Alert color="red" title="Could not load the board">{errorMessage(board.error)}</Alert>
  const agents = board.data?.agents ?? []
  const cases = board.data?.cases ?? []
  const targets = [{ value: UNASSIGNED, label: 'Unassigned (back to the queue)' }, ...agents.map((a) => ({ value: String(a.user_id), label: `${a.name} (${a.load}/${a.capacity})` }))]
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Supervisor’s board</Title>
          <Text size="sm" c="dimmed">Open work weighted by priority (low 1, normal 2, high 3, urgent 5) against each agent’s capacity. Drag a case to another agent, or select several.</Text>
        </div>
        <Select label="Queue" placeholder="Every queue" clearable w={240} data={(queues.data?.items ?? []).map((q) => ({ value: String(q.id), label: q.name }))} value={queueId ? String(queueId) : null} onChange={(v) => update({ queue: v })} />
      </Group>
      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end">
          <Text size="sm" data-testid="board-selected">{`${selected.size} selected`}</Text>
          <Select label="Move selected to" w={280} data={targets} value={target} onChange={setTarget} />
          <Button disabled={selected.size === 0 || !target} loading={moving} onClick={() => move([...selected], target === UNASSIGNED ? null : Number(target))}>Reassign</Button>
          {board.data && board.data.open_total > cases.length && <Text size="xs" c="dimmed">{`Showing the ${cases.length} most urgent of ${board.data.open_total} open cases`}</Text>}
        </Group>
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Column agent={null} cases={cases.filter((c) => c.assignee_id == null)} selected={selected} onToggle={toggle} onDrop={(id) => move([id], null)} />
        {agents.map((a) => (
          <Column key={a.user_id} agent={a} cases={cases.filter((c) => c.assignee_id === a.user_id)} selected={selected} onToggle={toggle} onDrop={(id) => move([id], a.user_id)} />
        ))}
      </SimpleGrid>
    </Stack>
  )
}
