import { useState } from 'react'
import { Alert, Anchor, Button, FileInput, Group, Paper, Select, Switch, Table, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { accounts, FILE_CATEGORIES, type AccountFile } from '../../api/agencyAccounts'
import { downloadFile } from '../../api/endpoints'
import { errorMessage } from '../../api/http'

/** The account's files: upload, download, archive (kept, out of the working list) and restore. */
export function AccountFilesTab({ clientId }: { clientId: number }) {
  const qc = useQueryClient()
  const [archived, setArchived] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const [title, setTitle] = useState('')
  const [category, setCategory] = useState<string | null>('brand_guidelines')
  const files = useQuery({ queryKey: ['agency', 'account', clientId, 'files', archived], queryFn: () => accounts.files(clientId, archived) })
  const run = (label: string, fn: () => Promise<unknown>) => async () => {
    try {
      await fn()
      await qc.invalidateQueries({ queryKey: ['agency', 'account', clientId] })
    } catch (e) {
      notifications.show({ color: 'red', title: label, message: errorMessage(e) })
    }
  }
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Files</Title>
        <Switch label="Show archived" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
      </Group>
      <Group align="end" mb="md">
        <FileInput label="File" placeholder="Choose a file" value={file} onChange={setFile} w={240} />
        <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Select label="Category" data={FILE_CATEGORIES} value={category} onChange={setCategory} />
        <Button disabled={!file} onClick={run('Upload', async () => {
          await accounts.upload(clientId, file as File, title, category ?? 'other')
          setFile(null)
          setTitle('')
        })}>Upload</Button>
      </Group>
      {files.isError && <Alert color="red">{errorMessage(files.error)}</Alert>}
      <Table>
        <Table.Thead><Table.Tr><Table.Th>Title</Table.Th><Table.Th>Category</Table.Th><Table.Th>File</Table.Th><Table.Th>By</Table.Th><Table.Th>Added</Table.Th><Table.Th>SHA-256</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(files.data?.items ?? []).map((f: AccountFile) => (
            <Table.Tr key={f.id} c={f.archived_at ? 'dimmed' : undefined}>
              <Table.Td>{f.title}</Table.Td>
              <Table.Td>{f.category.replace('_', ' ')}</Table.Td>
              <Table.Td><Anchor onClick={() => downloadFile(accounts.fileUrl(f), f.file_name)}>{f.file_name}</Anchor> ({Math.ceil(f.size / 1024)} KB)</Table.Td>
              <Table.Td>{f.uploaded_by}</Table.Td>
              <Table.Td>{f.created_at.slice(0, 10)}</Table.Td>
              <Table.Td ff="monospace" fz="xs">{f.sha256.slice(0, 12)}…</Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" onClick={run('Archive', () => accounts.archiveFile(f, !f.archived_at))}>
                  {f.archived_at ? 'Restore' : 'Archive'}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
