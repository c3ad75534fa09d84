import { Group, Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core'
import type { ReconItemKind, ReconSummary as Summary } from '../api/types'
import { barFractions, summaryStats } from '../lib/recon'

/** A run's counts as stat cards; a card of an exception class filters the exceptions table by it. */
export function ReconStatCards({
  summary,
  activeKind,
  onPickKind,
}: {
  summary: Summary
  activeKind?: string | null
  onPickKind?: (kind: ReconItemKind | null) => void
}) {
  const stats = summaryStats(summary)
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm" data-testid="recon-stats">
      {stats.map((s) => {
        const active = s.kind !== undefined && activeKind === s.kind
        const body = (
          <Paper
            withBorder
            p="sm"
            radius="sm"
            h="100%"
            style={{
              borderLeft: `4px solid var(--mantine-color-${s.color}-6)`,
              background: active ? `var(--mantine-color-${s.color}-0)` : undefined,
            }}
          >
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.03em' }}>
              {s.label}
            </Text>
            <Text fz={26} fw={700} lh={1.2} data-testid={`stat-${s.key}`}>
              {s.value.toLocaleString()}
            </Text>
          </Paper>
        )
        if (!s.kind || !onPickKind) return <div key={s.key}>{body}</div>
        return (
          <UnstyledButton
            key={s.key}
            onClick={() => onPickKind(active ? null : s.kind!)}
            aria-pressed={active}
            title={active ? 'Show every kind' : `Show only ${s.label.toLowerCase()} items`}
          >
            {body}
          </UnstyledButton>
        )
      })}
    </SimpleGrid>
  )
}

const ROW = 22
const LABEL_W = 120
const VALUE_W = 80

/** A small horizontal bar chart of the same counts, drawn in plain SVG. */
export function ReconBarChart({ summary }: { summary: Summary }) {
  const stats = summaryStats(summary)
  const fractions = barFractions(stats.map((s) => s.value))
  const width = 560
  const barMax = width - LABEL_W - VALUE_W
  const height = stats.length * ROW + 4
  return (
    <Paper withBorder p="sm" radius="sm">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          Records by class
        </Text>
        <Text size="xs" c="dimmed">
          bars relative to the largest count
        </Text>
      </Group>
      <svg
        role="img"
        aria-label={`Records by class: ${stats.map((s) => `${s.label} ${s.value}`).join(', ')}`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width, display: 'block' }}
        data-testid="recon-chart"
      >
        {stats.map((s, i) => {
          const y = i * ROW + 2
          const w = Math.round(fractions[i] * barMax)
          return (
            <g key={s.key}>
              <text x={LABEL_W - 8} y={y + ROW / 2 + 4} textAnchor="end" fontSize="12" fill="var(--mantine-color-gray-7)">
                {s.label}
              </text>
              <rect x={LABEL_W} y={y + 3} width={barMax} height={ROW - 8} rx="2" fill="var(--mantine-color-gray-1)" />
              {w > 0 && (
                <rect x={LABEL_W} y={y + 3} width={w} height={ROW - 8} rx="2" fill={`var(--mantine-color-${s.color}-6)`} />
              )}
              <text x={LABEL_W + barMax + 8} y={y + ROW / 2 + 4} fontSize="12" fontWeight="600" fill="var(--mantine-color-gray-8)">
                {s.value.toLocaleString()}
              </text>
            </g>
          )
        })}
      </svg>
    </Paper>
  )
}
