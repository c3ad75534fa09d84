import { useState } from 'react'
import { ActionIcon, Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { listConfig, type Escalation, type ServiceCalendar, type SlaPolicy } from '../../../api/deskAdmin'
import { CASE_PRIORITIES, CASE_STATUSES } from '../../../api/service'
import { humanize } from '../../../lib/format'
import { ConfigAlerts, ConfigButtons } from './ConfigModalFooter'
import { CATEGORIES } from './QueueForm'
import { optionalNumber, useConfigSave } from './useConfigSave'

const METRICS = ['first_response', 'next_response', 'resolution']
const ACTIONS = ['notify', 'reassign', 'raise_level']

/** Create or edit an SLA policy: targets in business minutes on a calendar, pauses, escalations, what it applies to. */
export function PolicyForm({ policy, onClose }: { policy: SlaPolicy | null; onClose: () => void }) {
  const calendars = useQuery({ queryKey: ['desk-config', 'service-calendars'], queryFn: () => listConfig<ServiceCalendar>('service-calendars') })
  const [p, setP] = useState<Omit<SlaPolicy, 'id' | 'version'>>(() => ({
    name: policy?.name ?? '', calendar_id: policy?.calendar_id ?? 0, first_response_min: policy?.first_response_min ?? null,
    next_response_min: policy?.next_response_min ?? null, resolution_min: policy?.resolution_min ?? null, due_soon_min: policy?.due_soon_min ?? 0,
    pause_statuses: policy?.pause_statuses ?? ['pending_requester', 'pending_third_party', 'on_hold'], escalations: policy?.escalations ?? [],
    client_id: policy?.client_id ?? null, category: policy?.category ?? null, priority: policy?.priority ?? null, active: policy?.active ?? true,
  }))
  const state = useConfigSave<SlaPolicy>('sla-policies', policy, onClose)
  const e = state.errors
  const minutes = (key: 'first_response_min' | 'next_response_min' | 'resolution_min' | 'due_soon_min', label: string) => (
    <NumberInput label={label} min={0} suffix=" min" value={p[key] ?? ''} error={e[key]} onChange={(v) => setP({ ...p, [key]: key === 'due_soon_min' ? Number(v) || 0 : optionalNumber(v) })} />
  )
  const setEsc = (i: number, x: Partial<Escalation>) => setP({ ...p, escalations: p.escalations.map((y, j) => (j === i ? { ...y, ...x } : y)) })
  return (
    <Modal opened onClose={onClose} size="xl" title={policy ? `Edit SLA policy ${policy.name}` : 'New SLA policy'}>
      <Stack gap="sm">
        <ConfigAlerts state={state} />
        <Group grow align="flex-start">
          <TextInput label="Name" required value={p.name} error={e.name} onChange={(ev) => setP({ ...p, name: ev.currentTarget.value })} />
          <Select label="Business calendar" required data={(calendars.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }))} value={p.calendar_id ? String(p.calendar_id) : null} error={e.calendar_id} onChange={(v) => setP({ ...p, calendar_id: Number(v) || 0 })} />
          <Switch label="Active" checked={p.active} onChange={(ev) => setP({ ...p, active: ev.currentTarget.checked })} mt={30} />
        </Group>
        <Group grow align="flex-start">
          {minutes('first_response_min', 'First response')}
          {minutes('next_response_min', 'Next response')}
          {minutes('resolution_min', 'Resolution')}
          {minutes('due_soon_min', 'Due-soon warning')}
        </Group>
        <MultiSelect label="Clocks pause in" data={CASE_STATUSES.map((s) => ({ value: s, label: humanize(s) }))} value={p.pause_statuses} error={e.pause_statuses} onChange={(v) => setP({ ...p, pause_statuses: v })} />
        <Text fw={500} size="sm">Applies to (empty: any)</Text>
        <Group grow align="flex-start">
          <NumberInput label="Client id (contract)" value={p.client_id ?? ''} error={e.client_id} onChange={(v) => setP({ ...p, client_id: optionalNumber(v) })} />
          <Select label="Category" clearable data={CATEGORIES.map((c) => ({ value: c, label: humanize(c) }))} value={p.category} error={e.category} onChange={(v) => setP({ ...p, category: v })} />
          <Select label="Priority" clearable data={CASE_PRIORITIES.map((c) => ({ value: c, label: humanize(c) }))} value={p.priority} error={e.priority} onChange={(v) => setP({ ...p, priority: v })} />
        </Group>
        <Text fw={500} size="sm">Escalations</Text>
        {p.escalations.map((x, i) => (
          <Group key={i} align="flex-start" data-testid="policy-escalation">
            <Select label="Clock" data={METRICS.map((m) => ({ value: m, label: humanize(m) }))} value={x.metric} error={e[`escalations.${i}.metric`]} onChange={(v) => setEsc(i, { metric: v ?? 'resolution' })} w={170} />
            <NumberInput label="Minutes before due" value={x.before_due_min} error={e[`escalations.${i}.before_due_min`]} onChange={(v) => setEsc(i, { before_due_min: Number(v) || 0 })} w={150} />
            <Select label="Action" data={ACTIONS.map((m) => ({ value: m, label: humanize(m) }))} value={x.action} error={e[`escalations.${i}.action`]} onChange={(v) => setEsc(i, { action: v ?? 'notify' })} w={150} />
            <TextInput label="Target" description="user id, supervisor or queue id" value={x.target} error={e[`escalations.${i}.target`]} onChange={(ev) => setEsc(i, { target: ev.currentTarget.value })} w={200} />
            <ActionIcon variant="subtle" color="red" mt={48} aria-label="Remove escalation" onClick={() => setP({ ...p, escalations: p.escalations.filter((_, j) => j !== i) })}>✕</ActionIcon>
          </Group>
        ))}
        <Group><Button variant="light" size="xs" onClick={() => setP({ ...p, escalations: [...p.escalations, { metric: 'resolution', before_due_min: 60, action: 'notify', target: 'supervisor' }] })}>Add escalation</Button></Group>
        <ConfigButtons onCancel={onClose} onSave={() => state.save(p)} saving={state.saving} />
      </Stack>
    </Modal>
  )
}
