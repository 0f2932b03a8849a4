import type { ImportFormat } from '@shared/imports'
import { DatelineError } from '@shared/errors'
import { decodeText } from '@shared/text-decoding'
import { parseBookmarksHtml } from './formats/bookmarks-html'
import { parseInstapaperCsv } from './formats/instapaper-csv'
import { parseOmnivoreFiles, unzipWithin } from './formats/omnivore-zip'
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
  if (isZip(bytes)) return 'omnivore'
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

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/**
 * A ZIP is Omnivore's export (metadata_*.json lists), or CSV files zipped: Pocket's export since
 * 2025 is a ZIP of `part_000000.csv`, `part_000001.csv`, … Each CSV is read by its own header, and
 * its broken rows name the file they are in.
 */
function readZipExport(files: Record<string, Uint8Array>, format?: ImportFormat): ParsedExport {
  const names = Object.keys(files)
  const csvNames = names
    .filter((name) => /\.csv$/i.test(name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  const isOmnivore = names.some((name) => /(^|\/)metadata_[^/]*\.json$/i.test(name))
  if (format === 'omnivore' || isOmnivore || csvNames.length === 0) return parseOmnivoreFiles(files)
  const parts = csvNames.map((name) => {
    const part = readExport(
      files[name]!,
      name,
      format === 'instapaper' ? 'instapaper' : format === 'pocket' ? 'pocket' : undefined,
    )
    return { name, part }
  })
  return {
    format: parts[0]!.part.format,
    rows: parts.flatMap(({ part }) => part.rows),
    broken: parts.flatMap(({ name, part }) =>
      part.broken.map((row) => (csvNames.length > 1 ? { ...row, reason: `${name}: ${row.reason}` } : row)),
    ),
  }
}

/** The file read as the export of the format given or found. Rows it cannot read are in `broken`. */
export function readExport(bytes: Uint8Array, fileName: string, format?: ImportFormat): ParsedExport {
  const chosen = format ?? detectImportFormat(bytes, fileName)
  if (isZip(bytes)) return readZipExport(unzipWithin(bytes), format)
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
      case 'omnivore':
        throw new DatelineError('INVALID_INPUT', 'This file is not an Omnivore export: those are ZIP files.')
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
