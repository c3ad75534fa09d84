import { useState } from 'react'
import { Alert, Button, Center, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { useParams } from 'react-router'
import { errorMessage } from '../../api/http'
import { answerSurvey } from '../../api/service'

/** The satisfaction survey a requester reaches from the link mailed on solve: no sign-in, the token is the key. */
export function SurveyPage() {
  const token = useParams().token ?? ''
  const [rating, setRating] = useState<number | null>(null)
  const [comment, setComment] = useState('')
  const [done, setDone] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  async function send() {
    if (rating == null) return
    setSaving(true)
    setError(null)
    try {
      await answerSurvey(token, rating, comment)
      setDone(true)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="lg" w={480}>
        {done ? (
          <Stack gap="xs">
            <Title order={3}>Thank you</Title>
            <Text data-testid="survey-thanks">Your answer helps us answer better.</Text>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Title order={3}>How did we do?</Title>
            <Text size="sm" c="dimmed">Rate how your request was handled, 1 (poor) to 5 (excellent).</Text>
            {error && <Alert color="red" role="alert">{error}</Alert>}
            <Group gap="xs">
              {[1, 2, 3, 4, 5].map((n) => (
                <Button key={n} variant={rating === n ? 'filled' : 'default'} onClick={() => setRating(n)} aria-pressed={rating === n}>{n}</Button>
              ))}
            </Group>
            <Textarea label="Anything to add? (optional)" autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
            <Group justify="flex-end"><Button onClick={send} disabled={rating == null} loading={saving}>Send</Button></Group>
          </Stack>
        )}
      </Paper>
    </Center>
  )
}
