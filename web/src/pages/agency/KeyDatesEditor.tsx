import { useEffect, useState } from 'react'
import { ActionIcon, Button, Checkbox, Group, Paper, Stack, TextInput, Title } from '@mantine/core'
import type { KeyDate } from '../../api/agencyAccounts'

/** The account's key dates (launches, fiscal year end, trade shows), yearly ones repeating. */
export function KeyDatesEditor({ dates, saving, onSave }: { dates: KeyDate[]; saving: boolean; onSave: (d: KeyDate[]) => void }) {
  const [rows, setRows] = useState(dates)
  useEffect(() => setRows(dates), [dates])
  const set = (i: number, patch: Partial<KeyDate>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">Key dates</Title>
      <Stack gap="xs">
        {rows.map((r, i) => (
          <Group key={i} align="end">
            <TextInput label="Date" placeholder="2026-06-30" value={r.date} onChange={(e) => set(i, { date: e.currentTarget.value })} />
            <TextInput label="What" w={320} value={r.label} onChange={(e) => set(i, { label: e.currentTarget.value })} />
            <Checkbox label="Every year" checked={r.yearly} onChange={(e) => set(i, { yearly: e.currentTarget.checked })} mb={8} />
            <ActionIcon variant="subtle" color="red" aria-label="Remove date" mb={4} onClick={() => setRows(rows.filter((_, j) => j !== i))}>×</ActionIcon>
          </Group>
        ))}
      </Stack>
      <Group mt="md">
        <Button variant="default" onClick={() => setRows([...rows, { date: '', label: '', yearly: false }])}>Add a date</Button>
        <Button loading={saving} onClick={() => onSave(rows)}>Save key dates</Button>
      </Group>
    </Paper>
  )
}
