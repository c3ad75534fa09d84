import { useState } from 'react'
import { Button, Group, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { errorMessage } from '../../api/http'
import { sendReminders, type ReminderRun } from '../../api/workforce'

const WHO: Record<string, string> = {
  'missing-timecards': 'workers whose timecard for the chosen week is missing',
  'pending-approvals': 'managers with timecards waiting (on the worker’s timeline)',
  rejected: 'workers with rejected time or expenses',
}

/** "Send reminders" for a report: a templated message on each timeline, once per record and week. */
export function ReminderButton({
  report,
  weekStart,
}: {
  report: 'missing-timecards' | 'pending-approvals' | 'rejected'
  weekStart?: string
}) {
  const [run, setRun] = useState<ReminderRun | null>(null)
  const [busy, setBusy] = useState(false)
  async function send() {
    setBusy(true)
    try {
      setRun(await sendReminders(report, weekStart))
    } catch (e) {
      notifications.show({ color: 'red', title: 'No reminders sent', message: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Group gap="sm">
      <Button size="xs" variant="light" onClick={send} loading={busy} data-testid={`remind-${report}`}>
        Send reminders
      </Button>
      <Text size="xs" c="dimmed" data-testid={`remind-${report}-result`}>
        {run
          ? `${run.sent} reminder(s) recorded on the timelines; ${run.already_sent} already reminded the week of ${run.week_of}.`
          : `To ${WHO[report]}. Recorded on the timeline, not mailed.`}
      </Text>
    </Group>
  )
}
