import { useState } from 'react'
import { Button } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { downloadFile } from '../api/endpoints'
import { errorMessage } from '../api/http'

type Format = 'csv' | 'xlsx'

/**
 * "Export CSV" and "Export XLSX": downloads `url(format)` as `<filename>.<format>`, a spinner on the one under way.
 * `xlsxInBackground`, when given, replaces the XLSX download (a long list: a background job with a progress bar).
 */
export function ExportButtons({
  url,
  filename,
  what,
  xlsxInBackground,
}: {
  url: (format: Format) => string
  filename: string
  what?: string
  xlsxInBackground?: () => Promise<void>
}) {
  const [downloading, setDownloading] = useState<Format | null>(null)

  async function exportFile(format: Format) {
    setDownloading(format)
    try {
      if (format === 'xlsx' && xlsxInBackground) await xlsxInBackground()
      else await downloadFile(url(format), `${filename}.${format}`)
    } catch (e) {
      notifications.show({ color: 'red', title: 'Export failed', message: errorMessage(e) })
    } finally {
      setDownloading(null)
    }
  }

  const prefix = what ? `Export ${what}` : 'Export'
  return (
    <>
      <Button variant="default" onClick={() => exportFile('csv')} loading={downloading === 'csv'}>
        {`${prefix} CSV`}
      </Button>
      <Button variant="default" onClick={() => exportFile('xlsx')} loading={downloading === 'xlsx'}>
        {`${prefix} XLSX`}
      </Button>
    </>
  )
}
