import { useState } from 'react'
import { Alert, Anchor, Button, Code, FileInput, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import { importClients } from '../api/endpoints'
import { ApiError, errorMessage } from '../api/http'
import type { ImportResult } from '../api/types'
import { useAuth } from '../auth/AuthContext'
import { parseImportError, type ImportErrorRow } from '../lib/importErrors'
import { canEditClients } from '../lib/modules'
import { NotFoundPage } from './NotFoundPage'

type Stage =
  | { kind: 'idle' }
  | { kind: 'invalid'; detail: string; rows: ImportErrorRow[] }
  | { kind: 'valid'; result: ImportResult }
  | { kind: 'imported'; result: ImportResult }

export function ClientImportPage() {
  const { user } = useAuth()
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [stage, setStage] = useState<Stage>({ kind: 'idle' })
  const [busy, setBusy] = useState<'dry' | 'real' | null>(null)
  const [error, setError] = useState<string | null>(null)

  if (!canEditClients(user?.role)) return <NotFoundPage />

  async function run(dryRun: boolean) {
    if (!file) return
    setBusy(dryRun ? 'dry' : 'real')
    setError(null)
    try {
      const text = await file.text()
      const result = await importClients(text, dryRun, file.name)
      if (dryRun) setStage({ kind: 'valid', result })
      else {
        setStage({ kind: 'imported', result })
        notifications.show({ color: 'green', title: 'Import finished', message: file.name })
        await queryClient.invalidateQueries({ queryKey: ['clients'] })
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        setStage({
          kind: 'invalid',
          detail: e.problem.detail || 'The file has errors; nothing was imported.',
          rows: e.fieldErrors.map(parseImportError),
        })
      } else {
        setError(errorMessage(e))
      }
    } finally {
      setBusy(null)
    }
  }

  return (
    <Stack gap="md" maw={1000}>
      <div>
        <Anchor component={Link} to="/clients" size="sm">
          ← Clients
        </Anchor>
        <Title order={2} mt={4}>
          Import clients from CSV
        </Title>
        <Text size="sm" c="dimmed">
          The whole file is checked first; it is imported in one go or not at all. Importing the same file twice changes
          nothing the second time.
        </Text>
      </div>

      <Paper withBorder p="md" radius="sm">
        <Stack gap="sm">
          <Text size="sm">
            Columns: <Code>external_ref</Code> (optional), <Code>legal_name</Code>, <Code>dba</Code>, <Code>tax_id</Code>,{' '}
            <Code>industry</Code>, <Code>status</Code>, … with a header row.
          </Text>
          <Group align="flex-end" gap="sm">
            <FileInput
              label="CSV file"
              placeholder="Choose a .csv file"
              accept=".csv,text/csv"
              value={file}
              onChange={(f) => {
                setFile(f)
                setStage({ kind: 'idle' })
                setError(null)
              }}
              clearable
              w={360}
            />
            <Button onClick={() => run(true)} disabled={!file} loading={busy === 'dry'} variant="default">
              Validate (dry run)
            </Button>
            <Button onClick={() => run(false)} disabled={!file || stage.kind !== 'valid'} loading={busy === 'real'}>
              Import
            </Button>
          </Group>
          {!file && (
            <Text size="xs" c="dimmed">
              Validate first; Import is enabled once the dry run finds no errors.
            </Text>
          )}
        </Stack>
      </Paper>

      {error && (
        <Alert color="red" variant="light" title="Import failed" role="alert">
          {error}
        </Alert>
      )}

      {stage.kind === 'valid' && (
        <Alert color="blue" variant="light" title="Dry run: no errors" data-testid="import-dry-run">
          <Text size="sm" mb="xs">
            Importing this file would make these changes. Nothing has been saved yet.
          </Text>
          <Counts result={stage.result} />
        </Alert>
      )}

      {stage.kind === 'imported' && (
        <Alert color="green" variant="light" title="Imported" data-testid="import-result">
          <Counts result={stage.result} />
        </Alert>
      )}

      {stage.kind === 'invalid' && (
        <Stack gap="xs">
          <Alert color="red" variant="light" title={`${stage.rows.length} error${stage.rows.length === 1 ? '' : 's'} — nothing imported`} role="alert">
            {stage.detail}
          </Alert>
          <Paper withBorder radius="sm">
            <Table striped verticalSpacing={6} aria-label="Import errors">
              <Table.Thead bg="gray.1">
                <Table.Tr>
                  <Table.Th w={80}>Line</Table.Th>
                  <Table.Th w={220}>Column</Table.Th>
                  <Table.Th w={230}>Code</Table.Th>
                  <Table.Th>Message</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stage.rows.map((r, i) => (
                  <Table.Tr key={i} data-testid="import-error-row">
                    <Table.Td>{r.line ?? '—'}</Table.Td>
                    <Table.Td>{r.column ?? '—'}</Table.Td>
                    <Table.Td>
                      <Code color="red.0" c="red.9">
                        {r.code || 'invalid'}
                      </Code>
                    </Table.Td>
                    <Table.Td>{r.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
    </Stack>
  )
}

function Counts({ result }: { result: ImportResult }) {
  return (
    <SimpleGrid cols={3} maw={420}>
      {(
        [
          ['Created', result.created],
          ['Updated', result.updated],
          ['Unchanged', result.unchanged],
        ] as const
      ).map(([label, n]) => (
        <div key={label}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Text size="xl" fw={700} data-testid={`count-${label.toLowerCase()}`}>
            {n}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  )
}
