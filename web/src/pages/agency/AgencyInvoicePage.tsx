import { useState } from 'react'
import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate, useParams } from 'react-router'
import { invoices, STAGE_COLOR, type InvoiceDetail } from '../../api/agencyBilling'
import { downloadFile } from '../../api/endpoints'
import { errorMessage } from '../../api/http'
import { useAuth } from '../../auth/AuthContext'
import { humanize } from '../../lib/format'
import { AgencyHeader } from './AgencyNav'

/** One invoice or credit note: its lines and totals, where it was sent, what was paid, and corrections. */
export function AgencyInvoicePage() {
  const id = Number(useParams().id)
  const { user } = useAuth()
  const admin = user?.role === 'admin'
  const qc = useQueryClient()
  const invoice = useQuery({ queryKey: ['agency', 'invoice', id], queryFn: () => invoices.get(id) })
  const [error, setError] = useState<string | null>(null)
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn()
      setError(null)
      await qc.invalidateQueries({ queryKey: ['agency'] })
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  if (invoice.isError) return <Alert color="red" title="Could not load the invoice">{errorMessage(invoice.error)}</Alert>
  const i = invoice.data
  if (!i) return null
  const title = `${i.kind === 'credit_note' ? 'Credit note' : 'Invoice'} ${i.number ?? `draft #${i.id}`}`
  return (
    <>
      <AgencyHeader title={title} />
      <Group mb="sm">
        <Badge size="lg" color={STAGE_COLOR[i.stage]} data-testid="invoice-stage">{humanize(i.stage)}</Badge>
        <Text>Job <Anchor component={Link} to={`/agency/jobs/${i.job_id}`}>{i.job_number}</Anchor></Text>
        {i.issue_date && <Text>Issued {i.issue_date}</Text>}
        {i.due_date && i.kind === 'invoice' && <Text>Due {i.due_date}</Text>}
        {i.credited_invoice_id && <Text>Credits <Anchor component={Link} to={`/agency/invoices/${i.credited_invoice_id}`}>{i.credited_invoice_number}</Anchor></Text>}
        <Button size="xs" variant="default" onClick={() => downloadFile(invoices.pdfUrl(i), `${i.number ?? 'draft'}.pdf`)}>PDF</Button>
        {admin && i.status === 'draft' && <Button size="xs" onClick={() => run(() => invoices.issue(i))}>Issue</Button>}
      </Group>
      {error && <Alert color="red" mb="sm">{error}</Alert>}
      <Paper withBorder p="md" mb="md">
        <Table>
          <Table.Thead><Table.Tr><Table.Th>#</Table.Th><Table.Th>Description</Table.Th><Table.Th>Quantity</Table.Th><Table.Th>Unit price</Table.Th><Table.Th ta="right">Amount</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {i.lines.map((l, n) => (
              <Table.Tr key={n}><Table.Td>{n + 1}</Table.Td><Table.Td>{l.description}</Table.Td><Table.Td>{l.quantity} {l.unit}</Table.Td><Table.Td>{l.unit_price}</Table.Td><Table.Td ta="right">{l.amount}</Table.Td></Table.Tr>
            ))}
            <Table.Tr><Table.Td colSpan={4}>Subtotal</Table.Td><Table.Td ta="right">{i.subtotal}</Table.Td></Table.Tr>
            <Table.Tr><Table.Td colSpan={4}>Tax {i.tax_percent} %</Table.Td><Table.Td ta="right">{i.tax}</Table.Td></Table.Tr>
            <Table.Tr><Table.Td colSpan={4} fw={700}>Total {i.currency}</Table.Td><Table.Td ta="right" fw={700}>{i.total}</Table.Td></Table.Tr>
            {i.kind === 'invoice' && i.status === 'issued' && (
              <>
                <Table.Tr><Table.Td colSpan={4}>Credited</Table.Td><Table.Td ta="right">{Number(i.credited) === 0 ? i.credited : `−${i.credited}`}</Table.Td></Table.Tr>
                <Table.Tr><Table.Td colSpan={4}>Paid</Table.Td><Table.Td ta="right">−{i.paid}</Table.Td></Table.Tr>
                <Table.Tr><Table.Td colSpan={4} fw={700}>Outstanding</Table.Td><Table.Td ta="right" fw={700} data-testid="invoice-outstanding">{i.payment?.outstanding}</Table.Td></Table.Tr>
              </>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      {i.status === 'issued' && (
        <SimpleGrid cols={{ base: 1, md: i.kind === 'invoice' ? 3 : 1 }}>
          <Deliveries invoice={i} onRecord={(body) => run(() => invoices.recordDelivery(i, body))}
            onEmail={(to) => run(() => invoices.email(i, to ? { to } : {}))} />
          {i.kind === 'invoice' && <Payments invoice={i} canRecord={admin} onRecord={(body) => run(() => invoices.recordPayment(i, body))} />}
          {i.kind === 'invoice' && admin && <CreditNoteForm invoice={i} />}
        </SimpleGrid>
      )}
    </>
  )
}

