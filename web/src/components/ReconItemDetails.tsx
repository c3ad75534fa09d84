import { Badge, Code, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import type { ReconItem, ReconRow } from '../api/types'
import { formatDateTime } from '../lib/format'
import { rowEntries, rowText } from '../lib/recon'

function RecordTable({ row, title }: { row: ReconRow; title: string }) {
  const entries = rowEntries(row)
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4} style={{ letterSpacing: '0.03em' }}>
        {title} · line {row.line}
      </Text>
      <Table verticalSpacing={2} horizontalSpacing="xs" withTableBorder fz="sm">
        <Table.Tbody>
          {entries.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Td w="40%" c="dimmed">
                {k}
              </Table.Td>
              <Table.Td ff="monospace">{v === '' ? <Text span c="dimmed" size="sm">(empty)</Text> : v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  )
}

function Val({ v }: { v: string }) {
  if (v === '') return <Text span c="dimmed" size="sm">(empty)</Text>
  return <span>{v}</span>
}

/** What an exception is about: the differing fields, the records, or where the input failed to parse. */
export function ReconItemDetails({ item }: { item: ReconItem }) {
  const d = item.details ?? {}
  return (
    <Stack gap="sm" py={4} data-testid="item-details">
      {d.failure && (
        <div>
          <Text size="sm">
            <Code>
              {d.failure.file}:{d.failure.line}:{d.failure.column}
            </Code>{' '}
            {d.failure.message}
          </Text>
        </div>
      )}
      {d.diffs && d.diffs.length > 0 && (
        <Table verticalSpacing={4} horizontalSpacing="sm" withTableBorder fz="sm" aria-label={`Differences of ${item.key}`}>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>Column (left / right)</Table.Th>
              <Table.Th>Left value</Table.Th>
              <Table.Th>Right value</Table.Th>
              <Table.Th>Left normalised</Table.Th>
              <Table.Th>Right normalised</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.diffs.map((x, i) => (
              <Table.Tr key={i} data-testid="diff-row">
                <Table.Td fw={500}>
                  {x.left_column === x.right_column ? x.left_column : `${x.left_column} / ${x.right_column}`}
                </Table.Td>
                <Table.Td ff="monospace">
                  <Val v={x.left_value} />
                </Table.Td>
                <Table.Td ff="monospace">
                  <Val v={x.right_value} />
                </Table.Td>
                <Table.Td ff="monospace" c="dimmed">
                  <Val v={x.left_normalized} />
                </Table.Td>
                <Table.Td ff="monospace" c="dimmed">
                  <Val v={x.right_normalized} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {d.rows && d.rows.length > 0 && (
        <Table verticalSpacing={2} horizontalSpacing="sm" withTableBorder fz="sm" aria-label={`Rows with key ${item.key}`}>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th w={70}>Side</Table.Th>
              <Table.Th w={60}>Line</Table.Th>
              <Table.Th>Values</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.rows.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>{r.side}</Table.Td>
                <Table.Td>{r.line}</Table.Td>
                <Table.Td ff="monospace" style={{ wordBreak: 'break-word' }}>
                  {rowText(r)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {d.failure && (d.left || d.right) && (
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4} style={{ letterSpacing: '0.03em' }}>
            The record as read · {(d.left ?? d.right)!.side} line {(d.left ?? d.right)!.line}
          </Text>
          <Code block>{rowEntries((d.left ?? d.right)!).map(([, v]) => v).join(',')}</Code>
        </div>
      )}
      {!d.failure && !d.rows && (d.left || d.right) && (!d.diffs || d.diffs.length === 0 || item.kind === 'suggested') && (
        <SimpleGrid cols={{ base: 1, md: d.left && d.right ? 2 : 1 }} spacing="sm" maw={d.left && d.right ? undefined : 640}>
          {d.left && <RecordTable row={d.left} title="Left record" />}
          {d.right && <RecordTable row={d.right} title="Right record" />}
        </SimpleGrid>
      )}
      {d.diffs && d.diffs.length > 0 && item.kind === 'mismatched' && (d.left || d.right) && (
        <Text size="xs" c="dimmed">
          Left line {d.left?.line ?? '—'}, right line {d.right?.line ?? '—'}
        </Text>
      )}
      <Group gap="lg" wrap="wrap">
        {typeof d.score === 'number' && (
          <Text size="sm">
            Similarity score: <b>{d.score.toFixed(2)}</b>
          </Text>
        )}
        <Text size="xs" c="dimmed">
          First reported in run #{item.first_run_id}
          {item.run_id !== item.first_run_id ? `, last in run #${item.run_id}` : ''} · created {formatDateTime(item.created_at)}
        </Text>
      </Group>
      {item.status !== 'open' && (
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <Badge variant="light" color={item.status === 'resolved' ? 'green' : 'gray'}>
            {item.status === 'resolved' ? 'Resolved' : 'Accepted'}
          </Badge>
          <Stack gap={2}>
            {item.resolution_note && (
              <Text size="sm" className="pre-wrap">
                <b>Note:</b> {item.resolution_note}
              </Text>
            )}
            {item.correction && (
              <Text size="sm" className="pre-wrap">
                <b>Corrected:</b> {item.correction}
              </Text>
            )}
            {item.resolved_at && (
              <Text size="xs" c="dimmed">
                {formatDateTime(item.resolved_at)}
              </Text>
            )}
          </Stack>
        </Group>
      )}
    </Stack>
  )
}
