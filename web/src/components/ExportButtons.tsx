import { useState } from 'react'
import { Button } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { downloadFile } from '../api/endpoints'
import { errorMessage } from '../api/http'

type Format = 'csv' | 'xlsx'

/** "Export CSV" and "Export XLSX": downloads `url(format)` as `<filename>.<format>`, a spinner on the one under way. */
export function ExportButtons({ url, filename, what }: { url: (format: Format) => string; filename: string; what?: string }) {
  const [downloading, setDownloading] = useState<Format | null>(null)

  async function exportFile(format: Format) {
    setDownloading(format)
    try {
      await downloadFile(url(format), `${filename}.${format}`)
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
