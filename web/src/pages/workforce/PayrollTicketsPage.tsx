import { PAYROLL_KINDS, PAYROLL_STATUSES } from '../../api/workforceComms'
import { RecordListPage } from './RecordListPage'

/** The payroll escalation queue: every ticket in the caller's scope, soonest follow-up first. */
export function PayrollTicketsPage() {
  return (
    <RecordListPage
      title="Payroll tickets"
      subtitle="Pay problems escalated to payroll: research, follow-up date and where each one stands"
      path="payroll-tickets"
      detailPath="/workforce/payroll"
      noun="payroll tickets"
      defaultSort="due_date"
      sortable={['due_date', 'status', 'kind', 'worker_name', 'client_name', 'created_at', 'updated_at']}
      filters={[
        { key: 'status', label: 'Status', options: PAYROLL_STATUSES },
        { key: 'kind', label: 'Kind', options: PAYROLL_KINDS },
      ]}
      columns={[
        { key: 'subject', header: 'Subject', kind: 'link' },
        { key: 'worker_name', header: 'Worker' },
        { key: 'client_name', header: 'Client' },
        { key: 'kind', header: 'Kind' },
        { key: 'pay_period_end', header: 'Period ending' },
        { key: 'amount', header: 'Amount' },
        { key: 'due_date', header: 'Follow up' },
        { key: 'status', header: 'Status', kind: 'status' },
      ]}
    />
  )
}
