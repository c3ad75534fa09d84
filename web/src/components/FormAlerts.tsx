import { Alert, Button, Stack, Text } from '@mantine/core'

/**
 * A form's save failures: a 412 edit conflict with its Reload button, or else the error that kept it from saving.
 */
export function FormAlerts({
  conflict,
  conflictMessage,
  onReload,
  reloading,
  formError,
}: {
  conflict: boolean
  conflictMessage: string
  onReload: () => void
  reloading: boolean
  formError: string | null
}) {
  return (
    <>
      {conflict && (
        <Alert color="orange" variant="light" title="Edit conflict" role="alert" data-testid="conflict-alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{conflictMessage}</Text>
            <Button size="xs" color="orange" onClick={onReload} loading={reloading}>
              Reload
            </Button>
          </Stack>
        </Alert>
      )}
      {formError && !conflict && (
        <Alert color="red" variant="light" role="alert" title="Not saved" className="pre-wrap" data-testid="form-error">
          {formError}
        </Alert>
      )}
    </>
  )
}
