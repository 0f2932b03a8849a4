import type { ParsedExport } from '../import-row'
import { parseCsvExport } from './csv-records'
import { distinctTags, readSaveDate } from './web-address'

/**
 * Pocket's export (getpocket.com/export, 2024–2025): a CSV with the header
 * `title,url,time_added,tags,status` (newer files add `cursor`); time_added in Unix seconds, tags
 * joined by `|`, status `unread` or `archive`. Pocket's CSV has no favourite flag.
 */
export function parsePocketCsv(text: string): ParsedExport {
  return parseCsvExport(text, 'pocket', (record, url) => {
    const status = (record.get('status') ?? '').trim().toLowerCase()
    return {
      title: cleanTitle(record.get('title'), url),
      tags: distinctTags((record.get('tags') ?? '').split('|')),
      archived: status === 'archive' || status === 'archived',
      // Pocket archives what was read; an archived save counts as read.
      read: status === 'archive' || status === 'archived',
      savedAt: readSaveDate(record.get('time_added')),
    }
  })
}

/** Pocket writes the address itself as the title of a page it could not read. */
export function cleanTitle(raw: string | undefined, url: string): string | null {
  const title = (raw ?? '').replace(/\s+/g, ' ').trim()
  return title && title !== url ? title.slice(0, 1000) : null
}
