import { useEffect, useMemo, useState } from 'react'
import { ActionIcon, Alert, Button, Group, NumberFormatter, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { agency, type AgencyJob, type Estimate } from '../../api/agency'
import { accounts } from '../../api/agencyAccounts'
import { getJson } from '../../api/http'
import { errorMessage } from '../../api/http'
import { centsText, estimateTotals, lineAmountCents, moveLine, type EditableLine, type LineKind } from '../../lib/estimateMath'

interface Rate { client_id: number | null; role: string; effective_from: string; rate: string }

const ROLES = ['design', 'copywriting', 'account_management', 'production', 'strategy']
const KINDS: { value: LineKind; label: string }[] = [
  { value: 'labor', label: 'Labour' }, { value: 'expense', label: 'Expense' }, { value: 'fee', label: 'Fixed fee' },
]

// A new expense line starts at the agency's default mark-up (settings).
const blank = (kind: LineKind, defaultMarkup = ''): EditableLine =>
  ({ kind, service: kind === 'labor' ? 'design' : '', description: '', hours: '', rate: '', cost: '',
     markup_percent: kind === 'expense' && defaultMarkup !== '0' ? defaultMarkup : '' })

function fromEstimate(e: Estimate): EditableLine[] {
  return e.lines.map((l) => ({
    kind: l.kind as LineKind, service: l.service, description: l.description,
    hours: l.kind === 'labor' ? l.hours : '', rate: l.kind === 'labor' ? l.rate : '',
    cost: l.kind === 'labor' ? '' : l.cost, markup_percent: l.markup_percent === '0' ? '' : l.markup_percent,
  }))
}

/** The rate card's rate for a role on a day: the client's own, else the role's default (as the server does). */
export function cardRate(rates: Rate[], clientId: number, role: string, day: string): string {
  const inForce = (r: Rate) => r.role === role && r.effective_from <= day
  const latest = (rs: Rate[]) => rs.sort((a, b) => b.effective_from.localeCompare(a.effective_from))[0]?.rate
  return latest(rates.filter((r) => inForce(r) && r.client_id === clientId)) ?? latest(rates.filter((r) => inForce(r) && r.client_id === null)) ?? ''
}

/** Edits a draft estimate's lines (labour by role × hours × rate, expenses, fixed fees), with live totals. */
export function EstimateEditor({ job, drafts, onSaved, onSaving }: {
  job: AgencyJob
  drafts: Estimate[]
  /** Reloads the estimates; the save counts as in flight until it resolves. */
  onSaved: () => Promise<unknown> | void
  /** True from the click until the saved draft is back in the list. */
  onSaving?: (saving: boolean) => void
}) {
  const [saving, setSaving] = useState(false)
  const [draftId, setDraftId] = useState<number | null>(null)
  const draft = drafts.find((d) => d.id === draftId) ?? drafts[0] ?? null
  const [lines, setLines] = useState<EditableLine[]>(draft ? fromEstimate(draft) : [blank('labor')])
  const [terms, setTerms] = useState(draft?.terms ?? 'Net 30')
  const [probability, setProbability] = useState(draft?.close_probability_percent ?? '50')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    setLines(draft ? fromEstimate(draft) : [blank('labor')])
    setTerms(draft?.terms ?? 'Net 30')
    setProbability(draft?.close_probability_percent ?? '50')
  }, [draft?.id, draft?.version]) // eslint-disable-line react-hooks/exhaustive-deps
  const rates = useQuery({ queryKey: ['agency', 'rates'], queryFn: () => getJson<{ items: Rate[] }>('/api/v1/agency/rates') })
  const settings = useQuery({ queryKey: ['agency', 'settings'], queryFn: accounts.settings })
  const today = new Date().toISOString().slice(0, 10)
  const rateOf = useMemo(
    () => (l: EditableLine) => l.rate || cardRate(rates.data?.items ?? [], job.client_id, l.service, today),
    [rates.data, job.client_id, today],
  )
  const totals = estimateTotals(lines, rateOf)
  const set = (i: number, patch: Partial<EditableLine>) => setLines(lines.map((l, n) => (n === i ? { ...l, ...patch } : l)))
  async function save() {
    const body = {
      lines: lines.map((l) => ({
        kind: l.kind, service: l.service, description: l.description,
        ...(l.kind === 'labor' ? { hours: l.hours || '0', rate: l.rate || '0' } : { cost: l.cost || '0' }),
        markup_percent: l.markup_percent || '0',
      })),
      terms,
      close_probability_percent: probability,
    }
    setSaving(true)
    onSaving?.(true)
    try {
      if (draft) await agency.editEstimate(draft, body)
      else await agency.createEstimate(job.id, body)
      setError(null)
      await onSaved()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
      onSaving?.(false)
    }
  }
  return (
    <Stack gap="xs" mt="sm" data-testid="estimate-editor">
      <Group justify="space-between">
        <Text fw={600}>{draft ? `Editing draft ${draft.number} revision ${draft.revision}` : 'New estimate'}</Text>
        {drafts.length > 1 && (
          <Select size="xs" data={drafts.map((d) => ({ value: String(d.id), label: `${d.number} r${d.revision}` }))}
            value={draft ? String(draft.id) : null} onChange={(v) => setDraftId(v ? Number(v) : null)} />
        )}
      </Group>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kind</Table.Th><Table.Th>Service / role</Table.Th><Table.Th>Description</Table.Th><Table.Th>Hours</Table.Th>
            <Table.Th>Rate</Table.Th><Table.Th>Cost</Table.Th><Table.Th>Mark-up %</Table.Th><Table.Th ta="right">Amount</Table.Th><Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, i) => {
            const amount = lineAmountCents(l, rateOf(l))
            return (
              <Table.Tr key={i} data-testid="estimate-line">
                <Table.Td><Select size="xs" w={110} data={KINDS} value={l.kind} onChange={(v) => set(i, { kind: (v ?? 'labor') as LineKind })} aria-label={`Line ${i + 1} kind`} /></Table.Td>
                <Table.Td>
                  {l.kind === 'labor'
                    ? <Select size="xs" w={170} data={ROLES} value={l.service} onChange={(v) => set(i, { service: v ?? 'design' })} aria-label={`Line ${i + 1} role`} />
                    : <TextInput size="xs" w={170} value={l.service} onChange={(e) => set(i, { service: e.currentTarget.value })} placeholder="printing" aria-label={`Line ${i + 1} service`} />}
                </Table.Td>
                <Table.Td><TextInput size="xs" value={l.description} onChange={(e) => set(i, { description: e.currentTarget.value })} aria-label={`Line ${i + 1} description`} /></Table.Td>
                <Table.Td>{l.kind === 'labor' && <TextInput size="xs" w={70} value={l.hours} onChange={(e) => set(i, { hours: e.currentTarget.value })} aria-label={`Line ${i + 1} hours`} />}</Table.Td>
                <Table.Td>{l.kind === 'labor' && <TextInput size="xs" w={90} value={l.rate} placeholder={rateOf({ ...l, rate: '' }) || 'card'} onChange={(e) => set(i, { rate: e.currentTarget.value })} aria-label={`Line ${i + 1} rate`} />}</Table.Td>
                <Table.Td>{l.kind !== 'labor' && <TextInput size="xs" w={90} value={l.cost} onChange={(e) => set(i, { cost: e.currentTarget.value })} aria-label={`Line ${i + 1} cost`} />}</Table.Td>
                <Table.Td><TextInput size="xs" w={70} value={l.markup_percent} placeholder="0" onChange={(e) => set(i, { markup_percent: e.currentTarget.value })} aria-label={`Line ${i + 1} mark-up`} /></Table.Td>
                <Table.Td ta="right" data-testid="line-amount">{amount === null ? '—' : centsText(amount)}</Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon size="sm" variant="subtle" aria-label={`Move line ${i + 1} up`} onClick={() => setLines(moveLine(lines, i, -1))}>↑</ActionIcon>
                    <ActionIcon size="sm" variant="subtle" aria-label={`Move line ${i + 1} down`} onClick={() => setLines(moveLine(lines, i, 1))}>↓</ActionIcon>
                    <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Remove line ${i + 1}`} onClick={() => setLines(lines.filter((_, n) => n !== i))}>✕</ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      <Group gap="xs">
        {KINDS.map((k) => <Button key={k.value} size="xs" variant="default" onClick={() => setLines([...lines, blank(k.value, settings.data?.default_expense_markup_percent)])}>+ {k.label}</Button>)}
      </Group>
      <Group justify="flex-end" gap="lg" data-testid="estimate-totals">
        <Text size="sm">Labour <NumberFormatter value={totals.labor} /></Text>
        <Text size="sm">Expenses <NumberFormatter value={totals.expenses} /></Text>
        <Text size="sm">Fixed fees <NumberFormatter value={totals.fees} /></Text>
        <Text size="sm" c="dimmed">of which mark-up {totals.markup}</Text>
        <Text fw={700} data-testid="estimate-total">Total {totals.total} {job.currency}</Text>
      </Group>
      <Group align="end">
        <TextInput label="Terms" value={terms} onChange={(e) => setTerms(e.currentTarget.value)} w={260} />
        <TextInput label="Close probability %" value={probability} onChange={(e) => setProbability(e.currentTarget.value)} w={150} />
        <Button onClick={save} loading={saving}>{draft ? 'Save draft' : 'Create estimate'}</Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
    </Stack>
  )
}
