import { Navigate, Route, Routes } from 'react-router'
import { NotFoundPage } from '../NotFoundPage'
import { WfmCalculatorPage } from './WfmCalculatorPage'
import { WfmCallsPage } from './WfmCallsPage'
import { WfmForecastPage } from './WfmForecastPage'
import { WfmForecastsPage } from './WfmForecastsPage'
import { WfmImportPage } from './WfmImportPage'
import { WfmQueuesPage } from './WfmQueuesPage'

/** The Workforce-management module's screens under /staffing. */
export function WfmRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="forecasts" replace />} />
      <Route path="forecasts" element={<WfmForecastsPage />} />
      <Route path="forecasts/:id" element={<WfmForecastPage />} />
      <Route path="calls" element={<WfmCallsPage />} />
      <Route path="queues" element={<WfmQueuesPage />} />
      <Route path="import" element={<WfmImportPage />} />
      <Route path="calculator" element={<WfmCalculatorPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
