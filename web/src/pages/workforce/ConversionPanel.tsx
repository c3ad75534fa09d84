// Converting a contractor to a W-2 employee (docs/WORKFORCE.md "Conversion"): the button and form on a
// contractor's ready or active assignment, and what a converted assignment shows.
import { useState } from 'react'
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core'
import type { Assignment } from '../../api/workforce'
import { convertToEmployee, type ConvertedAssignment } from '../../api/workforceLifecycle'
import { humanize } from '../../lib/format'
import { RefusalAlert, refusalOf, type Refusal } from './RefusalAlert'

const REASONS = [
  { value: 'high_risk_determination', label: 'The classification determination is high risk' },
  { value: 'coordinator_decision', label: "The coordinator's decision (say why)" },
]

/** "Convert to employee": shown to internal users on a contractor's ready or active assignment. */
export function ConvertButton({ assignment, onDone }: { assignment: Assignment; onDone: (a: Assignment) => void }) {
  const [open, setOpen] = useState(false)
  const [values, setValues] = useState({ effective_date: '', reason: 'high_risk_determination', note: '' })
  const [error, setError] = useState<Refusal | null>(null)
  const [busy, setBusy] = useState(false)
  if (assignment.worker_type === 'w2_employee' || !['ready', 'active'].includes(assignment.status)) return null
  async function submit() {
    setBusy(true)
    setError(null)
    try {
      const next = await convertToEmployee(assignment, values)
      setOpen(false)
      onDone(next)
    } catch (e) {
      setError(refusalOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Button variant="light" color="grape" onClick={() => setOpen(true)} data-testid="convert-open">
        Convert to employee
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Convert to a W-2 employee">
        <Stack>
          <Text size="sm" c="dimmed">
            The engagement as a contractor ends and the same work continues as employment from the effective date.
            The worker owes the employee checklist (I-9, W-4, the state's withholding form) before that period's
            timecards; the worker is told by message and the VMS update becomes pending.
          </Text>
          <TextInput
            label="First day as an employee"
            placeholder="YYYY-MM-DD"
            value={values.effective_date}
            onChange={(e) => setValues({ ...values, effective_date: e.currentTarget.value })}
            data-testid="convert-effective"
          />
          <Select
            label="Reason"
            data={REASONS}
            value={values.reason}
            onChange={(v) => setValues({ ...values, reason: v ?? 'high_risk_determination' })}
            allowDeselect={false}
          />
          <Textarea
            label="Note"
            autosize
            minRows={2}
            value={values.note}
            onChange={(e) => setValues({ ...values, note: e.currentTarget.value })}
            data-testid="convert-note"
          />
          {error && <RefusalAlert refusal={error} testId="convert-error" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Close
            </Button>
            <Button color="grape" onClick={submit} loading={busy} data-testid="convert-submit">
              Convert
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}

/** What the conversion recorded, above the details of a converted assignment. */
export function ConversionSummary({ assignment }: { assignment: ConvertedAssignment }) {
  const c = assignment.conversion
  if (!c) return null
  const open = (assignment.checklist?.items ?? []).filter((i) => i.required && !i.done && !i.waived)
  return (
    <Alert color="grape" title={`Converted to a W-2 employee from ${c.effective_date}`} data-testid="conversion">
      <Text size="sm">
        Was {humanize(c.from_type)}; {humanize(c.reason)}
        {c.risk ? ` (determination risk ${c.risk})` : ''}
        {c.note ? ` — ${c.note.replace(/\.$/, '')}` : ''}. Decided by {c.decided_by}.
      </Text>
      <Text size="sm" data-testid="conversion-gate">
        {open.length
          ? `Timecards from ${c.effective_date} wait for: ${open.map((i) => i.title).join('; ')}.`
          : 'The employee checklist is complete.'}
      </Text>
    </Alert>
  )
}
