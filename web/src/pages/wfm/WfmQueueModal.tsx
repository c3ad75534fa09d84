import { useState } from 'react'
import { Alert, Button, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { ApiError, errorMessage } from '../../api/http'
import { updateQueue, type WfmQueue } from '../../api/wfm'

type Draft = { name: string; time_zone: string; interval_min: number | string; target_sl: number | string; target_s: number | string; max_occupancy: number | string; shrinkage: number | string; patience_s: number | string }

const pct = (x: number) => Math.round(x * 1000) / 10

/** A queue's name, time zone, interval and staffing targets (fractions shown as percentages), saved with If-Match. */
export function WfmQueueModal({ queue, onClose }: { queue: WfmQueue; onClose: () => void }) {
  const queryClient = useQueryClient()
  const [d, setD] = useState<Draft>({
    name: queue.name, time_zone: queue.time_zone, interval_min: queue.interval_min, target_sl: pct(queue.target_sl), target_s: queue.target_s,
    max_occupancy: pct(queue.max_occupancy), shrinkage: pct(queue.shrinkage), patience_s: queue.patience_s ?? '',
  })
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const set = (k: keyof Draft) => (v: number | string) => setD({ ...d, [k]: v })

  async function save() {
    setSaving(true)
    setError(null)
    try {
      await updateQueue(queue.id, queue.version, {
        name: d.name, time_zone: d.time_zone, interval_min: Number(d.interval_min), target_sl: Number(d.target_sl) / 100,
        target_s: Number(d.target_s), max_occupancy: Number(d.max_occupancy) / 100, shrinkage: Number(d.shrinkage) / 100,
        patience_s: d.patience_s === '' ? null : Number(d.patience_s),
      })
      await queryClient.invalidateQueries({ queryKey: ['wfm'] })
      onClose()
    } catch (e) {
      setError(e instanceof ApiError && e.fieldErrors.length ? e.fieldErrors.map((f) => `${f.field}: ${f.message}`).join('\n') : errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened onClose={onClose} title={`Queue ${queue.key}`} size="lg">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput label="Name" value={d.name} onChange={(e) => set('name')(e.currentTarget.value)} />
          <TextInput label="Time zone (IANA)" value={d.time_zone} onChange={(e) => set('time_zone')(e.currentTarget.value)} />
          <NumberInput label="Interval (15, 30 or 60 min)" value={d.interval_min} onChange={set('interval_min')} />
          <NumberInput label="Service level target (%)" value={d.target_sl} onChange={set('target_sl')} decimalScale={1} />
          <NumberInput label="… answered within (s)" value={d.target_s} onChange={set('target_s')} />
          <NumberInput label="Maximum occupancy (%)" value={d.max_occupancy} onChange={set('max_occupancy')} decimalScale={1} />
          <NumberInput label="Shrinkage (%)" value={d.shrinkage} onChange={set('shrinkage')} decimalScale={1} />
          <NumberInput label="Average patience (s; empty: Erlang C)" value={d.patience_s} onChange={set('patience_s')} />
        </SimpleGrid>
        {error && <Alert color="red" title="Not saved" className="pre-wrap" role="alert">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={save} loading={saving}>Save</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