// An e-mailed delivery shows its outbox message's state: queued and held are not yet with the client.
const DELIVERY_COLOR: Record<string, string> = { sent: 'green', delivered: 'green', queued: 'blue', held: 'yellow', failed: 'red', bounced: 'red' }

function Deliveries({ invoice, onRecord, onEmail }: {
  invoice: InvoiceDetail
  onRecord: (body: { channel: string; delivery_status: string; delivered_to: string; note: string }) => Promise<void>
  onEmail: (to: string) => Promise<void>
}) {
  const [channel, setChannel] = useState('email')
  const [status, setStatus] = useState('sent')
  const [to, setTo] = useState('')
  const [note, setNote] = useState('')
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">Deliveries</Title>
      {invoice.deliveries.length === 0 && <Text c="dimmed" size="sm">Not sent yet.</Text>}
      {invoice.deliveries.map((d) => (
        <Text key={d.id} size="sm" data-testid="delivery-row">
          {d.created_at.slice(0, 16).replace('T', ' ')} · {d.channel} ·{' '}
          <Badge size="sm" variant="light" color={DELIVERY_COLOR[d.status] ?? 'gray'}>{humanize(d.status)}</Badge> · {d.sent_to}{' '}
          <Text span c="dimmed">by {d.recorded_by}</Text>
          {d.outbox_id && <> · <Anchor component={Link} to={`/outbox?q=${encodeURIComponent(invoice.number ?? '')}`}>in the Outbox</Anchor></>}
        </Text>
      ))}
      <Stack gap={6} mt="sm">
        <Group grow>
          <Select label="Channel" data={['email', 'post', 'portal', 'hand']} value={channel} onChange={(v) => setChannel(v ?? 'email')} />
          <Select label="Status" data={['sent', 'delivered', 'bounced']} value={status} onChange={(v) => setStatus(v ?? 'sent')} />
        </Group>
        <TextInput label="Sent to" placeholder="ap@client.example" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group gap="xs">
          <Button variant="default" onClick={() => onRecord({ channel, delivery_status: status, delivered_to: to, note })}>Record delivery</Button>
          <Button onClick={() => onEmail(to)} title="Queues the PDF in the outbox, to the address above or else the client's billing contact">E-mail the PDF</Button>
        </Group>
      </Stack>
    </Paper>
  )
}

function Payments({ invoice, canRecord, onRecord }: {
  invoice: InvoiceDetail
  canRecord: boolean
  onRecord: (body: { amount: string; received_on?: string; reference: string }) => Promise<void>
}) {
  const [amount, setAmount] = useState('')
  const [received, setReceived] = useState('')
  const [reference, setReference] = useState('')
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">Payments</Title>
      {invoice.payments.length === 0 && <Text c="dimmed" size="sm">Nothing received yet.</Text>}
      {invoice.payments.map((p) => (
        <Text key={p.id} size="sm" data-testid="payment-row">{p.received_on} · {p.amount} {invoice.currency} · ref {p.reference || '—'}</Text>
      ))}
      {canRecord && invoice.payment && invoice.payment.state !== 'paid' && (
        <Stack gap={6} mt="sm">
          <Group grow>
            <TextInput label="Amount" placeholder={invoice.payment.outstanding} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} />
            <TextInput label="Received on" placeholder="today" value={received} onChange={(e) => setReceived(e.currentTarget.value)} />
          </Group>
          <TextInput label="Remittance reference" value={reference} onChange={(e) => setReference(e.currentTarget.value)} />
          <Group>
            <Button variant="default" onClick={() => onRecord({ amount, received_on: received || undefined, reference })}>Record payment</Button>
            <Button variant="subtle" onClick={() => setAmount(invoice.payment?.outstanding ?? '')}>Pay in full</Button>
          </Group>
        </Stack>
      )}
    </Paper>
  )
}

function CreditNoteForm({ invoice }: { invoice: InvoiceDetail }) {
  const [picked, setPicked] = useState<number[]>([])
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const navigate = useNavigate()
  async function draft() {
    try {
      const body = amount ? { amount, reason } : { line_indexes: picked, reason }
      const note = await invoices.credit(invoice, body)
      navigate(`/agency/invoices/${note.data.id}`)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">Credit note</Title>
      <Text size="sm" c="dimmed" mb="xs">Issued invoices are never changed: credit some lines, an amount, or (nothing chosen) all of it.</Text>
      {invoice.lines.map((l, n) => (
        <Checkbox key={n} size="xs" mb={4} label={`${l.description} (${l.amount})`} checked={picked.includes(n)}
          onChange={(e) => setPicked(e.currentTarget.checked ? [...picked, n] : picked.filter((p) => p !== n))} />
      ))}
      <Group grow mt="xs">
        <TextInput label="Or an amount before tax" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} />
        <TextInput label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </Group>
      {error && <Alert color="red" mt="xs">{error}</Alert>}
      <Button mt="sm" variant="default" onClick={draft}>Draft credit note</Button>
    </Paper>
  )
}
