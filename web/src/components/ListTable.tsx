import type { CSSProperties, ReactNode } from 'react'
import { Alert, Button, Group, Loader, Paper, Table, Text } from '@mantine/core'
import { flexRender, type Row, type Table as TanTable } from '@tanstack/react-table'
import { errorMessage } from '../api/http'

/** What a list table reads from its `useInfiniteQuery`. */
export interface ListQuery {
  isError: boolean
  error: unknown
  isFetching: boolean
  isPlaceholderData: boolean
  isPending: boolean
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => unknown
}

/** "Showing 20 of 134 clients" */
export function showingText(shown: number, total: number | undefined, noun: string): string {
  return `Showing ${shown.toLocaleString()}${total !== undefined ? ` of ${total.toLocaleString()}` : ''} ${noun}`
}

/**
 * A paged list: the load error, the bordered scrolling table with its empty and loading rows, and the footer
 * with the count and "Load more".
 */
export function ListTable({
  query,
  errorTitle,
  label,
  minWidth,
  striped = false,
  fadePlaceholder = true,
  head,
  children,
  colSpan,
  empty,
  emptyText,
  loadingLabel,
  count,
  countTestId,
}: {
  query: ListQuery
  errorTitle: string
  label: string
  minWidth: number
  striped?: boolean
  /** Dim the rows while the previous filter's results stand in. */
  fadePlaceholder?: boolean
  head: ReactNode
  children: ReactNode
  colSpan: number
  empty: boolean
  emptyText: ReactNode
  loadingLabel: string
  count: string
  countTestId?: string
}) {
  const style: CSSProperties | undefined = fadePlaceholder
    ? { opacity: query.isPlaceholderData ? 0.55 : 1, transition: 'opacity 120ms' }
    : undefined
  return (
    <>
      {query.isError && (
        <Alert color="red" variant="light" title={errorTitle}>
          {errorMessage(query.error)}
        </Alert>
      )}

      <Paper withBorder radius="sm" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={minWidth}>
          <Table
            striped={striped}
            highlightOnHover
            verticalSpacing={6}
            aria-label={label}
            aria-busy={query.isFetching}
            style={style}
          >
            <Table.Thead bg="gray.1">{head}</Table.Thead>
            <Table.Tbody>
              {children}
              {!query.isPending && empty && (
                <Table.Tr>
                  <Table.Td colSpan={colSpan}>
                    <Text c="dimmed" ta="center" py="lg">
                      {emptyText}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {query.isPending && (
                <Table.Tr>
                  <Table.Td colSpan={colSpan}>
                    <Group justify="center" py="lg">
                      <Loader size="sm" aria-label={loadingLabel} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid={countTestId}>
          {count}
        </Text>
        {query.hasNextPage && (
          <Button variant="default" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            Load more
          </Button>
        )}
      </Group>
    </>
  )
}

/** The header row of a TanStack table whose sort lives in the URL: sortable columns get a button and `aria-sort`. */
export function SortableHeaderRows<T>({
  table,
  sortable,
  onSort,
  widths,
}: {
  table: TanTable<T>
  sortable: readonly string[]
  onSort: (columnId: string) => void
  widths?: Record<string, number>
}) {
  return table.getHeaderGroups().map((hg) => (
    <Table.Tr key={hg.id}>
      {hg.headers.map((h) => {
        const id = h.column.id
        const isSortable = sortable.includes(id)
        const dir = h.column.getIsSorted()
        return (
          <Table.Th
            key={h.id}
            className={isSortable ? 'sortable-header' : undefined}
            aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
            w={widths?.[id]}
          >
            {isSortable ? (
              <button type="button" onClick={() => onSort(id)} title={`Sort by ${String(h.column.columnDef.header)}`}>
                {flexRender(h.column.columnDef.header, h.getContext())}
                <span aria-hidden="true" style={{ opacity: dir ? 1 : 0.3 }}>
                  {dir === 'desc' ? '▼' : '▲'}
                </span>
              </button>
            ) : (
              flexRender(h.column.columnDef.header, h.getContext())
            )}
          </Table.Th>
        )
      })}
    </Table.Tr>
  ))
}

/** A row's cells; columns in `nowrap` never wrap (badges and dates). */
export function RowCells<T>({ row, nowrap }: { row: Row<T>; nowrap: ReadonlySet<string> }) {
  return row.getVisibleCells().map((c) => (
    <Table.Td key={c.id} style={nowrap.has(c.column.id) ? { whiteSpace: 'nowrap' } : undefined}>
      {flexRender(c.column.columnDef.cell, c.getContext())}
    </Table.Td>
  ))
}
