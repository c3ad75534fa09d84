import { useMemo, useState } from 'react'
import { Badge, Button, Code, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { errorMessage } from '../../api/http'
import { listOutbox, OUTBOX_STATUSES, outboxExportUrl, resendOutboxMessage, sendTestMail, type OutboxFilters, type OutboxMessage } from '../../api/mail'
import { ExportButtons } from '../../components/ExportButtons'
import { ListTable, RowCells, showingText, SortableHeaderRows } from '../../components/ListTable'
import { formatDateTime, humanize } from '../../lib/format'
import { useUrlParams } from '../../lib/urlParams'
import { nextSort, sortParamToState } from '../ClientsListPage'

const col = createColumnHelper<OutboxMessage>()
const NOWRAP = new Set(['created_at', 'status', 'attempts', 'sent_at'])
const STATUS_COLORS: Record<string, string> = { queued: 'blue', sent: 'green', held: 'yellow', failed: 'red' }
const PURPOSES = ['timecard_reminder', 'worker_message', 'invoice', 'status_report', 'contact_report', 'survey', 'relay_test']

/** Sends a test message to an address, to check the relay. */
function TestMailButton() {
  const [open, setOpen] = useState(false)
  const [to, setTo] = useState('')
  const client = useQueryClient()
  const send = useMutation({
    mutationFn: () => sendTestMail(to),
    onSuccess: () => {
      notifications.show({ color: 'green', message: `Test message queued for ${to}` })
      setOpen(false)
      client.invalidateQueries({ queryKey: ['outbox'] })
    },
  })
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        Send a test message
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Check the mail relay">
        <Stack>
          <TextInput label="To" type="email" value={to} onChange={(e) => setTo(e.currentTarget.value)} error={send.isError ? errorMessage(send.error) : undefined} data-autofocus />
          <Group justify="flex-end">
            <Button onClick={() => send.mutate()} loading={send.isPending} disabled={!to.trim()}>
              Queue test message
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}

export function OutboxPage() {
  const { params, update } = useUrlParams()
  const q = params.get('q') ?? ''
  const sort = params.get('sort') ?? '-created_at'
  const filters: OutboxFilters = { status: params.get('status'), purpose: params.get('purpose'), q, sort }
  const [shown, setShown] = useState<OutboxMessage | null>(null)
  const client = useQueryClient()

  const list = useInfiniteQuery({
    queryKey: ['outbox', filters],
    queryFn: ({ pageParam }) => listOutbox(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((m) => m.status === 'queued')) ? 2000 : false),
  })
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data])

  const resend = useMutation({
    mutationFn: (id: number) => resendOutboxMessage(id),
    onSuccess: (m) => {
      notifications.show({ color: 'green', message: `Message #${m.id} queued again` })
      client.invalidateQueries({ queryKey: ['outbox'] })
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Could not send again', message: errorMessage(e) }),
  })

  const columns = useMemo(
    () => [
      col.accessor('created_at', { header: 'Queued', cell: (c) => formatDateTime(c.getValue()) }),
      col.accessor((m) => m.to.join(', '), { id: 'to', header: 'To' }),
      col.accessor('subject', {
        header: 'Subject',
        cell: (c) => (
          <Button variant="subtle" size="compact-sm" onClick={() => setShown(c.row.original)} styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}>
            {c.getValue()}
            {c.row.original.attachments.length > 0 && ` (${c.row.original.attachments.length} attached)`}
          </Button>
        ),
      }),
      col.accessor('purpose', { header: 'Purpose', cell: (c) => humanize(c.getValue()) }),
      col.accessor((m) => (m.entity ? `${humanize(m.entity)} #${m.entity_id}` : ''), { id: 'record', header: 'About' }),
      col.accessor('status', {
        header: 'Status',
        cell: (c) => (
          <Badge variant="light" color={STATUS_COLORS[c.getValue()] ?? 'gray'} title={c.row.original.last_error || undefined}>
            {humanize(c.getValue())}
          </Badge>
        ),
      }),
      col.accessor('attempts', { header: 'Attempts' }),
      col.accessor('sent_at', { header: 'Sent', cell: (c) => (c.getValue() ? formatDateTime(c.getValue()) : '—') }),
      col.display({
        id: 'actions',
        header: '',
        cell: (c) =>
          c.row.original.status === 'held' || c.row.original.status === 'failed' ? (
            <Button size="compact-sm" variant="default" onClick={() => resend.mutate(c.row.original.id)} loading={resend.isPending && resend.variables === c.row.original.id}>
              Send again
            </Button>
          ) : null,
      }),
    ],
    [resend],
  )
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, state: { sorting: sortParamToState(sort) } })

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Outbox</Title>
          <Text size="sm" c="dimmed">
            Every e-mail concord sent on its own — reminders, messages to workers, invoices, reports, survey links — and whether the relay took it
          </Text>
        </div>
        <TestMailButton />
      </Group>

      <Paper withBorder p="sm" radius="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label="Search" placeholder="Subject or recipient…" value={q} onChange={(e) => update({ q: e.currentTarget.value })} w={260} type="search" />
          <Select label="Status" placeholder="Any status" clearable data={OUTBOX_STATUSES.map((s) => ({ value: s, label: humanize(s) }))} value={filters.status ?? null} onChange={(v) => update({ status: v })} w={150} />
          <Select label="Purpose" placeholder="Any purpose" clearable searchable data={PURPOSES.map((p) => ({ value: p, label: humanize(p) }))} value={filters.purpose ?? null} onChange={(v) => update({ purpose: v })} w={200} />
          <Group gap="xs" ml="auto">
            <ExportButtons url={(format) => outboxExportUrl(format, filters)} filename="outbox" />
          </Group>
        </Group>
      </Paper>

      <ListTable
        query={list}
        errorTitle="Could not load the outbox"
        label="Outbox"
        minWidth={1000}
        striped
        head={<SortableHeaderRows table={table} sortable={['created_at']} onSort={(id) => update({ sort: nextSort(sort, id) })} />}
        colSpan={columns.length}
        empty={rows.length === 0}
        emptyText={filters.status || filters.purpose || q ? 'No messages match these filters.' : 'Nothing has been sent yet.'}
        loadingLabel="Loading the outbox"
        count={list.data ? showingText(rows.length, undefined, rows.length === 1 ? 'message' : 'messages') : ''}
        countTestId="outbox-count"
      >
        {table.getRowModel().rows.map((r) => (
          <Table.Tr key={r.id} data-testid="outbox-row">
            <RowCells row={r} nowrap={NOWRAP} />
          </Table.Tr>
        ))}
      </ListTable>

      <Modal opened={shown !== null} onClose={() => setShown(null)} title={shown?.subject} size="lg">
        {shown && (
          <Stack gap="xs">
            {shown.from && (
              <Text size="sm">
                <b>From:</b> {shown.from}
              </Text>
            )}
            <Text size="sm">
              <b>To:</b> {shown.to.join(', ')}
            </Text>
            {shown.attachments.length > 0 && (
              <Text size="sm">
                <b>Attached:</b> {shown.attachments.join(', ')}
              </Text>
            )}
            {shown.last_error && (
              <Text size="sm" c="red">
                {shown.last_error}
              </Text>
            )}
            <Code block style={{ whiteSpace: 'pre-wrap' }}>
              {shown.text}
            </Code>
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}
