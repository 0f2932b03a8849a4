import { parse } from 'csv-parse/sync'
import type { BrokenRow, ImportFormat } from '@shared/imports'
import { importRow, type ImportRow, type ParsedExport } from '../import-row'
import { readWebAddress } from './web-address'

/** A CSV record by its header's column names (lower-case, trimmed), with the line it starts on. */
export interface CsvRecord {
  line: number
  get(column: string): string | undefined
}

export interface CsvRecords {
  columns: string[]
  records: CsvRecord[]
  broken: BrokenRow[]
}

/**
 * Reads an export's CSV with csv-parse: quoted fields with commas, doubled quotes and line breaks,
 * a byte-order mark, rows shorter or longer than the header. A record the parser cannot read is
 * reported with the line it starts on and the rest is read on. Blank lines go through the parser
 * (and are dropped here) so that each record's first line is the line after the previous one's end.
 */
export function readCsvRecords(text: string): CsvRecords {
  const broken: BrokenRow[] = []
  const rows: { line: number; fields: string[] }[] = []
  let lastLine = 0
  parse(text, {
    bom: true,
    relax_column_count: true,
    // A stray quote inside an unquoted field (hand-edited files, some exporters) is kept as text.
    relax_quotes: true,
    skip_records_with_error: true,
    on_record: (record: string[], context) => {
      const line = lastLine + 1
      lastLine = context.lines
      if (!record.every((field) => field.trim() === '')) rows.push({ line, fields: record })
      return null
    },
    on_skip: (error) => {
      broken.push({ line: lastLine + 1, unit: 'line', reason: describeCsvError(error?.message ?? '') })
      lastLine = (error as { lines?: number } | undefined)?.lines ?? lastLine + 1
      return undefined
    },
  })
  const [header, ...records] = rows
  if (!header) return { columns: [], records: [], broken }
  const columns = header.fields.map((name) => name.trim().toLowerCase())
  const index = new Map(columns.map((name, i) => [name, i]))
  return {
    columns,
    records: records.map(({ line, fields }) => ({
      line,
      get: (column) => {
        const i = index.get(column)
        return i === undefined ? undefined : fields[i]
      },
    })),
    broken,
  }
}

/**
 * An app's CSV export, one saved article a record: a record whose `url` is not a web address is
 * reported with its line, every other one becomes a row with the fields `readFields` reads from it.
 */
export function parseCsvExport(
  text: string,
  format: ImportFormat,
  readFields: (record: CsvRecord, url: string) => Partial<ImportRow>,
): ParsedExport {
  const { records, broken } = readCsvRecords(text)
  const rows: ImportRow[] = []
  const problems: BrokenRow[] = [...broken]
  for (const record of records) {
    const address = readWebAddress(record.get('url'))
    if ('reason' in address) {
      problems.push({ line: record.line, unit: 'line', reason: address.reason })
      continue
    }
    rows.push(importRow(record.line, address.url, readFields(record, address.url)))
  }
  return { format, rows, broken: problems.sort((a, b) => a.line - b.line) }
}

/** csv-parse's messages name its own terms ("field 0 at line 5"); the line is reported apart. */
function describeCsvError(message: string): string {
  if (/quote not closed/i.test(message)) {
    return 'a quoted field is never closed, so the rest of the file after it could not be read'
  }
  if (/quote/i.test(message)) return 'a quote is misplaced in this row'
  return 'this row is not valid CSV'
}
