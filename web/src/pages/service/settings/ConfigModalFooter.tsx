import { Button, Group } from '@mantine/core'
import { FormAlerts } from '../../../components/FormAlerts'

/** The alerts above a configuration form's buttons, and Cancel / Save. */
export function ConfigAlerts({ state }: { state: { conflict: boolean; formError: string | null; reload: () => void } }) {
  return <FormAlerts conflict={state.conflict} conflictMessage="Someone else saved this record since you opened it. Reload and edit again." onReload={state.reload} reloading={false} formError={state.formError} />
}

export function ConfigButtons({ onCancel, onSave, saving }: { onCancel: () => void; onSave: () => void; saving: boolean }) {
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>Cancel</Button>
      <Button onClick={onSave} loading={saving}>Save</Button>
    </Group>
  )
}
