import type { ReactNode } from 'react'
import { Group, Stack, Tabs, Text, Title } from '@mantine/core'
import { useLocation, useNavigate } from 'react-router'
import type { Role } from '../../api/types'

const SECTIONS = [
  { value: 'forecasts', label: 'Forecasts & staffing' },
  { value: 'calls', label: 'Call history' },
  { value: 'queues', label: 'Queues' },
  { value: 'import', label: 'Import' },
  { value: 'calculator', label: 'Staffing calculator' },
]

/** Whether a role may import, forecast and change queue targets (managers and administrators). */
export function canPlanWfm(role: Role | undefined): boolean {
  return role === 'admin' || role === 'manager'
}

/** The header every Workforce-management screen shares: title, the section tabs, the page's buttons. */
export function WfmHeader({ subtitle, children }: { subtitle: string; children?: ReactNode }) {
  const location = useLocation()
  const navigate = useNavigate()
  const section = SECTIONS.find((s) => location.pathname.startsWith(`/staffing/${s.value}`))?.value ?? 'forecasts'
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Workforce management</Title>
          <Text size="sm" c="dimmed">
            {subtitle}
          </Text>
        </div>
        <Group gap="xs">{children}</Group>
      </Group>
      <Tabs value={section} onChange={(v) => v && navigate(`/staffing/${v}`)} aria-label="Workforce management sections">
        <Tabs.List>
          {SECTIONS.map((s) => (
            <Tabs.Tab key={s.value} value={s.value}>
              {s.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </Stack>
  )
}
