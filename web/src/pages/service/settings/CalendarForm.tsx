import { useState } from 'react'
import { Group, Modal, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core'
import { WEEKDAYS, type ServiceCalendar } from '../../../api/deskAdmin'
import { ConfigAlerts, ConfigButtons } from './ConfigModalFooter'
import { useConfigSave } from './useConfigSave'

const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC']
const DAY_LABELS: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' }

/** Create or edit a business calendar: IANA time zone, open hours per weekday ("09:00-17:00"), holidays. */
export function CalendarForm({ calendar, onClose }: { calendar: ServiceCalendar | null; onClose: () => void }) {
  const [c, setC] = useState<Omit<ServiceCalendar, 'id' | 'version'>>(() => ({
    name: calendar?.name ?? '', time_zone: calendar?.time_zone ?? 'America/New_York', holidays: calendar?.holidays ?? [],
    weekly_hours: calendar?.weekly_hours ?? Object.fromEntries(WEEKDAYS.map((d) => [d, d === 'sat' || d === 'sun' ? [] : ['09:00-17:00']])),
  }))
  const state = useConfigSave<ServiceCalendar>('service-calendars', calendar, onClose)
  const e = state.errors
  return (
    <Modal opened onClose={onClose} size="lg" title={calendar ? `Edit calendar ${calendar.name}` : 'New business calendar'}>
      <Stack gap="sm">
        <ConfigAlerts state={state} />
        <Group grow align="flex-start">
          <TextInput label="Name" required value={c.name} error={e.name} onChange={(ev) => setC({ ...c, name: ev.currentTarget.value })} />
          <Select label="Time zone" searchable data={ZONES} value={c.time_zone} error={e.time_zone} onChange={(v) => setC({ ...c, time_zone: v ?? 'UTC' })} />
        </Group>
        <Text fw={500} size="sm">Open hours (closed when empty; several spans allowed, e.g. 08:00-12:00 and 13:00-17:00)</Text>
        {WEEKDAYS.map((d) => (
          <TagsInput key={d} label={DAY_LABELS[d]} placeholder="09:00-17:00" value={c.weekly_hours[d] ?? []} error={e[`weekly_hours.${d}`]} onChange={(v) => setC({ ...c, weekly_hours: { ...c.weekly_hours, [d]: v } })} />
        ))}
        <TagsInput label="Holidays" placeholder="2026-12-25" value={c.holidays} error={e.holidays} onChange={(v) => setC({ ...c, holidays: v })} />
        <ConfigButtons onCancel={onClose} onSave={() => state.save(c)} saving={state.saving} />
      </Stack>
    </Modal>
  )
}
