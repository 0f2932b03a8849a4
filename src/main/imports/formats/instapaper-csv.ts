import type { ParsedExport } from '../import-row'
import { parseCsvExport } from './csv-records'
import { cleanTitle } from './pocket-csv'
import { distinctTags, readSaveDate } from './web-address'

/**
 * Instapaper's export (Settings > Export to CSV): `URL,Title,Selection,Folder,Timestamp`, newer files
 * with `Tags` (a JSON list). Folder is `Unread`, `Archive`, `Starred` or a folder of the person's
 * own, which becomes a collection; Timestamp is Unix seconds.
 */
export function parseInstapaperCsv(text: string): ParsedExport {
  return parseCsvExport(text, 'instapaper', (record, url) => {
    const folder = (record.get('folder') ?? '').trim()
    const kind = folder.toLowerCase()
    const ownFolder = kind !== '' && kind !== 'unread' && kind !== 'archive' && kind !== 'starred'
    return {
      title: cleanTitle(record.get('title'), url),
      tags: distinctTags([...(ownFolder ? [folder] : []), ...readTagList(record.get('tags'))]),
      archived: kind === 'archive',
      read: kind === 'archive',
      starred: kind === 'starred',
      savedAt: readSaveDate(record.get('timestamp')),
    }
  })
}

/** `["a","b"]` as Instapaper writes it, or a plain comma-separated list from elsewhere. */
function readTagList(raw: string | undefined): string[] {
  const text = (raw ?? '').trim()
  if (!text) return []
  if (text.startsWith('[')) {
    try {
      const list = JSON.parse(text) as unknown
      if (Array.isArray(list)) {
        return list.flatMap((t) =>
          typeof t === 'string' ? [t] : t && typeof t === 'object' && 'name' in t ? [String(t.name)] : [],
        )
      }
    } catch {
      // not JSON after all: read it as a list below
    }
  }
  return text.split(',')
}
