import { Tabs } from '@mantine/core'
import { useLocation, useNavigate } from 'react-router'

/** The Reconciliation module's own sections: runs (and their exceptions) and saved specs. */
export function ReconNav() {
  const location = useLocation()
  const navigate = useNavigate()
  const value = location.pathname.startsWith('/reconciliation/specs') ? 'specs' : 'runs'
  return (
    <Tabs value={value} onChange={(v) => v && navigate(`/reconciliation/${v}`)} aria-label="Reconciliation sections">
      <Tabs.List>
        <Tabs.Tab value="runs">Runs</Tabs.Tab>
        <Tabs.Tab value="specs">Specs</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  )
}
