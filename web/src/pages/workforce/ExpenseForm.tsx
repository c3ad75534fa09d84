import { useState } from 'react'
import { Alert, Button, FileInput, Group, NativeSelect, Stack, TextInput } from '@mantine/core'
import { ApiError, errorMessage } from '../../api/http'
import { createRecord, uploadReceipt, type Row } from '../../api/workforce'

export const EXPENSE_CATEGORIES = ['mileage', 'travel', 'meals', 'lodging', 'equipment', 'other']

/**
 * A worker (or the coordinator for them) submits an expense on an assignment, with its receipt: the expense is
 * created submitted, then the receipt is stored with its SHA-256. Field errors come back from the API by name.
 */
export function ExpenseForm({ assignmentId, currency, onSaved }: { assignmentId: number; currency: string; onSaved: (e: Row) => void }) {
  const [spentOn, setSpentOn] = useState('')
  const [category, setCategory] = useState('')
  const [amount, setAmount] = useState('')
  const [description, setDescription] = useState('')
  const [receipt, setReceipt] = useState<File | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(e: React.FormEvent) {
    e.preventDefault()
    setError(null)
    setFieldErrors({})
    setBusy(true)
    let created: Row | null = null
    try {
      const expense: Row = await createRecord('expenses', {
        assignment_id: assignmentId,
        spent_on: spentOn,
        category,
        amount,
        currency,
        description,
      })
      created = expense
      onSaved(receipt ? await uploadReceipt(expense.id, receipt) : expense)
      setSpentOn('')
      setCategory('')
      setAmount('')
      setDescription('')
      setReceipt(null)
    } catch (err) {
      if (err instanceof ApiError) setFieldErrors(Object.fromEntries(err.fieldErrors.map((f) => [f.field, f.message])))
      // The expense exists without its receipt: say so, so the receipt is attached from the list rather than sent twice.
      setError(created ? `The expense was saved, but its receipt was not: ${errorMessage(err)}` : errorMessage(err))
      if (created) onSaved(created)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} data-testid="expense-form">
      <Stack gap="xs">
        <Group align="flex-start">
          <TextInput
            label="Spent on"
            type="date"
            required
            value={spentOn}
            onChange={(e) => setSpentOn(e.currentTarget.value)}
            error={fieldErrors.spent_on}
            w={170}
          />
          <NativeSelect
            label="Category"
            required
            data={[{ value: '', label: 'Choose…' }, ...EXPENSE_CATEGORIES.map((c) => ({ value: c, label: c[0].toUpperCase() + c.slice(1) }))]}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
            error={fieldErrors.category}
            w={160}
          />
          <TextInput
            label={`Amount (${currency})`}
            required
            inputMode="decimal"
            placeholder="52.50"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={fieldErrors.amount}
            w={140}
          />
          <TextInput
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldErrors.description}
            w={260}
          />
          <FileInput
            label="Receipt"
            placeholder="Image or PDF"
            accept="image/*,application/pdf"
            value={receipt}
            onChange={setReceipt}
            clearable
            w={200}
          />
        </Group>
        <Group>
          <Button type="submit" loading={busy} data-testid="expense-submit">
            Submit expense
          </Button>
        </Group>
        {error && (
          <Alert color="red" variant="light" role="alert" title="Not saved">
            {error}
          </Alert>
        )}
      </Stack>
    </form>
  )
}
