import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { saveConfig, type ConfigKind } from '../../../api/deskAdmin'
import { ApiError, errorMessage, fieldErrorMap } from '../../../api/http'

/** Saving one configuration record: per-field errors (e.g. `members.0.capacity`), the 412 conflict, the form error. */
export function useConfigSave<T extends { id: number; version: number }>(kind: ConfigKind, existing: T | null, onSaved: () => void) {
  const qc = useQueryClient()
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [conflict, setConflict] = useState(false)
  const [saving, setSaving] = useState(false)

  async function save(record: Omit<T, 'id' | 'version'>) {
    setSaving(true)
    setErrors({})
    setFormError(null)
    try {
      await saveConfig<T>(kind, record, existing)
      await qc.invalidateQueries({ queryKey: ['desk-config', kind] })
      onSaved()
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) setConflict(true)
      else {
        if (e instanceof ApiError) setErrors(fieldErrorMap(e.fieldErrors))
        setFormError(errorMessage(e))
      }
    } finally {
      setSaving(false)
    }
  }
  async function reload() {
    setConflict(false)
    await qc.invalidateQueries({ queryKey: ['desk-config', kind] })
    onSaved()
  }
  return { errors, formError, conflict, saving, save, reload }
}

/** A number input's value as the API wants it: null when empty. */
export function optionalNumber(v: string | number): number | null {
  return v === '' || v == null ? null : Number(v)
}
