import { Navigate, Route } from 'react-router'
import { AssignmentPage } from './AssignmentPage'
import { ChatImportPage } from './ChatImportPage'
import { KnowledgeArticlePage, KnowledgePage } from './KnowledgePages'
import { PayrollTicketPage } from './PayrollTicketPage'
import { PayrollTicketsPage } from './PayrollTicketsPage'
import { NewProgrammePage, ProgrammePage, WorkerPage } from './DetailPages'
import { NewPsrPage, PsrImportPage, PsrPage } from './PsrPages'
import { TimecardImportPage } from './TimecardImportPage'
import { TemplatesPage } from './TemplatesPage'
import { TimecardsPage } from './TimecardsPage'
import { VmsAuditPage } from './VmsAuditPage'
import { WorkforceHomePage } from './WorkforceHomePage'
import { AssignmentsPage, ProgrammesPage, PsrsPage, WorkersPage } from './WorkforceLists'

/** The Workforce module's routes (children of the shell). Workers land on their assignments. */
export function workforceRoutes(role: string | undefined) {
  const home = role === 'worker' ? 'assignments' : role === 'client_user' ? 'assignments' : 'home'
  return (
    <>
      <Route path="workforce" element={<Navigate to={`/workforce/${home}`} replace />} />
      <Route path="workforce/home" element={<WorkforceHomePage />} />
      <Route path="workforce/programmes" element={<ProgrammesPage />} />
      <Route path="workforce/programmes/new" element={<NewProgrammePage />} />
      <Route path="workforce/programmes/:id" element={<ProgrammePage />} />
      <Route path="workforce/programmes/:id/templates" element={<TemplatesPage />} />
      <Route path="workforce/workers" element={<WorkersPage />} />
      <Route path="workforce/workers/:id" element={<WorkerPage />} />
      <Route path="workforce/psrs" element={<PsrsPage />} />
      <Route path="workforce/psrs/import" element={<PsrImportPage />} />
      <Route path="workforce/psrs/new" element={<NewPsrPage />} />
      <Route path="workforce/psrs/:id" element={<PsrPage />} />
      <Route path="workforce/assignments" element={<AssignmentsPage />} />
      <Route path="workforce/assignments/:id" element={<AssignmentPage />} />
      <Route path="workforce/timecards" element={<TimecardsPage />} />
      <Route path="workforce/timecards/import" element={<TimecardImportPage />} />
      <Route path="workforce/vms-audit" element={<VmsAuditPage />} />
      <Route path="workforce/payroll" element={<PayrollTicketsPage />} />
      <Route path="workforce/chat-import" element={<ChatImportPage />} />
      <Route path="workforce/knowledge" element={<KnowledgePage />} />
      <Route path="workforce/knowledge/:id" element={<KnowledgeArticlePage />} />
      <Route path="workforce/payroll/:id" element={<PayrollTicketPage />} />
    </>
  )
}
