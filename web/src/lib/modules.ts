import type { Role } from '../api/types'

export interface ModuleInfo {
  key: string
  label: string
  path: string
  built: boolean
  /** One line from PRODUCT.md describing what the module will hold. */
  planned: string
  /** Roles that see the module in the navigation; undefined = everyone. */
  roles?: Role[]
}

const INTERNAL: Role[] = ['admin', 'manager', 'coordinator']

export const MODULES: ModuleInfo[] = [
  {
    key: 'clients',
    label: 'Clients',
    path: '/clients',
    built: true,
    planned: 'Clients (employers) and their contacts, account teams, addresses and service notes.',
    roles: ['admin', 'manager', 'coordinator', 'client_user'],
  },
  {
    key: 'reconciliation',
    label: 'Reconciliation',
    path: '/reconciliation',
    built: true,
    planned:
      'A keyed diff of two record sets (files, database queries) with mappings, normalisers and tolerances; its exceptions become work items that a person resolves.',
    // client users read their own clients' specs, runs and items (the API scopes them)
    roles: ['admin', 'manager', 'coordinator', 'client_user'],
  },
  {
    key: 'workforce',
    label: 'Workforce',
    path: '/workforce',
    built: true,
    planned:
      'MSP/VMS programmes, workers, personnel service requests, onboarding, contractor classification, the assignment life cycle, timecards and expenses, and the VMS audit.',
  },
  {
    key: 'service-desk',
    label: 'Service desk',
    path: '/service-desk',
    built: true,
    planned:
      'Cases from email, phone, chat, portal and VMS; queues, routing, SLA policies on business-hours calendars, escalations, quality scoring and staffing.',
  },
  {
    key: 'staffing',
    // workforce management (WFM); "Staffing" keeps it apart from Workforce (MSP/VMS workers) in the menu
    label: 'Staffing',
    path: '/staffing',
    built: true,
    planned:
      'Support queues: call history by interval, forecasts with their accuracy, staff required against scheduled, and the gaps.',
    roles: ['admin', 'manager', 'coordinator'],
  },
  {
    key: 'benefits',
    label: 'Benefits',
    path: '/benefits',
    built: false,
    planned:
      'Plans and carriers, rates, eligibility, enrollment and open enrollment, life events, X12 834 carrier feeds, COBRA and claims appeals.',
  },
  {
    key: 'billing',
    label: 'Group billing',
    path: '/billing',
    built: false,
    planned:
      'Billing set-up per group, list bills per billing mode, retroactive adjustments, remittances and their reconciliation to the bill, suspense, refunds and delinquency.',
    roles: ['admin', 'manager', 'coordinator', 'client_user'],
  },
  {
    key: 'agency',
    label: 'Agency accounts',
    path: '/agency',
    built: true,
    planned:
      'Account knowledge, jobs with numbers and alerts, estimates (LOEs) and revisions with client approval, billable time, status and contact reports, invoices.',
    roles: ['admin', 'manager', 'coordinator', 'client_user'],
  },
  {
    key: 'outbox',
    label: 'Outbox',
    path: '/outbox',
    built: true,
    planned: 'Every e-mail concord sends on its own, whether the relay took it, and sending a held or failed one again.',
    roles: INTERNAL,
  },
  {
    key: 'jobs',
    label: 'Jobs',
    path: '/jobs',
    built: false,
    planned: 'Background jobs with progress (imports, reconciliations, billing runs, reports) and scheduled work.',
    roles: INTERNAL,
  },
  {
    key: 'audit',
    label: 'Audit',
    path: '/audit',
    built: true,
    planned: 'The audit trail: every write with who, when, what, before and after, hash-chained and verifiable.',
    roles: INTERNAL,
  },
  {
    key: 'admin',
    label: 'Administration',
    path: '/admin',
    built: false,
    planned: "Users, roles, clients' access and configuration.",
    roles: ['admin'],
  },
]

export function modulesFor(role: Role | undefined): ModuleInfo[] {
  return MODULES.filter((m) => !m.roles || (role !== undefined && m.roles.includes(role)))
}

/** Where a role lands after login: its first module. */
export function homePath(role: Role | undefined): string {
  return modulesFor(role)[0]?.path ?? '/clients'
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  manager: 'Manager',
  coordinator: 'Coordinator',
  client_user: 'Client user',
  worker: 'Worker',
}

/** Whether a role may create and edit clients. */
export function canEditClients(role: Role | undefined): boolean {
  return role === 'admin' || role === 'manager' || role === 'coordinator'
}

/** Whether a role may save specs, upload inputs, start runs and assign/resolve/accept items. */
export function canWorkRecon(role: Role | undefined): boolean {
  return role === 'admin' || role === 'manager' || role === 'coordinator'
}

/** Whether a role may schedule runs on files the server reads from its own disk. */
export function canScheduleRecon(role: Role | undefined): boolean {
  return role === 'admin' || role === 'manager'
}
