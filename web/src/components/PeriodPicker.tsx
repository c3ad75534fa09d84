import { Group, SegmentedControl, TextInput } from '@mantine/core'
import { PERIOD_PRESETS, type Period } from '../lib/period'

/**
 * A report's period: preset buttons (last 7/30/90 days) or Custom with from/to days. `onChange` gets the
 * URL params to set (period, from, to).
 */
export function PeriodPicker({ period, onChange }: { period: Period; onChange: (patch: Record<string, string | null>) => void }) {
  const presets = [...PERIOD_PRESETS.map((p) => ({ value: p.value, label: p.label })), { value: 'custom', label: 'Custom' }]
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label="Period"
        value={period.preset}
        data={presets}
        onChange={(v) => onChange(v === 'custom' ? { period: v, from: period.from, to: period.to } : { period: v, from: null, to: null })}
      />
      {period.preset === 'custom' && (
        <>
          <TextInput type="date" label="From" size="xs" value={period.from} max={period.to} onChange={(e) => onChange({ from: e.currentTarget.value })} />
          <TextInput type="date" label="To" size="xs" value={period.to} min={period.from} onChange={(e) => onChange({ to: e.currentTarget.value })} />
        </>
      )}
    </Group>
  )
}
