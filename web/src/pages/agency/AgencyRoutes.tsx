import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../NotFoundPage'
import { AgencyAccountPage } from './AgencyAccountPage'
import { AgencyAccountsPage } from './AgencyAccountsPage'
import { AgencyExpensesPage } from './AgencyExpensesPage'
import { AgencyHomePage } from './AgencyHomePage'
import { AgencyInvoicePage } from './AgencyInvoicePage'
import { AgencyInvoicesPage } from './AgencyInvoicesPage'
import { AgencyJobPage } from './AgencyJobPage'
import { AgencyJobsPage } from './AgencyJobsPage'
import { AgencyMeetingsPage } from './AgencyMeetingsPage'
import { AgencyReportsPage } from './AgencyReportsPage'
import { AgencySettingsPage } from './AgencySettingsPage'
import { AgencyTimePage } from './AgencyTimePage'

/** The agency module's screens under /agency. */
export function AgencyRoutes() {
  return (
    <Routes>
      <Route index element={<AgencyHomePage />} />
      <Route path="jobs" element={<AgencyJobsPage />} />
      <Route path="jobs/:id" element={<AgencyJobPage />} />
      <Route path="time" element={<AgencyTimePage />} />
      <Route path="expenses" element={<AgencyExpensesPage />} />
      <Route path="invoices" element={<AgencyInvoicesPage />} />
      <Route path="invoices/:id" element={<AgencyInvoicePage />} />
      <Route path="reports" element={<AgencyReportsPage />} />
      <Route path="meetings" element={<AgencyMeetingsPage />} />
      <Route path="accounts" element={<AgencyAccountsPage />} />
      <Route path="accounts/:id" element={<AgencyAccountPage />} />
      <Route path="settings" element={<AgencySettingsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
