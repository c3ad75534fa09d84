import { useState, type ReactNode } from 'react'
import { Alert, Button, FileInput, Group, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { ApiError, errorMessage } from '../../api/http'
import { listRecords } from '../../api/workforce'
import { WorkforceNav } from './WorkforceNav'

/**
 * Uploads a VMS export for a programme: the whole file is checked first and one bad cell imports
 * nothing; each problem is listed with its file, line and column. Used by the PSR and timecard imports.
 */
export function VmsImportPage<R>(props: {
  title: string
  description: string
  fileLabel: string
  testId: string // "psr" → psr-file, psr-import, psr-import-result, psr-import-errors
  run: (programmeId: number, csv: string, fileName: string, dryRun: boolean) => Promise<R>
  dryRun?: boolean // offer a "Check (dry run)" button
  resultTitle: (result: R) => string
  resultText: (result: R) => ReactNode
}) {
  const programmes = useQuery({ queryKey: ['wf-programmes-all'], queryFn: () => listRecords('programmes', {}, null, 500) })
  const [programme, setProgramme] = useState<string | null>(null)
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState<R | null>(null)
  const [errors, setErrors] = useState<{ message: string; fields: { field: string; message: string }[] } | null>(null)
  const [busy, setBusy] = useState(false)
  async function run(dryRun: boolean) {
    if (!programme || !file) return
    setBusy(true)
    setErrors(null)
    try {
      setResult(await props.run(Number(programme), await file.text(), file.name, dryRun))
    } catch (e) {
      setResult(null)
      setErrors({ message: errorMessage(e), fields: e instanceof ApiError ? e.fieldErrors : [] })
    } finally {
      setBusy(false)
    }
  }
  const id = props.testId
  return (
    <Stack gap="md">
      <WorkforceNav />
      <Title order={2}>{props.title}</Title>
      <Text size="sm" c="dimmed">
        {props.description}
      </Text>
      <Paper withBorder p="md">
        <Stack>
          <Select
            label="Programme"
            data={(programmes.data?.items ?? []).map((p) => ({
              value: String(p.id),
              label: `${String(p.client_name)} — ${String(p.name)} (${String(p.vms)})`,
            }))}
            value={programme}
            onChange={setProgramme}
            searchable
            data-testid={`${id}-programme`}
          />
          <FileInput label={props.fileLabel} accept=".csv,text/csv" value={file} onChange={setFile} data-testid={`${id}-file`} />
          <Group>
            {props.dryRun && (
              <Button variant="default" onClick={() => run(true)} loading={busy} disabled={!programme || !file}>
                Check (dry run)
              </Button>
            )}
            <Button onClick={() => run(false)} loading={busy} disabled={!programme || !file} data-testid={`${id}-import`}>
              Import
            </Button>
          </Group>
        </Stack>
      </Paper>
      {result && (
        <Alert color="green" title={props.resultTitle(result)} data-testid={`${id}-import-result`}>
          {props.resultText(result)}
        </Alert>
      )}
      {errors && (
        <Alert color="red" title={errors.message} data-testid={`${id}-import-errors`}>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {errors.fields.slice(0, 50).map((f, i) => (
              <li key={i}>
                <b>{f.field}</b>: {f.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </Stack>
  )
}
