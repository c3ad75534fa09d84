import { describe, expect, it } from 'vitest'
import { reconItemQuery } from '../api/endpoints'
import type { ReconItem, ReconSummary } from '../api/types'
import { itemFiltersFromParams } from '../components/ReconItemsTable'
import {
  barFractions,
  formatBytes,
  itemSummary,
  rowEntries,
  rowText,
  runExceptions,
  specTomlErrors,
  summaryStats,
  validAssignee,
} from './recon'

describe('run summary', () => {
  it('lists the seven counts in order, missing ones as 0', () => {
    const stats = summaryStats({ matched: 2, mismatched: 2, only_left: 1, duplicate_keys: 1 })
    expect(stats.map((s) => [s.key, s.value])).toEqual([
      ['matched', 2],
      ['mismatched', 2],
      ['only_left', 1],
      ['only_right', 0],
      ['duplicate_keys', 1],
      ['parse_errors', 0],
      ['suggested', 0],
    ])
    expect(stats.find((s) => s.key === 'duplicate_keys')?.kind).toBe('duplicate')
    expect(stats.find((s) => s.key === 'matched')?.kind).toBeUndefined()
    expect(summaryStats(undefined).every((s) => s.value === 0)).toBe(true)
  })

  it('scales bars to the largest count and keeps small non-zero counts visible', () => {
    expect(barFractions([0, 0])).toEqual([0, 0])
    expect(barFractions([100, 50, 0])).toEqual([1, 0.5, 0])
    const [big, tiny] = barFractions([1_000_000, 3])
    expect(big).toBe(1)
    expect(tiny).toBe(0.015)
  })

  it('counts a run’s exceptions from its items, or from the classes', () => {
    expect(runExceptions({ items: 7, mismatched: 100 })).toBe(7)
    const s: ReconSummary = { mismatched: 2, only_left: 1, only_right: 1, duplicate_keys: 1, parse_errors: 1, suggested: 1, matched: 50 }
    expect(runExceptions(s)).toBe(7)
    expect(runExceptions(undefined)).toBe(0)
  })
})

describe('spec errors', () => {
  it('names the spec key, once, and reads syntax positions', () => {
    const errs = specTomlErrors([
      { field: 'name', code: 'field.required', message: 'Give the spec a name.' },
      { field: 'toml/columns[1].tolerence', code: 'recon.spec_invalid', message: 'columns[1].tolerence: unknown key' },
      { field: 'toml/line 3, column 5', code: 'recon.spec_syntax', message: 'expected a value' },
      { field: 'toml', code: 'field.required', message: "Give the spec's TOML text." },
      { field: '/toml/left.key', code: 'recon.spec_invalid', message: 'must be a string or an array of strings' },
    ])
    expect(errs).toEqual([
      { key: 'columns[1].tolerence', line: null, column: null, message: 'unknown key' },
      { key: null, line: 3, column: 5, message: 'expected a value' },
      { key: null, line: null, column: null, message: "Give the spec's TOML text." },
      { key: 'left.key', line: null, column: null, message: 'must be a string or an array of strings' },
    ])
    expect(specTomlErrors(undefined)).toEqual([])
  })
})

function item(details: ReconItem['details'], kind: ReconItem['kind'] = 'mismatched') {
  return { kind, details }
}

describe('item summary', () => {
  it('describes each kind of exception in one line', () => {
    expect(
      itemSummary(
        item({
          diffs: [
            { left_column: 'Bill Rate', right_column: 'bill_rate', left_value: '$38.00', right_value: '36.00', left_normalized: '38.00', right_normalized: '36.00' },
            { left_column: 'status', right_column: 'status', left_value: 'A', right_value: 'E', left_normalized: 'a', right_normalized: 'e' },
          ],
        }),
      ),
    ).toBe('Bill Rate/bill_rate: $38.00 ≠ 36.00; status: A ≠ E')
    expect(itemSummary(item({ failure: { file: 'l.csv', line: 4, column: 2, message: 'unterminated quote' } }, 'parse_error'))).toBe(
      'l.csv:4:2: unterminated quote',
    )
    expect(
      itemSummary(
        item(
          {
            rows: [
              { side: 'right', line: 6, values: {} },
              { side: 'right', line: 7, values: {} },
            ],
          },
          'duplicate',
        ),
      ),
    ).toBe('0 left rows, 2 right rows')
    expect(itemSummary(item({ left: { side: 'left', line: 6, values: { id: 'W-1006', name: 'Lee' } } }, 'only_left'))).toBe(
      'left line 6: id=W-1006 | name=Lee',
    )
    expect(itemSummary(item({}, 'only_left'))).toBe('')
  })
})

describe('item filters', () => {
  it('reads only valid filters from the URL', () => {
    const f = itemFiltersFromParams(new URLSearchParams('kind=only_left&status=bogus&assignee=12&q=W-1&sort=-updated_at'))
    expect(f).toEqual({ kind: 'only_left', status: null, assignee: '12', q: 'W-1', sort: '-updated_at' })
    expect(itemFiltersFromParams(new URLSearchParams('')).sort).toBe('key')
    expect(validAssignee('me')).toBe('me')
    expect(validAssignee('none')).toBe('none')
    expect(validAssignee('0')).toBeNull()
    expect(validAssignee('x')).toBeNull()
  })
  it('turns filters into the API query', () => {
    expect(reconItemQuery({ run_id: 4, kind: 'duplicate', status: null, q: '  W-1 ', assignee: 'none', sort: 'key' })).toEqual({
      run_id: '4',
      spec_id: undefined,
      kind: 'duplicate',
      status: undefined,
      assignee: 'none',
      q: 'W-1',
      sort: 'key',
    })
  })
})

describe('bytes', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB')
  })
})

describe('spec key lines', async () => {
  const { locateSpecKey, lineRange } = await import('./recon')
  const toml = `[left]
key = ["id"]

[right]
key = ["id"]

[[columns]]
left = "a"

[[columns]]
left = "b"
tolerence = "0.01"

[lefft]
x = 1
`
  it('finds the line of a named key', () => {
    expect(locateSpecKey(toml, 'columns[1].tolerence')).toBe(12)
    expect(locateSpecKey(toml, 'columns[0].left')).toBe(8)
    expect(locateSpecKey(toml, 'right.key')).toBe(5)
    expect(locateSpecKey(toml, 'lefft')).toBe(14)
    expect(locateSpecKey(toml, 'columns[1]')).toBe(10)
    expect(locateSpecKey(toml, 'compare.normalize')).toBeNull()
    expect(locateSpecKey(toml, '')).toBeNull()
  })
  it('turns a line into a selection', () => {
    expect(lineRange('ab\ncde\nf', 2)).toEqual([3, 6])
    expect(lineRange('ab\ncde\nf', 1)).toEqual([0, 2])
  })
})

describe('rowEntries', () => {
  it('keeps the file column order the server sends, not the alphabetical order of a JSON object', () => {
    const row = { side: 'left' as const, line: 3, columns: ['worker_id', 'name', 'end_date'],
      values: { end_date: '2026-12-31', name: 'Kim, Bo', worker_id: 'W-1' } }
    expect(rowEntries(row)).toEqual([['worker_id', 'W-1'], ['name', 'Kim, Bo'], ['end_date', '2026-12-31']])
    expect(rowText(row)).toBe('worker_id=W-1 | name=Kim, Bo | end_date=2026-12-31')
  })
})
