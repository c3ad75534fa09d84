import { useState } from 'react'
import { Alert, Button, Checkbox, FileInput, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { agency } from '../../api/agency'
import { expenses, type Expense } from '../../api/agencyBilling'
import { errorMessage } from '../../api/http'

export const EXPENSE_CATEGORIES = ['printing', 'media', 'stock', 'photography', 'courier', 'travel', 'meals', 'other']

/** Record or correct an expense. An empty mark-up takes the approved estimate's for the category. */
export function ExpenseForm({ expense, jobId, onClose, onSaved }: {
  expense: Expense | null
  jobId?: number
  onClose: () => void
  onSaved: () => void
}) {
  const jobs = useQuery({ queryKey: ['agency', 'jobs', 'open-for-expenses'], queryFn: () => agency.jobs({ limit: 200, sort: 'number' }) })
  const [job, setJob] = useState<string | null>(expense ? String(expense.job_id) : jobId ? String(jobId) : null)
  const [date, setDate] = useState(expense?.expense_date ?? new Date().toISOString().slice(0, 10))
  const [supplier, setSupplier] = useState(expense?.supplier ?? '')
  const [category, setCategory] = useState<string | null>(expense?.category ?? 'printing')
  const [description, setDescription] = useState(expense?.description ?? '')
  const [cost, setCost] = useState(expense?.cost ?? '')
  const [markup, setMarkup] = useState(expense?.markup_percent ?? '')
  const [billable, setBillable] = useState(expense?.billable ?? true)
  const [receipt, setReceipt] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  async function save() {
    const body: Record<string, unknown> = { expense_date: date, supplier, category: category ?? '', description, cost, billable }
    if (markup !== '') body.markup_percent = markup
    try {
      let saved = expense ? (await expenses.edit(expense, body)).data : (await expenses.create({ ...body, job_id: Number(job) })).data
      if (receipt) saved = (await expenses.attachReceipt(saved, receipt)).data
      onSaved()
      onClose()
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  return (
    <Modal opened onClose={onClose} title={expense ? `Edit expense #${expense.id}` : 'Record an expense'}>
      <Stack gap="xs">
        <Select label="Job" searchable disabled={!!expense} data={(jobs.data?.items ?? []).map((j) => ({ value: String(j.id), label: `${j.number} — ${j.title}` }))}
          value={job} onChange={setJob} />
        <Group grow>
          <TextInput label="Date" placeholder="2026-03-04" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
          <Select label="Category" data={EXPENSE_CATEGORIES} value={category} onChange={setCategory} />
        </Group>
        <TextInput label="Supplier" value={supplier} onChange={(e) => setSupplier(e.currentTarget.value)} />
        <TextInput label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <Group grow>
          <TextInput label="Cost" placeholder="200.00" value={cost} onChange={(e) => setCost(e.currentTarget.value)} />
          <TextInput label="Mark-up %" placeholder="from the estimate" value={markup} onChange={(e) => setMarkup(e.currentTarget.value)} />
        </Group>
        <Checkbox label="Billable to the client" checked={billable} onChange={(e) => setBillable(e.currentTarget.checked)} />
        <FileInput label="Receipt" placeholder={expense?.receipt_name || 'Attach a file'} value={receipt} onChange={setReceipt} clearable />
        {error && <Alert color="red">{error}</Alert>}
        <Button onClick={save}>{expense ? 'Save' : 'Record expense'}</Button>
      </Stack>
    </Modal>
  )
}
