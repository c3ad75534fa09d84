import { describe, expect, it } from 'vitest'
import { buildQuery, fieldErrorMap, normalizeField } from '../api/http'
import { jobPercent } from '../components/JobProgress'
import { nextSort, sortParamToState } from '../pages/ClientsListPage'
import { diffInput, emptyValues, toInput, validate } from './clientForm'
import { amountText, changedFields } from './format'
import { parseImportError } from './importErrors'
import { homePath, MODULES, modulesFor } from './modules'

describe('problem field errors', () => {
  it('normalises nested paths', () => {
    expect(normalizeField('addresses[0].city')).toBe('addresses.0.city')
    expect(normalizeField('/addresses/1/line1')).toBe('addresses.1.line1')
    expect(normalizeField('legal_name')).toBe('legal_name')
  })
  it('keeps the first message per field', () => {
    const m = fieldErrorMap([
      { field: 'legal_name', code: 'required', message: 'Required' },
      { field: 'legal_name', code: 'too_long', message: 'Too long' },
      { field: 'addresses[0].city', code: 'required', message: 'City required' },
    ])
    expect(m).toEqual({ legal_name: 'Required', 'addresses.0.city': 'City required' })
  })
  it('builds queries without empty values', () => {
    expect(buildQuery({ q: 'acme co', status: '', industry: null, limit: 50 })).toBe('?q=acme+co&limit=50')
    expect(buildQuery({})).toBe('')
  })
})

describe('import errors', () => {
  it('splits line and column', () => {
    expect(parseImportError({ field: 'line 3, column 2 (legal_name)', code: 'required', message: 'm' })).toMatchObject({
      line: 3,
      column: '2 (legal_name)',
    })
    expect(parseImportError({ field: 'header', code: 'missing_column', message: 'm' })).toMatchObject({
      line: null,
      column: 'header',
    })
  })
})

describe('sorting', () => {
  it('maps the sort parameter to table state and toggles it', () => {
    expect(sortParamToState('-updated_at')).toEqual([{ id: 'updated_at', desc: true }])
    expect(sortParamToState('legal_name')).toEqual([{ id: 'legal_name', desc: false }])
    expect(nextSort('legal_name', 'legal_name')).toBe('-legal_name')
    expect(nextSort('-legal_name', 'legal_name')).toBe('legal_name')
    expect(nextSort('legal_name', 'status')).toBe('status')
  })
})

describe('client form', () => {
  it('sends tax id only when typed and empty optionals as empty strings', () => {
    const v = { ...emptyValues(), legal_name: ' Acme ' }
    const input = toInput(v)
    expect(input.legal_name).toBe('Acme')
    expect(input.dba).toBe('')
    expect('tax_id' in input).toBe(false)
    expect(toInput({ ...v, tax_id: '12-3456789' }).tax_id).toBe('12-3456789')
  })
  it('diffs only changed fields', () => {
    const a = toInput({ ...emptyValues(), legal_name: 'A' })
    const b = toInput({ ...emptyValues(), legal_name: 'A', service_notes: 'x' })
    expect(diffInput(a, b)).toEqual({ service_notes: 'x' })
  })
  it('validates required fields', () => {
    expect(validate(emptyValues())).toHaveProperty('legal_name')
  })
})

describe('audit changes', () => {
  it('lists changed fields, ignoring bookkeeping', () => {
    expect(
      changedFields({ legal_name: 'A', version: 1, dba: null }, { legal_name: 'B', version: 2, dba: null }),
    ).toEqual([{ field: 'legal_name', before: 'A', after: 'B' }])
    expect(changedFields(null, { legal_name: 'A' })).toEqual([{ field: 'legal_name', before: undefined, after: 'A' }])
  })
})

describe('jobs', () => {
  it('computes a bounded percentage', () => {
    expect(jobPercent({ state: 'running', done: 5, total: 10 })).toBe(50)
    expect(jobPercent({ state: 'queued', done: 0, total: 0 })).toBe(0)
    expect(jobPercent({ state: 'succeeded', done: 3, total: 0 })).toBe(100)
  })
})

describe('modules', () => {
  it('lists every module of the product brief', () => {
    expect(MODULES.map((m) => m.label)).toEqual([
      'Clients',
      'Reconciliation',
      'Workforce',
      'Service desk',
      'Staffing',
      'Benefits',
      'Group billing',
      'Agency accounts',
      'Outbox',
      'Jobs',
      'Audit',
      'Administration',
    ])
    expect(modulesFor('admin')).toHaveLength(MODULES.length)
    expect(modulesFor('client_user').some((m) => m.key === 'admin')).toBe(false)
    expect(modulesFor('client_user').some((m) => m.key === 'outbox')).toBe(false)
    expect(modulesFor('worker').some((m) => m.key === 'clients')).toBe(false)
    expect(homePath('coordinator')).toBe('/clients')
    expect(homePath('worker')).toBe('/workforce')
  })
})

describe('audit values', async () => {
  const { auditValue, fieldLabel } = await import('./format')
  it('summarises addresses and team members', () => {
    expect(
      auditValue([{ city: 'Toledo', country: 'US', kind: 'billing', line1: '1 Main', line2: '', postal_code: '43604', region: 'OH' }]),
    ).toBe('billing: 1 Main, Toledo, OH, 43604, US')
    expect(auditValue([{ user_id: 3, role: 'payroll' }])).toBe('user #3 (payroll)')
    expect(auditValue([])).toBe('(none)')
    expect(fieldLabel('dba')).toBe('DBA')
    expect(fieldLabel('legal_name')).toBe('Legal name')
  })
})

describe('amountText', () => {
  it('pads to two decimals and never rounds', () => {
    expect(amountText('150')).toBe('150.00')
    expect(amountText('412.3')).toBe('412.30')
    expect(amountText('412.37')).toBe('412.37')
    expect(amountText('0.0125')).toBe('0.0125')
  })
})
