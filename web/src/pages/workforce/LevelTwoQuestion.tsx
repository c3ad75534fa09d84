import { useState } from 'react'
import { Alert, Button, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { askLevelTwo, problemText } from '../../api/workforceComms'

/** "Ask Level II": a question the knowledge base does not answer, to the HRBP or the account executive. */
export function LevelTwoQuestion({ workerId, articleId, onSent }: { workerId: number; articleId?: number; onSent: () => void }) {
  const [open, setOpen] = useState(false)
  const [question, setQuestion] = useState('')
  const [to, setTo] = useState<string | null>('hrbp')
  const [due, setDue] = useState('')
  const [error, setError] = useState<string | null>(null)
  async function send() {
    try {
      const task = await askLevelTwo(workerId, {
        question,
        to: to ?? 'hrbp',
        ...(due ? { due_date: due } : {}),
        ...(articleId ? { article_id: articleId } : {}),
      })
      setOpen(false)
      setQuestion('')
      notifications.show({ title: 'Sent to Level II', message: `Task #${task.id}, due ${String(task.due_date)}` })
      onSent()
    } catch (e) {
      setError(problemText(e))
    }
  }
  return (
    <>
      <Button variant="light" onClick={() => setOpen(true)} data-testid="ask-level2">
        Ask Level II
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="A question for Level II">
        <Stack>
          <Textarea label="The question" autosize minRows={3} value={question} onChange={(e) => setQuestion(e.currentTarget.value)} data-testid="level2-question" />
          <Select
            label="To"
            data={[
              { value: 'hrbp', label: 'HR business partner' },
              { value: 'account_executive', label: 'Account executive' },
            ]}
            value={to}
            onChange={setTo}
          />
          <TextInput label="Answer due (YYYY-MM-DD; default two business days)" value={due} onChange={(e) => setDue(e.currentTarget.value)} />
          {error && (
            <Alert color="red" className="pre-wrap">
              {error}
            </Alert>
          )}
          <Button onClick={send} disabled={!question} data-testid="level2-send">
            Send
          </Button>
        </Stack>
      </Modal>
    </>
  )
}
