import { Button } from '@mantine/core'
import { Link } from 'react-router'
import { useAuth } from '../../auth/AuthContext'
import { RecordListPage } from './RecordListPage'

const ASSIGNMENT_STATUSES = ['requested', 'onboarding', 'ready', 'active', 'ending', 'ended', 'offboarded', 'cancelled']
const WORKER_TYPES = ['w2_employee', 'contractor_1099', 'foreign_contractor']

export function ProgrammesPage() {
  return (
    <RecordListPage
      title="Programmes"
      subtitle="Each client's MSP, VMS, processing instructions and check-in schedule"
      path="programmes"
      detailPath="/workforce/programmes"
      noun="programmes"
      defaultSort="name"
      sortable={['name', 'client_name', 'msp', 'vms', 'status', 'updated_at']}
      filters={[
        { key: 'vms', label: 'VMS', options: ['fieldglass', 'beeline', 'vndly', 'other', 'none'] },
        { key: 'status', label: 'Status', options: ['active', 'inactive'] },
      ]}
      columns={[
        { key: 'name', header: 'Programme', kind: 'link' },
        { key: 'client_name', header: 'Client' },
        { key: 'msp', header: 'MSP' },
        { key: 'vms', header: 'VMS' },
        { key: 'account_executive', header: 'Account executive' },
        { key: 'checkin_schedule', header: 'Check-ins' },
        { key: 'status', header: 'Status', kind: 'status' },
      ]}
      actions={
        <Button component={Link} to="/workforce/programmes/new">
          New programme
        </Button>
      }
    />
  )
}

export function WorkersPage() {
  const { user } = useAuth()
  const internal = user?.role === 'admin' || user?.role === 'manager' || user?.role === 'coordinator'
  return (
    <RecordListPage
      title="Workers"
      subtitle="Employees (W-2) and independent contractors (1099 or foreign)"
      path="workers"
      detailPath="/workforce/workers"
      noun="workers"
      defaultSort="last_name"
      sortable={['last_name', 'first_name', 'email', 'worker_type', 'home_state', 'status', 'updated_at']}
      filters={[
        { key: 'worker_type', label: 'Worker type', options: WORKER_TYPES },
        { key: 'status', label: 'Status', options: ['active', 'inactive'] },
      ]}
      columns={[
        { key: 'full_name', header: 'Name', kind: 'link' },
        { key: 'email', header: 'Email' },
        { key: 'worker_type', header: 'Type' },
        { key: 'home_country', header: 'Country' },
        { key: 'home_state', header: 'State' },
        { key: 'tax_id_masked', header: 'Tax id' },
        { key: 'status', header: 'Status', kind: 'status' },
      ]}
      actions={
        internal ? (
          <Button component={Link} to="/workforce/chat-import" variant="light">
            Import chat
          </Button>
        ) : undefined
      }
    />
  )
}

export function PsrsPage() {
  return (
    <RecordListPage
      title="Personnel service requests"
      subtitle="Work orders from the VMS or the client's system, waiting to become assignments"
      path="psrs"
      detailPath="/workforce/psrs"
      noun="PSRs"
      defaultSort="start_date"
      sortable={['vms_work_order_id', 'worker_last_name', 'title', 'start_date', 'status', 'client_name', 'updated_at']}
      filters={[
        { key: 'status', label: 'Status', options: ['waiting', 'needs_details', 'converted', 'cancelled'] },
        { key: 'source', label: 'Source', options: ['vms_import', 'entered'] },
      ]}
      columns={[
        { key: 'vms_work_order_id', header: 'Work order', kind: 'link' },
        { key: 'worker_last_name', header: 'Worker' },
        { key: 'title', header: 'Title' },
        { key: 'client_name', header: 'Client' },
        { key: 'start_date', header: 'Start' },
        { key: 'missing', header: 'Missing' },
        { key: 'status', header: 'Status', kind: 'status' },
      ]}
      actions={
        <>
          <Button variant="default" component={Link} to="/workforce/psrs/new">
            Enter a PSR
          </Button>
          <Button component={Link} to="/workforce/psrs/import">
            Import VMS export
          </Button>
        </>
      }
    />
  )
}

export function AssignmentsPage() {
  return (
    <RecordListPage
      title="Assignments"
      subtitle="Worker × client: dates, rates, manager and life-cycle state"
      path="assignments"
      detailPath="/workforce/assignments"
      noun="assignments"
      defaultSort="start_date"
      sortable={['title', 'worker_name', 'client_name', 'start_date', 'end_date', 'status', 'manager_name', 'updated_at']}
      filters={[
        { key: 'status', label: 'Status', options: ASSIGNMENT_STATUSES },
        { key: 'worker_type', label: 'Worker type', options: WORKER_TYPES },
        { key: 'vms_update_pending', label: 'VMS update pending', options: ['true', 'false'] },
      ]}
      columns={[
        { key: 'title', header: 'Title', kind: 'link' },
        { key: 'worker_name', header: 'Worker' },
        { key: 'client_name', header: 'Client' },
        { key: 'vms_work_order_id', header: 'Work order' },
        { key: 'start_date', header: 'Start' },
        { key: 'end_date', header: 'End' },
        { key: 'status', header: 'Status', kind: 'status' },
        { key: 'vms_update_pending', header: 'VMS', kind: 'flag' },
      ]}
    />
  )
}
