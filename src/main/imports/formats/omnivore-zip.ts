import { unzipSync } from 'fflate'
import type { BrokenRow } from '@shared/imports'
import { DatelineError } from '@shared/errors'
import { decodeText } from '@shared/text-decoding'
import { importRow, type ImportedContent, type ImportRow, type ParsedExport } from '../import-row'
import { hasText, readJsonList, stringOf, tagNames } from './wallabag-json'
import { distinctTags, readSaveDate, readWebAddress } from './web-address'

/**
 * Omnivore's export (Settings > Export, 2024): a ZIP of `metadata_<from>_to_<to>.json` lists (each
 * entry: id, slug, title, author, url, state `Succeeded` | `Archived` | ..., readingProgress,
 * labels, savedAt, publishedAt) and the saved text as `content/<slug>.html` (earlier exports:
 * `content/<slug>.md`); `highlights/<slug>.md` holds notes, which Dateline does not keep yet.
 */

/** What an archive may unpack to: 28 MB of ZIP is at most ~200 MB of HTML (text packs 5–8 times). */
export const ZIP_LIMITS = {
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 100_000,
}

export function parseOmnivoreZip(bytes: Uint8Array, limits = ZIP_LIMITS): ParsedExport {
  return parseOmnivoreFiles(unzipWithin(bytes, limits))
}

/** The files of an unpacked export (see unzipWithin). */
export function parseOmnivoreFiles(files: Record<string, Uint8Array>): ParsedExport {
  const metadataNames = Object.keys(files)
    .filter((name) => /(^|\/)metadata_[^/]*\.json$/i.test(name))
    .sort(byNumbers)
  if (metadataNames.length === 0) {
    throw new DatelineError(
      'INVALID_INPUT',
      'This ZIP file is not an Omnivore export: it has no metadata_*.json list.',
    )
  }
  const content = contentBySlug(files)
  const rows: ImportRow[] = []
  const broken: BrokenRow[] = []
  let entryNumber = 0
  for (const name of metadataNames) {
    let entries: unknown[]
    try {
      entries = readJsonList(decodeText(files[name]!))
    } catch {
      broken.push({ line: entryNumber + 1, unit: 'entry', reason: `${name} is not a readable JSON list` })
      continue
    }
    for (const entry of entries) {
      entryNumber++
      const row = readEntry(entry, entryNumber, content)
      if ('reason' in row) broken.push({ line: entryNumber, unit: 'entry', reason: row.reason })
      else rows.push(row)
    }
  }
  return { format: 'omnivore', rows, broken }
}

function readEntry(
  entry: unknown,
  entryNumber: number,
  content: Map<string, { kind: 'html' | 'markdown'; body: string }>,
): ImportRow | { reason: string } {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return { reason: 'it is not an entry' }
  const e = entry as Record<string, unknown>
  const address = readWebAddress(stringOf(e.url) ?? stringOf(e.originalUrl))
  if ('reason' in address) return { reason: address.reason }
  const state = (stringOf(e.state) ?? '').toLowerCase()
  const progress = Number(e.readingProgress ?? e.readingProgressPercent ?? 0)
  const saved = content.get(stringOf(e.slug) ?? '') ?? content.get(stringOf(e.id) ?? '')
  const body: ImportedContent | null =
    saved && hasText(saved.kind === 'html' ? saved.body : saved.body.replace(/[#*_>`[\]()!-]/g, ''))
      ? {
          kind: saved.kind,
          body: saved.body,
          byline: stringOf(e.author)?.trim() || null,
          publishedAt: readSaveDate(e.publishedAt),
        }
      : null
  return importRow(entryNumber, address.url, {
    title: stringOf(e.title)?.trim() || null,
    tags: distinctTags(tagNames(e.labels)),
    archived: state === 'archived',
    read: state === 'archived' || (Number.isFinite(progress) && progress >= 100),
    starred: false,
    savedAt: readSaveDate(e.savedAt),
    content: body,
  })
}

/**
 * Unpacks only what an export holds (JSON lists, CSV files and saved texts) and refuses an archive that would
 * unpack past the limits. The sizes checked are those the archive declares; fflate inflates each
 * entry into a buffer of exactly that size, so an entry lying about its size cannot grow past it.
 */
export function unzipWithin(
  bytes: Uint8Array,
  limits: typeof ZIP_LIMITS = ZIP_LIMITS,
): Record<string, Uint8Array> {
  let total = 0
  let count = 0
  let tooLarge: string | null = null
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!/\.(json|html?|md|csv)$/i.test(file.name) || file.name.endsWith('/')) return false
        count++
        total += file.originalSize
        if (file.originalSize > limits.maxEntryBytes)
          tooLarge ??= `${file.name} would unpack to more than ${mb(limits.maxEntryBytes)}`
        else if (total > limits.maxTotalBytes)
          tooLarge ??= `it would unpack to more than ${mb(limits.maxTotalBytes)}`
        else if (count > limits.maxEntries) tooLarge ??= `it holds more than ${limits.maxEntries} files`
        return tooLarge === null
      },
    })
  } catch (error) {
    throw new DatelineError('INVALID_INPUT', 'This ZIP file is damaged and cannot be opened.', {
      cause: error,
    })
  }
  if (tooLarge) throw new DatelineError('TOO_LARGE', `This ZIP file is too large to import: ${tooLarge}.`)
  return files
}

function contentBySlug(
  files: Record<string, Uint8Array>,
): Map<string, { kind: 'html' | 'markdown'; body: string }> {
  const content = new Map<string, { kind: 'html' | 'markdown'; body: string }>()
  for (const [name, data] of Object.entries(files)) {
    const match = /(?:^|\/)content\/([^/]+)\.(html?|md)$/i.exec(name)
    if (!match) continue
    const kind = match[2]!.toLowerCase() === 'md' ? 'markdown' : 'html'
    // An export may carry both; the HTML keeps more of the page.
    if (content.get(match[1]!)?.kind === 'html') continue
    content.set(match[1]!, { kind, body: decodeText(data) })
  }
  return content
}

/** metadata_0_to_20.json before metadata_100_to_120.json. */
function byNumbers(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true })
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`
}
