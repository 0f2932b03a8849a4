import type { BrokenRow } from '@shared/imports'
import { importRow, type ImportRow, type ParsedExport } from '../import-row'
import FETCH_FAILURES from './wallabag-fetch-failures.json'
import { distinctTags, readSaveDate, readWebAddress } from './web-address'

/**
 * wallabag's JSON export (Export > JSON, any version 2.x): a list of entries with `url`, `title`,
 * `content` (the HTML wallabag extracted), `is_archived` / `is_starred` (0/1 or booleans), `tags`
 * (names), `created_at` (ISO 8601), `published_at`, `published_by` (a list of names). An entry
 * whose content is empty is fetched like a link.
 */
export function parseWallabagJson(text: string): ParsedExport {
  const entries = readJsonList(text)
  const rows: ImportRow[] = []
  const broken: BrokenRow[] = []
  entries.forEach((entry, i) => {
    const entryNumber = i + 1
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      broken.push({ line: entryNumber, unit: 'entry', reason: 'it is not an entry' })
      return
    }
    const e = entry as Record<string, unknown>
    const address = readWebAddress(stringOf(e.url) ?? stringOf(e.given_url) ?? stringOf(e.origin_url))
    if ('reason' in address) {
      broken.push({ line: entryNumber, unit: 'entry', reason: address.reason })
      return
    }
    const html = stringOf(e.content) ?? ''
    const archived = truthy(e.is_archived)
    rows.push(
      importRow(entryNumber, address.url, {
        title: stringOf(e.title)?.trim() || null,
        tags: distinctTags(tagNames(e.tags)),
        archived,
        read: archived,
        starred: truthy(e.is_starred),
        savedAt: readSaveDate(e.created_at),
        content:
          hasText(html) && !isFetchFailureNotice(html)
            ? {
                kind: 'html',
                body: html,
                byline: namesOf(e.published_by),
                publishedAt: readSaveDate(e.published_at),
              }
            : null,
      }),
    )
  })
  return { format: 'wallabag', rows, broken }
}

/** The top-level list of a JSON export (some tools wrap it as `{ "entries": [...] }` or `{ "items": [...] }`). */
export function readJsonList(text: string): unknown[] {
  const data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown
  if (Array.isArray(data)) return data
  if (data && typeof data === 'object') {
    for (const key of ['entries', 'items', 'data']) {
      const value = (data as Record<string, unknown>)[key]
      if (Array.isArray(value)) return value
    }
  }
  throw new SyntaxError('The file is JSON but holds no list of entries.')
}

export function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null
}

function truthy(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true'
}

/** Tags as names, or as objects `{ label }` / `{ name }` (wallabag's API, Omnivore's labels). */
export function tagNames(value: unknown): string[] {
  if (!Array.isArray(value)) return typeof value === 'string' ? value.split(',') : []
  return value.flatMap((tag) => {
    if (typeof tag === 'string') return [tag]
    if (tag && typeof tag === 'object') {
      const t = tag as Record<string, unknown>
      const name = stringOf(t.label) ?? stringOf(t.name) ?? stringOf(t.slug)
      return name ? [name] : []
    }
    return []
  })
}

function namesOf(value: unknown): string | null {
  const names = Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [stringOf(value)]
  const joined = names.filter(Boolean).join(', ').trim()
  return joined || null
}

/** wallabag's own notice that it could not read the page, stored where the article would be. */
function isFetchFailureNotice(html: string): boolean {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .toLowerCase()
  return FETCH_FAILURES.phrases.some((phrase) => text.includes(phrase.toLowerCase()))
}

/** Markup with words in it, not an empty shell or a lone picture. */
export function hasText(html: string): boolean {
  return /[\p{L}\p{N}]/u.test(html.replace(/<[^>]*>/g, ' '))
}
