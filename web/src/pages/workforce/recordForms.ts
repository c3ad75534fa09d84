import type { FormField } from './RecordForm'

/** A programme's set-up, as the coordinator and the account executive agree it with the client and MSP. */
export const PROGRAMME_FIELDS: FormField[] = [
  { name: 'client_id', kind: 'client', label: 'Client', required: true },
  { name: 'name', kind: 'text', required: true },
  { name: 'msp', kind: 'text', label: 'MSP' },
  { name: 'vms', kind: 'choice', label: 'VMS', required: true, choices: ['fieldglass', 'beeline', 'vndly', 'other', 'none'] },
  { name: 'account_executive', kind: 'text' },
  { name: 'checkin_schedule', kind: 'choice', label: 'Check-ins', choices: ['weekly', 'biweekly', 'monthly', 'quarterly'] },
  { name: 'status', kind: 'choice', choices: ['active', 'inactive'] },
  { name: 'minimum_notice_days', kind: 'count', label: 'Minimum notice of an end (days)' },
  { name: 'notice_day_kind', kind: 'choice', label: 'Notice counted in', choices: ['business', 'calendar'] },
  { name: 'required_psr_fields', kind: 'list', label: 'Details a PSR must have', description: 'Comma-separated, e.g. manager_email, cost_centre' },
  { name: 'background_check_required', kind: 'bool', label: 'Background check required' },
  { name: 'processing_instructions', kind: 'longtext' },
]

/** A PSR entered from the client's system, or its missing details filled in. */
export const PSR_FORM_FIELDS: FormField[] = [
  { name: 'programme_id', kind: 'programme', label: 'Programme', required: true },
  { name: 'vms_work_order_id', kind: 'text', label: 'Work order' },
  { name: 'worker_first_name', kind: 'text' },
  { name: 'worker_last_name', kind: 'text' },
  { name: 'worker_email', kind: 'email' },
  { name: 'worker_type', kind: 'choice', choices: ['w2_employee', 'contractor_1099', 'foreign_contractor'] },
  { name: 'title', kind: 'text' },
  { name: 'manager_name', kind: 'text' },
  { name: 'manager_email', kind: 'email' },
  { name: 'location', kind: 'text' },
  { name: 'work_country', kind: 'text' },
  { name: 'work_state', kind: 'text' },
  { name: 'cost_centre', kind: 'text' },
  { name: 'start_date', kind: 'date' },
  { name: 'end_date', kind: 'date' },
  { name: 'pay_rate', kind: 'money' },
  { name: 'bill_rate', kind: 'money' },
  { name: 'currency', kind: 'text' },
]

/** The same fields without the ones an existing record keeps (the programme it belongs to). */
export function editable(fields: FormField[], fixed: string[]): FormField[] {
  return fields.filter((f) => !fixed.includes(f.name))
}
