import { Anchor, Group, Text } from '@mantine/core'
import { Link } from 'react-router'
import { humanize } from '../../lib/format'

export interface CaseLink {
  entity_type: string
  entity_id: number
}

// Where each module shows a record a case can be linked to; unknown kinds are listed without a link.
const RECORD_PAGES: Record<string, string> = {
  worker: '/workforce/workers',
  assignment: '/workforce/assignments',
  psr: '/workforce/psrs',
  client: '/clients',
}

/** The records a case is linked to, each a link back to its page. */
export function CaseLinks({ links }: { links: CaseLink[] }) {
  if (links.length === 0) return null
  return (
    <Group justify="space-between" align="flex-start" data-testid="case-links">
      <Text size="sm" c="dimmed">Linked to</Text>
      <div>
        {links.map((l) => {
          const label = `${humanize(l.entity_type)} #${l.entity_id}`
          const base = RECORD_PAGES[l.entity_type]
          return (
            <Text size="sm" key={`${l.entity_type}-${l.entity_id}`} ta="right">
              {base ? <Anchor component={Link} to={`${base}/${l.entity_id}`}>{label}</Anchor> : label}
            </Text>
          )
        })}
      </div>
    </Group>
  )
}
