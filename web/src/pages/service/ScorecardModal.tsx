import { useState } from 'react'
import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { ApiError, errorMessage, fieldErrorMap } from '../../api/http'
import { getCriteria, getScorecard, reviewCase, reviseScorecard, type Ratings, type Scorecard } from '../../api/quality'
import { FormAlerts } from '../../components/FormAlerts'

const NA = 'na'

/** Review a solved case on the desk's form (each criterion 0–4 or not applicable), or edit its scorecard. */
export function ScorecardModal({ caseId, subject, scorecardId, onClose, onSaved }: {
  caseId: number
  subject: string
  scorecardId: number | null
  onClose: () => void
  onSaved: (s: Scorecard) => void
}) {
  const criteria = useQuery({ queryKey: ['quality-criteria'], queryFn: getCriteria })
  const existing = useQuery({ queryKey: ['scorecard', scorecardId], queryFn: () => getScorecard(scorecardId!), enabled: scorecardId != null })
  const [ratings, setRatings] = useState<Record<string, string> | null>(null)
  const [comment, setComment] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [conflict, setConflict] = useState(false)
  const [saving, setSaving] = useState(false)

  const loaded = existing.data
  const current: Record<string, string> = ratings ?? Object.fromEntries((loaded?.criteria ?? []).map((c) => [c.key, c.rating == null ? NA : String(c.rating)]))
  const text = comment ?? loaded?.comment ?? ''
  const max = criteria.data?.max_rating ?? 4
  const choices = [...Array.from({ length: max + 1 }, (_, i) => ({ value: String(i), label: String(i) })), { value: NA, label: 'n/a' }]

  async function save() {
    const scores: Ratings = {}
    for (const c of criteria.data?.items ?? []) {
      const v = current[c.key]
      if (v !== undefined) scores[c.key] = v === NA ? null : Number(v)
    }
    setSaving(true)
    setErrors({})
    setFormError(null)
    try {
      const r = loaded ? await reviseScorecard(loaded, scores, text) : await reviewCase(caseId, scores, text)
      onSaved(r.data)
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) setConflict(true)
      else if (e instanceof ApiError && e.fieldErrors.length > 0) {
        setErrors(fieldErrorMap(e.fieldErrors))
        setFormError(errorMessage(e))
      } else setFormError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened onClose={onClose} size="lg" title={`Review case #${caseId}: ${subject}`}>
      <Stack gap="sm">
        <FormAlerts conflict={conflict} conflictMessage="Someone changed this scorecard since you opened it." onReload={() => { setConflict(false); setRatings(null); setComment(null); void existing.refetch() }} reloading={existing.isFetching} formError={formError} />
        {errors.case_id && <Text c="red" size="sm">{errors.case_id}</Text>}
        {(criteria.data?.items ?? []).map((c) => (
          <div key={c.key} data-testid={`criterion-${c.key}`}>
            <Text size="sm" fw={500}>{c.label} <Text span c="dimmed" size="xs">weight {c.weight}</Text></Text>
            <SegmentedControl size="xs" aria-label={c.label} data={choices} value={current[c.key] ?? ''} onChange={(v) => setRatings({ ...current, [c.key]: v })} />
            {errors[`scores.${c.key}`] && <Text c="red" size="xs" role="alert">{errors[`scores.${c.key}`]}</Text>}
          </div>
        ))}
        <Textarea label="Comment for the agent" autosize minRows={2} value={text} onChange={(e) => setComment(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={save} loading={saving}>Save scorecard</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
