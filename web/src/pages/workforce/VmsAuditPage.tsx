import { LineChart } from '@mantine/charts'
import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { errorMessage } from '../../api/http'
import { vmsAudit } from '../../api/workforce'
import { AuditFindingsPanel } from './AlertsPanel'
import { WorkforceNav } from './WorkforceNav'

function color(alignment: string | null) {
  if (alignment === null) return 'gray'
  const n = Number(alignment)
  return n === 100 ? 'green' : n >= 95 ? 'yellow' : 'red'
}

/** Alignment between each client's VMS and concord (goal: 100%) and its trend across the weekly audits. */
export function VmsAuditPage() {
  const q = useQuery({ queryKey: ['wf-vms-audit'], queryFn: vmsAudit })
  if (q.isError) return <Alert color="red" title="Could not load the VMS audit">{errorMessage(q.error)}</Alert>
  const d = q.data
  return (
    <Stack gap="md">
      <WorkforceNav />
      <Title order={2}>VMS audit</Title>
      <Text size="sm" c="dimmed">
        Work orders that agree on worker, dates, rates, status and manager, out of every work order either side has.
      </Text>
      {d && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            {d.clients.map((c) => (
              <Card key={c.client_id} withBorder data-testid="alignment-card">
                <Text size="sm">{c.client_name}</Text>
                <Text size="xl" fw={700} c={color(c.alignment)} data-testid={`alignment-${c.client_id}`}>
                  {c.alignment === null ? '—' : `${c.alignment}%`}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          {d.programmes.map((p) => (
            <Card key={p.programme_id} withBorder>
              <Group justify="space-between">
                <Anchor component={Link} to={`/workforce/programmes/${p.programme_id}`} fw={600}>
                  {p.client_name} — {p.programme_name}
                </Anchor>
                <Group gap="xs">
                  <Badge color={color(p.alignment)} size="lg" data-testid={`programme-alignment-${p.programme_id}`}>
                    {p.alignment === null ? 'no run' : `${p.alignment}%`}
                  </Badge>
                  <Badge color={p.open_exceptions ? 'orange' : 'green'} variant="light">
                    {p.open_exceptions} open exceptions
                  </Badge>
                  <Badge color={p.vms_update_pending ? 'orange' : 'gray'} variant="light">
                    {p.vms_update_pending} VMS updates pending
                  </Badge>
                  <Anchor component={Link} to={`/reconciliation/runs?spec_id=${p.spec_id}`} size="sm">
                    Exceptions
                  </Anchor>
                </Group>
              </Group>
              {p.trend.length > 0 && (
                <LineChart
                  h={180}
                  mt="sm"
                  data={p.trend.map((t) => ({ run: `#${t.run_id} ${t.finished_at.slice(0, 10)}`, alignment: Number(t.alignment ?? 0) }))}
                  dataKey="run"
                  yAxisProps={{ domain: [0, 100] }}
                  series={[{ name: 'alignment', color: 'teal.6', label: 'Alignment %' }]}
                  curveType="linear"
                />
              )}
            </Card>
          ))}
          {d.programmes.length === 0 && <Text c="dimmed">No programme has run a VMS audit yet.</Text>}
          <AuditFindingsPanel />
          <Table />
        </>
      )}
    </Stack>
  )
}
