// A refused workforce action: the error's message as the title and one line per field error (what blocks it).
import { Alert } from '@mantine/core'
import { ApiError, errorMessage } from '../../api/http'

export interface Refusal {
  message: string
  items: string[]
}

export function refusalOf(e: unknown): Refusal {
  const items = e instanceof ApiError && e.problem?.errors?.length ? e.problem.errors.map((f) => f.message) : []
  return { message: errorMessage(e), items }
}

export function RefusalAlert({ refusal, testId }: { refusal: Refusal; testId: string }) {
  return (
    <Alert color="red" title={refusal.message} data-testid={testId}>
      {refusal.items.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {refusal.items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
    </Alert>
  )
}
