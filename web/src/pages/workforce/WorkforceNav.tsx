import { Tabs } from '@mantine/core'
import { useLocation, useNavigate } from 'react-router'
import { useAuth } from '../../auth/AuthContext'

const SECTIONS: { value: string; label: string; internal?: boolean }[] = [
  { value: 'home', label: 'Today', internal: true },
  { value: 'programmes', label: 'Programmes' },
  { value: 'workers', label: 'Workers' },
  { value: 'psrs', label: 'PSRs', internal: true },
  { value: 'assignments', label: 'Assignments' },
  { value: 'timecards', label: 'Timecards' },
  { value: 'vms-audit', label: 'VMS audit' },
  { value: 'payroll', label: 'Payroll tickets' },
  { value: 'knowledge', label: 'Knowledge' },
]

/** The Workforce module's sections. Workers see their assignments and timecards only. */
export function WorkforceNav() {
  const location = useLocation()
  const navigate = useNavigate()
  const { user } = useAuth()
  const role = user?.role
  const internal = role === 'admin' || role === 'manager' || role === 'coordinator'
  const sections = SECTIONS.filter(
    (s) => (internal || !s.internal) && (role !== 'worker' || ['assignments', 'timecards', 'payroll'].includes(s.value)),
  )
  const current = location.pathname.split('/')[2] ?? 'home'
  return (
    <Tabs value={current} onChange={(v) => v && navigate(`/workforce/${v}`)} aria-label="Workforce sections">
      <Tabs.List>
        {sections.map((s) => (
          <Tabs.Tab key={s.value} value={s.value}>
            {s.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  )
}
