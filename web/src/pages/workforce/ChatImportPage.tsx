import { useState } from 'react'
import { Alert, Button, Group, List, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { importChat, problemText, type ChatImportResult } from '../../api/workforceComms'
import { WorkforceNav } from './WorkforceNav'

/**
 * Import a client's chat (a Slack export folder, or a Google Takeout "Google Chat" folder) onto the workers'
 * timelines: senders are matched to workers by e-mail; the same export again adds nothing.
 */
export function ChatImportPage() {
  const [source, setSource] = useState<'slack' | 'google_chat'>('slack')
  const [files, setFiles] = useState<File[]>([])
  const [result, setResult] = useState<ChatImportResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function run() {
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      const texts = await Promise.all(
        files.map(async (f) => ({ name: f.webkitRelativePath || f.name, content: await f.text() })),
      )
      setResult(await importChat(source, texts))
    } catch (e) {
      setError(problemText(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Stack gap="md">
      <WorkforceNav />
      <Title order={2}>Import chat onto workers' timelines</Title>
      <Paper withBorder p="md">
        <Stack>
          <SegmentedControl
            value={source}
            onChange={(v) => setSource(v as 'slack' | 'google_chat')}
            data={[
              { value: 'slack', label: 'Slack export' },
              { value: 'google_chat', label: 'Google Chat (Takeout)' },
            ]}
            w={360}
          />
          <Text size="sm" c="dimmed">
            {source === 'slack'
              ? 'Choose the unzipped export folder: users.json and one folder per channel with a file per day.'
              : 'Choose the Takeout "Google Chat" folder: Groups/<space>/messages.json.'}
          </Text>
          <input
            type="file"
            multiple
            data-testid="chat-files"
            // A folder keeps each file's path (the channel is the folder's name).
            {...({ webkitdirectory: '', directory: '' } as Record<string, string>)}
            onChange={(e) => setFiles(Array.from(e.currentTarget.files ?? []).filter((f) => f.name.endsWith('.json')))}
          />
          <Group>
            <Button onClick={run} disabled={files.length === 0} loading={busy} data-testid="chat-import">
              Import {files.length ? `${files.length} files` : ''}
            </Button>
          </Group>
          {error && (
            <Alert color="red" className="pre-wrap" title="Nothing was imported" data-testid="chat-error">
              {error}
            </Alert>
          )}
          {result && (
            <Alert color="green" data-testid="chat-result">
              <List size="sm">
                <List.Item>
                  {result.imported} messages recorded on the timelines of {result.workers} worker(s)
                </List.Item>
                <List.Item>{result.already_imported} already there</List.Item>
                <List.Item>{result.unmatched} from people who are not workers, in conversations with several workers</List.Item>
              </List>
            </Alert>
          )}
        </Stack>
      </Paper>
    </Stack>
  )
}
