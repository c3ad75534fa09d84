import { useState } from 'react'
import { ActionIcon, Button, Group, Modal, NumberInput, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { DeskQueue, QueueMember } from '../../../api/deskAdmin'
import { listUsers } from '../../../api/endpoints'
import { humanize } from '../../../lib/format'
import { ConfigAlerts, ConfigButtons } from './ConfigModalFooter'
import { optionalNumber, useConfigSave } from './useConfigSave'

export const CATEGORIES = ['payroll', 'benefits', 'timecard', 'onboarding', 'compliance', 'billing', 'claims_appeal', 'assignment', 'files', 'general']
const STRATEGIES = [
  { value: 'round_robin', label: 'Round robin' },
  { value: 'least_loaded', label: 'Least loaded' },
  { value: 'skills', label: 'Skills' },
]

/** Create or edit a queue: which cases land in it, how they are routed, and its members' skills and capacity. */
export function QueueForm({ queue, onClose }: { queue: DeskQueue | null; onClose: () => void }) {
  const users = useQuery({ queryKey: ['users', 'internal'], queryFn: () => listUsers() })
  const [q, setQ] = useState<Omit<DeskQueue, 'id' | 'version'>>(() => ({
    name: queue?.name ?? '', strategy: queue?.strategy ?? 'round_robin', category: queue?.category ?? null, language: queue?.language ?? null,
    client_id: queue?.client_id ?? null, inbound_address: queue?.inbound_address ?? '', members: queue?.members ?? [],
  }))
  const state = useConfigSave<DeskQueue>('queues', queue, onClose)
  const e = state.errors
  const setMember = (i: number, m: Partial<QueueMember>) => setQ({ ...q, members: q.members.map((x, j) => (j === i ? { ...x, ...m } : x)) })
  const userOptions = (users.data?.items ?? []).filter((u) => u.role !== 'client_user' && u.role !== 'worker').map((u) => ({ value: String(u.id), label: u.name }))
  return (
    <Modal opened onClose={onClose} size="xl" title={queue ? `Edit queue ${queue.name}` : 'New queue'}>
      <Stack gap="sm">
        <ConfigAlerts state={state} />
        <Group grow align="flex-start">
          <TextInput label="Name" required value={q.name} error={e.name} onChange={(ev) => setQ({ ...q, name: ev.currentTarget.value })} />
          <Select label="Routing" data={STRATEGIES} value={q.strategy} error={e.strategy} onChange={(v) => setQ({ ...q, strategy: v ?? 'round_robin' })} />
        </Group>
        <Group grow align="flex-start">
          <Select label="Category" placeholder="Any" clearable data={CATEGORIES.map((c) => ({ value: c, label: humanize(c) }))} value={q.category} error={e.category} onChange={(v) => setQ({ ...q, category: v })} />
          <TextInput label="Language" placeholder="Any (e.g. es)" value={q.language ?? ''} error={e.language} onChange={(ev) => setQ({ ...q, language: ev.currentTarget.value || null })} />
          <NumberInput label="Client id" placeholder="Any" value={q.client_id ?? ''} error={e.client_id} onChange={(v) => setQ({ ...q, client_id: optionalNumber(v) })} />
        </Group>
        <TextInput label="Inbound address" description="Mail sent to this address lands in this queue" value={q.inbound_address} error={e.inbound_address} onChange={(ev) => setQ({ ...q, inbound_address: ev.currentTarget.value })} />
        <Text fw={500} size="sm">Members</Text>
        {q.members.map((m, i) => (
          <Group key={i} align="flex-start" data-testid="queue-member">
            <Select label="Agent" searchable data={userOptions} value={m.user_id ? String(m.user_id) : null} error={e[`members.${i}.user_id`]} onChange={(v) => setMember(i, { user_id: Number(v) })} w={220} />
            <TagsInput label="Skills" placeholder="lang:es, product:benefits" value={m.skills} onChange={(v) => setMember(i, { skills: v })} w={280} />
            <NumberInput label="Capacity" min={0} value={m.capacity} error={e[`members.${i}.capacity`]} onChange={(v) => setMember(i, { capacity: Number(v) })} w={110} />
            <ActionIcon variant="subtle" color="red" mt={28} aria-label="Remove member" onClick={() => setQ({ ...q, members: q.members.filter((_, j) => j !== i) })}>✕</ActionIcon>
          </Group>
        ))}
        <Group><Button variant="light" size="xs" onClick={() => setQ({ ...q, members: [...q.members, { user_id: 0, skills: [], capacity: 10 }] })}>Add member</Button></Group>
        <ConfigButtons onCancel={onClose} onSave={() => state.save(q)} saving={state.saving} />
      </Stack>
    </Modal>
  )
}
