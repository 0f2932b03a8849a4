import type { BrokenRow, ImportFormat } from '@shared/imports'

/** One saved article as another app exported it, before anything is fetched or stored. */
export interface ImportRow {
  /** Where the row starts in the file (1-based), for messages; 0 when the format has no lines. */
  line: number
  url: string
  title: string | null
  /** Tags, labels and folders: each becomes a collection. */
  tags: string[]
  read: boolean
  archived: boolean
  starred: boolean
  /** When it was first saved there (ISO 8601), kept as the article's added date. */
  savedAt: string | null
  /** The article's text as the export carries it, stored instead of fetching the page. */
  content: ImportedContent | null
}

export interface ImportedContent {
  kind: 'html' | 'markdown'
  body: string
  byline: string | null
  publishedAt: string | null
}

export interface ParsedExport {
  format: ImportFormat
  rows: ImportRow[]
  broken: BrokenRow[]
}

/** A row that is read before its states are known: every field a format may leave out. */
export function importRow(line: number, url: string, fields: Partial<ImportRow> = {}): ImportRow {
  return {
    line,
    url,
    title: null,
    tags: [],
    read: false,
    archived: false,
    starred: false,
    savedAt: null,
    content: null,
    ...fields,
  }
}
