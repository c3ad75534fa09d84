import type { ReactNode } from 'react'
import { useMemo } from 'react'
import { Table, UnstyledButton } from '@mantine/core'
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { listWfm, type Filters } from '../../api/wfm'
import { ListTable, showingText } from '../../components/ListTable'

export interface WfmColumn<T> {
  id: string
  header: string
  /** The API's sort name when the column sorts. */
  sort?: string
  cell: (row: T) => ReactNode
  align?: 'right'
}

/** A WFM list with server-side search, filters and sort (in `filters`), cursor pages and "Load more". */
export function WfmList<T extends { id: number }>({
  what,
  noun,
  filters,
  columns,
  onSort,
  refetchWhile,
  rowStyle,
}: {
  what: 'queues' | 'contacts' | 'forecasts'
  noun: string
  filters: Filters
  columns: WfmColumn<T>[]
  onSort: (sort: string) => void
  refetchWhile?: (rows: T[]) => boolean
  rowStyle?: (row: T) => React.CSSProperties | undefined
}) {
  const list = useInfiniteQuery({
    queryKey: ['wfm', what, filters],
    queryFn: ({ pageParam }) => listWfm<T>(what, filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      refetchWhile && refetchWhile(query.state.data?.pages.flatMap((p) => p.items) ?? []) ? 2000 : false,
  })
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data])
  const sort = filters.sort ?? ''
  const head = (
    <Table.Tr>
      {columns.map((c) => {
        const active = c.sort && (sort === c.sort || sort === `-${c.sort}`)
        const desc = active && sort.startsWith('-')
        return (
          <Table.Th key={c.id} ta={c.align} aria-sort={active ? (desc ? 'descending' : 'ascending') : undefined}>
            {c.sort ? (
              <UnstyledButton fw={600} fz="sm" onClick={() => onSort(sort === c.sort ? `-${c.sort}` : c.sort!)}>
                {c.header} {active ? (desc ? '↓' : '↑') : ''}
              </UnstyledButton>
            ) : (
              c.header
            )}
          </Table.Th>
        )
      })}
    </Table.Tr>
  )
  return (
    <ListTable
      query={list}
      errorTitle={`Could not load ${noun}`}
      label={noun}
      minWidth={720}
      head={head}
      colSpan={columns.length}
      empty={rows.length === 0}
      emptyText={`No ${noun} match.`}
      loadingLabel={`Loading ${noun}`}
      count={showingText(rows.length, list.data?.pages[0]?.total, noun)}
      countTestId={`wfm-${what}-count`}
    >
      {rows.map((r) => (
        <Table.Tr key={r.id} style={rowStyle?.(r)}>
          {columns.map((c) => (
            <Table.Td key={c.id} ta={c.align} style={{ whiteSpace: 'nowrap' }}>
              {c.cell(r)}
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </ListTable>
  )
}
