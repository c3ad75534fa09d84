import { useState } from 'react'
import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { ApiError, errorMessage } from '../../api/http'
import { calculateStaffing, type StaffingResult } from '../../api/wfm'
import { formatPercent } from '../../lib/wfm'
import { WfmHeader } from './WfmLayout'

const FIELDS = [
  { key: 'contacts', label: 'Contacts in the interval', min: 0 },
  { key: 'interval_min', label: 'Interval (minutes)', min: 1 },
  { key: 'aht_s', label: 'Average handle time (s)', min: 1 },
  { key: 'target_sl', label: 'Service level target (%)', min: 1, max: 99 },
  { key: 'target_s', label: '… answered within (s)', min: 0 },
  { key: 'max_occupancy', label: 'Maximum occupancy (%)', min: 1, max: 100 },
  { key: 'shrinkage', label: 'Shrinkage (%)', min: 0, max: 99 },
  { key: 'patience_s', label: 'Average patience (s, optional: Erlang A)', min: 1 },
] as const

type Key = (typeof FIELDS)[number]['key']
const PERCENT: Key[] = ['target_sl', 'max_occupancy', 'shrinkage']

/** One interval sized by hand: the inputs and outputs of `concord wfm staffing`. */
export function WfmCalculatorPage() {
  const [values, setValues] = useState<Record<Key, number | string>>({
    contacts: 100, interval_min: 30, aht_s: 180, target_sl: 80, target_s: 20, max_occupancy: 85, shrinkage: 30, patience_s: '',
  })
  const [result, setResult] = useState<StaffingResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function calculate() {
    setBusy(true)
    setError(null)
    try {
      const n = (k: Key) => Number(values[k])
      setResult(
        await calculateStaffing({
          contacts: n('contacts'), interval_min: n('interval_min'), aht_s: n('aht_s'), target_sl: n('target_sl') / 100,
          target_s: n('target_s'), max_occupancy: n('max_occupancy') / 100, shrinkage: n('shrinkage') / 100,
          patience_s: values.patience_s === '' ? null : n('patience_s'),
        }),
      )
    } catch (e) {
      setResult(null)
      setError(e instanceof ApiError && e.fieldErrors.length ? e.fieldErrors.map((f) => `${f.field}: ${f.message}`).join('\n') : errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack gap="md" maw={1000}>
      <WfmHeader subtitle="How many agents one interval needs: Erlang C, or Erlang A when callers' patience is known" />
      <Paper withBorder p="md" radius="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          {FIELDS.map((f) => (
            <NumberInput
              key={f.key}
              label={f.label}
              value={values[f.key]}
              min={f.min}
              max={'max' in f ? f.max : undefined}
              decimalScale={PERCENT.includes(f.key) ? 1 : 2}
              onChange={(v) => setValues({ ...values, [f.key]: v })}
            />
          ))}
        </SimpleGrid>
        <Group mt="md">
          <Button onClick={calculate} loading={busy}>Calculate</Button>
          <Text size="xs" c="dimmed">Same as: concord wfm staffing --contacts … --interval-min … --aht-s … --target-sl … --target-s …</Text>
        </Group>
      </Paper>
      {error && <Alert color="red" title="Check the inputs" className="pre-wrap" role="alert">{error}</Alert>}
      {result && (
        <Paper withBorder p="md" radius="sm" data-testid="wfm-calculator-result">
          <Title order={4} mb="sm">{result.model === 'erlang_a' ? 'Erlang A' : 'Erlang C'}</Title>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {[
              ['Agents', String(result.agents)],
              ['Positions after shrinkage', String(result.positions)],
              ['Traffic (Erlangs)', result.traffic.toFixed(2)],
              ['Service level', formatPercent(result.service_level * 100, 2)],
              ['Average speed of answer', result.asa_s === null ? '—' : `${result.asa_s.toFixed(1)} s`],
              ['Occupancy', formatPercent(result.occupancy * 100)],
              ['Probability of waiting', formatPercent(result.p_wait * 100)],
              ['Abandonment', formatPercent(result.p_abandon * 100)],
            ].map(([label, value]) => (
              <div key={label}>
                <Text size="xs" c="dimmed">{label}</Text>
                <Text fw={700} size="lg">{value}</Text>
              </div>
            ))}
          </SimpleGrid>
        </Paper>
      )}
    </Stack>
  )
}
