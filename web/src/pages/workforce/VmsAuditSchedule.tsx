import { useState } from 'react'
import { Alert, Button, Code, Group, Stack, Text, TextInput } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, errorMessage, fieldErrorMap } from '../../api/http'
import { getVmsAuditSchedule, scheduleVmsAudit, unscheduleVmsAudit } from '../../api/workforce'
import { formatDateTime } from '../../lib/format'

/**
 * The programme's weekly VMS audit on a schedule: the export the VMS drops on the server, read on a cron
 * (UTC). Admins and managers set or stop it (it reads a file on the server); others see it.
 */
export function VmsAuditSchedule({ programmeId, canSchedule }: { programmeId: number; canSchedule: boolean }) {
  const queryClient = useQueryClient()
  const key = ['wf-vms-audit-schedule', programmeId]
  const schedule = useQuery({ queryKey: key, queryFn: () => getVmsAuditSchedule(programmeId) })
  const [editing, setEditing] = useState(false)
  const [cron, setCron] = useState('0 6 * * 1')
  const [path, setPath] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function act(action: () => Promise<unknown>) {
    setBusy(true)
    setErrors({})
    setFailure(null)
    try {
      await action()
      await queryClient.invalidateQueries({ queryKey: key })
      setEditing(false)
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setErrors(fieldErrorMap(e.fieldErrors))
      else setFailure(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const s = schedule.data
  return (
    <Stack gap="xs" data-testid="vms-audit-schedule">
      {s ? (
        <Text size="sm">
          Every <Code>{s.cron}</Code> (UTC) on <Code>{s.vms_export_path}</Code>
          {s.next_run_at ? `; next ${formatDateTime(s.next_run_at)}` : ''}.
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          Not scheduled: the audit runs when someone uploads this week's export above.
        </Text>
      )}
      {canSchedule && !editing && (
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => (setCron(s?.cron ?? '0 6 * * 1'), setPath(s?.vms_export_path ?? ''), setEditing(true))}>
            {s ? 'Change schedule' : 'Schedule it weekly'}
          </Button>
          {s && (
            <Button size="xs" variant="subtle" color="red" loading={busy} onClick={() => void act(() => unscheduleVmsAudit(programmeId))}>
              Stop schedule
            </Button>
          )}
        </Group>
      )}
      {editing && (
        <Group align="flex-end" gap="sm">
          <TextInput label="Cron (UTC)" value={cron} onChange={(e) => setCron(e.currentTarget.value)} error={errors.cron} w={160} />
          <TextInput
            label="Export on the server"
            placeholder="/srv/vms/programme.csv"
            value={path}
            onChange={(e) => setPath(e.currentTarget.value)}
            error={errors.vms_export_path}
            w={320}
          />
          <Button loading={busy} onClick={() => void act(() => scheduleVmsAudit(programmeId, { cron: cron.trim(), vms_export_path: path.trim() }))}>
            Save schedule
          </Button>
          <Button variant="default" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </Group>
      )}
      {failure && <Alert color="red">{failure}</Alert>}
    </Stack>
  )
}
