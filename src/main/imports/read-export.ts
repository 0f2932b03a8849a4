import type { ImportFormat } from '@shared/imports'
import { DatelineError } from '@shared/errors'
import { decodeText } from '@shared/text-decoding'
import { parseBookmarksHtml } from './formats/bookmarks-html'
import { parseInstapaperCsv } from './formats/instapaper-csv'
import { parseOmnivoreZip } from './formats/omnivore-zip'
import { parsePocketCsv } from './formats/pocket-csv'
import { parseUrlList } from './formats/url-list'
import { parseWallabagJson } from './formats/wallabag-json'
import type { ParsedExport } from './import-row'

/**
 * Which app a file came from, by its contents (the name only breaks a tie): a ZIP is Omnivore's,
 * a Netscape bookmark file says so in its first line, a JSON list is wallabag's, a CSV is told by
 * its header, and anything else is read as a list of links.
 */
export function detectImportFormat(bytes: Uint8Array, fileName = ''): ImportFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'omnivore'
  const head = decodeText(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (/^<!DOCTYPE\s+NETSCAPE-Bookmark-file/i.test(head) || /<dl[\s>]/i.test(head)) return 'bookmarks'
  if (head.startsWith('[') || head.startsWith('{')) return 'wallabag'
  const header = (head.split(/\r\n|\r|\n/)[0] ?? '').toLowerCase()
  const columns = header.split(',').map((c) => c.replace(/"/g, '').trim())
  if (columns.includes('time_added') || (columns.includes('url') && columns.includes('status')))
    return 'pocket'
  if (columns.includes('url') && (columns.includes('folder') || columns.includes('selection')))
    return 'instapaper'
  if (/\.zip$/i.test(fileName)) return 'omnivore'
  if (/\.html?$/i.test(fileName)) return 'bookmarks'
  if (/\.json$/i.test(fileName)) return 'wallabag'
  return 'urls'
}

/** The file read as the export of the format given or found. Rows it cannot read are in `broken`. */
export function readExport(bytes: Uint8Array, fileName: string, format?: ImportFormat): ParsedExport {
  const chosen = format ?? detectImportFormat(bytes, fileName)
  if (chosen === 'omnivore') return parseOmnivoreZip(bytes)
  const text = decodeText(bytes)
  try {
    switch (chosen) {
      case 'pocket':
        return parsePocketCsv(text)
      case 'instapaper':
        return parseInstapaperCsv(text)
      case 'wallabag':
        return parseWallabagJson(text)
      case 'bookmarks':
        return parseBookmarksHtml(text)
      case 'urls':
        return parseUrlList(text)
    }
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new DatelineError(
        'INVALID_INPUT',
        `This file is not a readable ${chosen} export: ${error.message}`,
      )
    }
    throw error
  }
}
