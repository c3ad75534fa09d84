import { Group, Tabs, Title } from '@mantine/core'
import { useLocation, useNavigate } from 'react-router'

const TABS = [
  { value: '/agency', label: 'Today' },
  { value: '/agency/accounts', label: 'Accounts' },
  { value: '/agency/jobs', label: 'Jobs' },
  { value: '/agency/time', label: 'Timesheet' },
  { value: '/agency/expenses', label: 'Expenses' },
  { value: '/agency/invoices', label: 'Invoices' },
  { value: '/agency/reports', label: 'Reports & forecast' },
  { value: '/agency/meetings', label: 'Meetings' },
  { value: '/agency/settings', label: 'Rate card & settings' },
]

/** The agency module's title and tabs. */
export function AgencyHeader({ title }: { title: string }) {
  const location = useLocation()
  const navigate = useNavigate()
  const active = TABS.slice().reverse().find((t) => location.pathname.startsWith(t.value))?.value ?? '/agency'
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={2}>{title}</Title>
      </Group>
      <Tabs value={active} onChange={(v) => v && navigate(v)} mb="md">
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
    </>
  )
}

export const STATUS_COLOR: Record<string, string> = {
  open: 'blue', in_progress: 'teal', on_hold: 'yellow', completed: 'green', invoiced: 'grape', closed: 'gray',
  cancelled: 'red', draft: 'gray', sent: 'blue', approved: 'green', declined: 'red', superseded: 'dark',
  on_track: 'green', at_risk: 'yellow', off_track: 'red', done: 'gray', issued: 'grape',
}
