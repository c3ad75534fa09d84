import type { FieldError } from '../api/types'

export interface ImportErrorRow {
  line: number | null
  column: string | null
  code: string
  message: string
  field: string
}

/**
 * Splits an import problem's field, e.g. `line 3, column 2 (legal_name)`, into its line and column.
 * Anything that does not match is kept whole in `column`.
 */
export function parseImportError(e: FieldError): ImportErrorRow {
  const field = e.field ?? ''
  const line = /line\s+(\d+)/i.exec(field)
  const col = /column\s+([^,]+?)\s*$/i.exec(field) ?? /column\s+(.+)$/i.exec(field)
  return {
    line: line ? Number(line[1]) : null,
    column: col ? col[1].trim() : line ? null : field || null,
    code: e.code ?? '',
    message: e.message ?? '',
    field,
  }
}
