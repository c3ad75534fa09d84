import { Center, Loader } from '@mantine/core'
import { Navigate, Route, Routes, useLocation } from 'react-router'
import { useAuth } from './auth/AuthContext'
import { Shell } from './components/Shell'
import { homePath, MODULES } from './lib/modules'
import { ClientDetailPage } from './pages/ClientDetailPage'
import { ClientFormPage } from './pages/ClientFormPage'
import { ClientImportPage } from './pages/ClientImportPage'
import { ClientsListPage } from './pages/ClientsListPage'
import { LoginPage } from './pages/LoginPage'
import { NotBuiltPage } from './pages/NotBuiltPage'
import { OutboxPage } from './pages/mail/OutboxPage'
import { AuditPage } from './pages/audit/AuditPage'
import { NotFoundPage } from './pages/NotFoundPage'
import { ReconRunPage } from './pages/ReconRunPage'
import { ReconRunsPage } from './pages/ReconRunsPage'
import { ReconSpecFormPage } from './pages/ReconSpecFormPage'
import { ReconSpecPage } from './pages/ReconSpecPage'
import { ReconSpecsPage } from './pages/ReconSpecsPage'
import { ReconStartRunPage } from './pages/ReconStartRunPage'
import { WfmRoutes } from './pages/wfm/WfmRoutes'
import { workforceRoutes } from './pages/workforce/routes'
import { CaseDetailPage } from './pages/service/CaseDetailPage'
import { CasesPage } from './pages/service/CasesPage'
import { QualityPage } from './pages/service/QualityPage'
import { ServiceDashboardPage } from './pages/service/ServiceDashboardPage'
import { SupervisorBoardPage } from './pages/service/SupervisorBoardPage'
import { SurveyPage } from './pages/service/SurveyPage'
import { DeskSettingsPage } from './pages/service/settings/DeskSettingsPage'
import { AgencyRoutes } from './pages/agency/AgencyRoutes'

export function App() {
  const { user, loading } = useAuth()
  const location = useLocation()

  if (loading) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    )
  }

  if (!user) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/survey/:token" element={<SurveyPage />} />
        <Route
          path="*"
          element={<Navigate to="/login" replace state={{ from: location.pathname + location.search }} />}
        />
      </Routes>
    )
  }

  return (
    <Routes>
      <Route path="/login" element={<Navigate to={(location.state as { from?: string })?.from || homePath(user.role)} replace />} />
      <Route path="/survey/:token" element={<SurveyPage />} />
      <Route element={<Shell />}>
        <Route index element={<Navigate to={homePath(user.role)} replace />} />
        <Route path="clients" element={<ClientsListPage />} />
        <Route path="clients/new" element={<ClientFormPage mode="create" />} />
        <Route path="clients/import" element={<ClientImportPage />} />
        <Route path="clients/:id" element={<ClientDetailPage />} />
        <Route path="clients/:id/edit" element={<ClientFormPage mode="edit" />} />
        <Route path="reconciliation" element={<Navigate to="/reconciliation/runs" replace />} />
        <Route path="reconciliation/runs" element={<ReconRunsPage />} />
        <Route path="reconciliation/runs/new" element={<ReconStartRunPage />} />
        <Route path="reconciliation/runs/:id" element={<ReconRunPage />} />
        <Route path="reconciliation/specs" element={<ReconSpecsPage />} />
        <Route path="reconciliation/specs/new" element={<ReconSpecFormPage mode="create" />} />
        <Route path="reconciliation/specs/:id" element={<ReconSpecPage />} />
        <Route path="reconciliation/specs/:id/edit" element={<ReconSpecFormPage mode="edit" />} />
        <Route path="staffing/*" element={<WfmRoutes />} />
        {workforceRoutes(user.role)}
        <Route path="service-desk" element={<CasesPage />} />
        <Route path="service-desk/cases/:id" element={<CaseDetailPage />} />
        <Route path="service-desk/dashboard" element={<ServiceDashboardPage />} />
        <Route path="service-desk/quality" element={<QualityPage />} />
        <Route path="service-desk/board" element={<SupervisorBoardPage />} />
        <Route path="service-desk/settings" element={<DeskSettingsPage />} />
        <Route path="agency/*" element={<AgencyRoutes />} />
        <Route path="outbox" element={<OutboxPage />} />
        <Route path="audit" element={<AuditPage />} />
        {MODULES.filter((m) => !m.built).map((m) => (
          <Route key={m.key} path={m.path.slice(1)} element={<NotBuiltPage module={m} />} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
