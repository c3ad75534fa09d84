import { useState } from 'react'
import { Button } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { buildQuery, request } from '../../api/http'
import type { Job } from '../../api/types'
import { ExportJobPanel } from '../../components/ExportJobPanel'

/**
 * Exports a whole agency list to XLSX as a background job (POST <list>/export-jobs) and shows its progress
 * bar and download link; for lists too large to wait for.
 */
export function BackgroundExport({ path, query }: { path: string; query: Record<string, string | number | null | undefined> }) {
  const [job, setJob] = useState<Job | null>(null)
  const [starting, setStarting] = useState(false)
  async function start() {
    setStarting(true)
    try {
      const res = await request<Job>(`${path}/export-jobs${buildQuery({ ...query, format: 'xlsx' })}`, { method: 'POST' })
      setJob(res.data)
    } catch (e) {
      notifications.show({ color: 'red', title: 'Could not start the export', message: String(e) })
    } finally {
      setStarting(false)
    }
  }
  return (
    <>
      <Button variant="default" onClick={start} loading={starting} data-testid="background-export">Export all in background</Button>
      {job && (
        <div style={{ flexBasis: '100%' }}>
          <ExportJobPanel key={job.id} initial={job} onClose={() => setJob(null)} />
        </div>
      )}
    </>
  )
}
