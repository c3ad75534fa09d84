import { describe, expect, it } from 'vitest'
import { requestBody, requestValue, type FormField } from './RecordForm'

const fields: FormField[] = [
  { name: 'name', kind: 'text' },
  { name: 'minimum_notice_days', kind: 'count' },
  { name: 'background_check_required', kind: 'bool' },
  { name: 'required_psr_fields', kind: 'list' },
  { name: 'msp', kind: 'text' },
]

describe('workforce record form', () => {
  it('types what it sends: counts as numbers, lists split on commas, empty text as null', () => {
    expect(requestValue(fields[1], '10')).toBe(10)
    expect(requestValue(fields[3], ' manager_email,  cost_centre ,')).toEqual(['manager_email', 'cost_centre'])
    expect(requestValue(fields[0], '  ')).toBeNull()
    expect(requestValue(fields[2], true)).toBe(true)
  })

  it('creates with what was given and edits with only what changed', () => {
    const values = { name: 'Acme contingent', minimum_notice_days: '', background_check_required: false, required_psr_fields: '', msp: 'Magnit' }
    expect(requestBody(fields, values, null)).toEqual({ name: 'Acme contingent', background_check_required: false, msp: 'Magnit' })
    const record = { id: 4, version: 2, name: 'Acme contingent', minimum_notice_days: 5, background_check_required: false, required_psr_fields: ['cost_centre'], msp: 'Magnit' }
    const edited = { name: 'Acme contingent', minimum_notice_days: '10', background_check_required: false, required_psr_fields: 'cost_centre', msp: '' }
    expect(requestBody(fields, edited, record)).toEqual({ minimum_notice_days: 10, msp: null })
  })
})
