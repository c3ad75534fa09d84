import { Alert, Center, Loader } from '@mantine/core'
import { ApiError, errorMessage } from '../api/http'
import { NotFoundPage } from './NotFoundPage'

/**
 * What a record's page shows until its query has the record: a loader, the not-found page for a 404, or the
 * error. Use as `if (q.isPending || q.isError) return <RecordStatus query={q} what="client" />`.
 */
export function RecordStatus({ query, what }: { query: { isPending: boolean; error: unknown }; what: string }) {
  if (query.isPending)
    return (
      <Center mih={240}>
        <Loader aria-label={`Loading ${what}`} />
      </Center>
    )
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage what={what} />
  return (
    <Alert color="red" title={`Could not load the ${what}`}>
      {errorMessage(query.error)}
    </Alert>
  )
}
