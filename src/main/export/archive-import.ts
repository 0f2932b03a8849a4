import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'
import { openPromise, type Entry, type ZipFile } from 'yauzl'
import { ArticleSummary, type Correspondent } from '@shared/article'
import { DatelineError } from '@shared/errors'
import { isMediaPath } from '@shared/media'
import type { TransferProgress } from '@shared/export'
import { storedEditsOf, writeCountryEditsFile } from '../countries/country-edit-files'
import { writeCorrespondentsEdit } from '../correspondents/person-edit-file'
import { imageExtension } from '../ingest/image-type'
import { sanitizeStoredHtml } from '../ingest/sanitize'
import { sanitizeSvg } from '../ingest/sanitize-svg'
import { writeArticleFiles } from '../library/article-files'
import { textOfArticle, writeArticleRow } from '../library/article-rows'
import { indexArticleText } from '../library/article-text-index'
import { reindexArticle } from '../highlights/highlight-index'
import { highlightFilesOf } from '../highlights/highlight-files'
import { MAX_MEDIA_BYTES } from '../library/confined-files'
import type { SqlDatabase } from '../library/database'
import type { LibraryStore } from '../library/library-store'
import {
  ArchivedArticle,
  ArchivedCollections,
  ArchivedCorrespondents,
  ArchivedFeeds,
  ArchiveManifest,
  ARTICLE_ENTRY,
  COLLECTIONS_ENTRY,
  CORRESPONDENTS_ENTRY,
  FEEDS_ENTRY,
  MANIFEST_ENTRY,
  MAX_ARTICLE_ENTRY_BYTES,
  MAX_LIST_ENTRY_BYTES,
  withoutLocalKeys,
  type Row,
} from './archive-format'
import { ExportCancelled, throwIfCancelled } from './export-run'

/**
 * Brings a Dateline archive into the library. Into an empty library it restores exactly what was
 * exported (rows column by column, relations, order, states, pictures); into one that has
 * articles already it merges: an article already there stays as it is and gains the archive's
 * collections, a collection or correspondent already there is reused, a collection created by the
 * import keeps the archive's order and one that existed gets the archive's articles at its end.
 *
 * The archive is untrusted. No name in it becomes a path: article ids must pass the id rule,
 * pictures must be named by the SHA-256 of their bytes and be the picture their extension says,
 * each entry is read only up to its cap (and yauzl checks the sizes it declares), every entry is
 * parsed by the schemas of archive-format.ts, bodies are sanitised again, and only columns the
 * library's tables have are written.
 */

export interface ImportOptions {
  library: LibraryStore
  signal: AbortSignal
  progress(event: Omit<TransferProgress, 'id'>): void
}

export interface ImportOutcome {
  status: 'done' | 'cancelled'
  articlesAdded: number
  articlesKept: number
  collectionsAdded: number
  pictures: number
  skipped: string[]
}

/** Whether a file is a Dateline archive (for `dateline import FILE` to pick this importer). */
export async function isDatelineArchive(path: string): Promise<boolean> {
  try {
    const zip = await openPromise(path, { lazyEntries: true, autoClose: false })
    try {
      for await (const entry of entriesOf(zip)) {
        if (entry.fileName === MANIFEST_ENTRY) {
          return ArchiveManifest.safeParse(parseJson(await readEntry(zip, entry, 64 * 1024))).success
        }
      }
      return false
    } finally {
      zip.close()
    }
  } catch {
    return false
  }
}

export async function importArchive(path: string, options: ImportOptions): Promise<ImportOutcome> {
  const { library, signal } = options
  const outcome: ImportOutcome = {
    status: 'done',
    articlesAdded: 0,
    articlesKept: 0,
    collectionsAdded: 0,
    pictures: 0,
    skipped: [],
  }
  const skip = (message: string): void => {
    if (outcome.skipped.length < 200) outcome.skipped.push(message)
  }
  const lists = await readLists(path)
  const columns = new TableColumns()
  const collections = library.change((db) => restoreCollections(db, lists.collections, columns, outcome))
  const people = library.change((db) => restoreCorrespondents(db, lists.correspondents, columns))
  const total = lists.articles
  const tell = (stage: TransferProgress['stage']): void =>
    options.progress({ kind: 'import', stage, done: outcome.articlesAdded + outcome.articlesKept, total })
  tell('writing')
  // The first article is told at once, then at most every 100 ms.
  let lastTold = 0

  const zip = await open(path)
  try {
    for await (const entry of entriesOf(zip)) {
      throwIfCancelled(signal)
      const name = entry.fileName
      if (
        name.endsWith('/') ||
        [MANIFEST_ENTRY, COLLECTIONS_ENTRY, CORRESPONDENTS_ENTRY, FEEDS_ENTRY].includes(name)
      )
        continue
      if (name.startsWith('media/')) {
        if (await restorePicture(zip, entry, library)) outcome.pictures++
        else
          skip(
            `The picture ${JSON.stringify(name.slice(0, 120))} is not one Dateline stores; it was left out.`,
          )
        continue
      }
      const id = ARTICLE_ENTRY.exec(name)?.[1]
      if (!id) {
        skip(`${JSON.stringify(name.slice(0, 120))} is not part of a Dateline archive; it was left out.`)
        continue
      }
      const article = await readArticle(zip, entry, id)
      if (typeof article === 'string') {
        skip(article)
        continue
      }
      const added = await restoreArticle(library, article, { collections, people, columns, skip })
      if (added) outcome.articlesAdded++
      else outcome.articlesKept++
      if (Date.now() - lastTold > 100) {
        lastTold = Date.now()
        tell('writing')
      }
    }
    // Last, when the articles its items point at are in.
    library.change((db) => restoreFeeds(db, lists.feeds, people, columns))
    tell('done')
  } catch (error) {
    if (!(error instanceof ExportCancelled)) throw error
    outcome.status = 'cancelled'
    tell('cancelled')
  } finally {
    zip.close()
  }
  return outcome
}

interface ArchiveLists {
  collections: ArchivedCollections
  correspondents: ArchivedCorrespondents
  feeds: ArchivedFeeds
  articles: number
}
type ArchivedCollections = typeof ArchivedCollections._output
type ArchivedCorrespondents = typeof ArchivedCorrespondents._output
type ArchivedFeeds = typeof ArchivedFeeds._output

/** First pass: what the archive is, and its lists of collections and correspondents. */
async function readLists(path: string): Promise<ArchiveLists> {
  const zip = await open(path)
  let manifest: unknown = null
  let collections: unknown = []
  let correspondents: unknown = []
  let feeds: unknown = []
  let articles = 0
  try {
    for await (const entry of entriesOf(zip)) {
      if (entry.fileName === MANIFEST_ENTRY) manifest = parseJson(await readEntry(zip, entry, 64 * 1024))
      else if (entry.fileName === COLLECTIONS_ENTRY) {
        collections = parseJson(await readEntry(zip, entry, MAX_LIST_ENTRY_BYTES))
      } else if (entry.fileName === CORRESPONDENTS_ENTRY) {
        correspondents = parseJson(await readEntry(zip, entry, MAX_LIST_ENTRY_BYTES))
      } else if (entry.fileName === FEEDS_ENTRY) {
        feeds = parseJson(await readEntry(zip, entry, MAX_LIST_ENTRY_BYTES))
      } else if (ARTICLE_ENTRY.test(entry.fileName)) articles++
    }
  } finally {
    zip.close()
  }
  if (!ArchiveManifest.safeParse(manifest).success) {
    throw new DatelineError(
      'INVALID_INPUT',
      'This file is not a Dateline archive (it has no readable dateline-archive.json).',
    )
  }
  const parsedCollections = ArchivedCollections.safeParse(collections)
  const parsedCorrespondents = ArchivedCorrespondents.safeParse(correspondents)
  const parsedFeeds = ArchivedFeeds.safeParse(feeds)
  if (!parsedCollections.success || !parsedCorrespondents.success || !parsedFeeds.success) {
    throw new DatelineError(
      'INVALID_INPUT',
      'The collections, correspondents or feeds of this archive cannot be read.',
    )
  }
  return {
    collections: parsedCollections.data,
    correspondents: parsedCorrespondents.data,
    feeds: parsedFeeds.data,
    articles,
  }
}

async function open(path: string): Promise<ZipFile> {
  try {
    return await openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: true })
  } catch (error) {
    throw new DatelineError(
      'INVALID_INPUT',
      `This file cannot be read as a zip archive: ${(error as Error).message}`,
    )
  }
}

/** The entries one at a time, in the archive's order; a malformed name (absolute, ..) stops the import. */
async function* entriesOf(zip: ZipFile): AsyncGenerator<Entry> {
  for (;;) {
    const entry = await new Promise<Entry | null>((resolve, reject) => {
      const onEntry = (e: Entry): void => done(() => resolve(e))
      const onEnd = (): void => done(() => resolve(null))
      const onError = (error: Error): void =>
        done(() =>
          reject(new DatelineError('INVALID_INPUT', `This archive is damaged or unsafe: ${error.message}`)),
        )
      const done = (then: () => void): void => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError)
        then()
      }
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError)
      zip.readEntry()
    })
    if (!entry) return
    yield entry
  }
}

/** An entry's bytes, refused beyond `max` (declared or actual). */
async function readEntry(zip: ZipFile, entry: Entry, max: number): Promise<Buffer> {
  if (entry.uncompressedSize > max) {
    throw new DatelineError(
      'TOO_LARGE',
      `${entry.fileName.slice(0, 120)} is larger than an archive entry may be.`,
    )
  }
  const stream: Readable = await new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))),
  )
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    size += (chunk as Buffer).length
    if (size > max) {
      stream.destroy()
      throw new DatelineError('TOO_LARGE', `${entry.fileName.slice(0, 120)} is larger than it says.`)
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    return null
  }
}

async function restorePicture(zip: ZipFile, entry: Entry, library: LibraryStore): Promise<boolean> {
  const name = entry.fileName
  if (!isMediaPath(name) || entry.uncompressedSize > MAX_MEDIA_BYTES) return false
  const bytes = await readEntry(zip, entry, MAX_MEDIA_BYTES)
  const sha256 = name.slice(name.lastIndexOf('/') + 1, name.lastIndexOf('.'))
  const extension = name.slice(name.lastIndexOf('.') + 1)
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) return false
  if (imageExtension(bytes) !== extension) return false
  // A stored SVG passed the drawing allow-list; one that would change under it is not ours.
  if (extension === 'svg' && sanitizeSvg(bytes.toString('utf8')) !== bytes.toString('utf8')) return false
  return (await library.media.store(bytes, extension)) === name
}

async function readArticle(zip: ZipFile, entry: Entry, id: string): Promise<ArchivedArticle | string> {
  const label = `The article ${id}`
  if (entry.uncompressedSize > MAX_ARTICLE_ENTRY_BYTES)
    return `${label} is too large to be one; it was left out.`
  const parsed = ArchivedArticle.safeParse(parseJson(await readEntry(zip, entry, MAX_ARTICLE_ENTRY_BYTES)))
  if (!parsed.success || parsed.data.id !== id || parsed.data.row.id !== id) {
    return `${label} cannot be read from the archive; it was left out.`
  }
  return parsed.data
}

interface Mapped {
  collections: Map<string, { id: number; created: boolean }>
  people: Map<string, { id: number; name: string }>
  columns: TableColumns
  skip(message: string): void
}

/** The columns each table of this library has: the only ones written from an archive's rows. */
class TableColumns {
  private readonly known = new Map<string, Set<string>>()

  of(db: SqlDatabase, table: string): Set<string> {
    let columns = this.known.get(table)
    if (!columns) {
      columns = new Set(
        db.all<{ name: string }>(`SELECT name FROM pragma_table_info(?)`, [table]).map((c) => c.name),
      )
      this.known.set(table, columns)
    }
    return columns
  }

  /** INSERT OR IGNORE of the row's columns this table has, plus the given keys. */
  insert(db: SqlDatabase, table: string, row: Row, keys: Record<string, string | number>): boolean {
    const have = this.of(db, table)
    const values: Record<string, string | number | null> = {}
    // A key of the archive's library (an id, or a column that points at one) would point at
    // whatever has that number here: only the keys mapped by this import are written.
    for (const [column, value] of Object.entries(withoutLocalKeys(table, row))) {
      if (have.has(column)) values[column] = value
    }
    Object.assign(values, keys)
    const names = Object.keys(values)
    const result = db.run(
      `INSERT OR IGNORE INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      Object.values(values),
    )
    return result.changes > 0
  }
}

function keyOf(c: { nameKey: string; outletKey: string }): string {
  return `${c.nameKey}\u0000${c.outletKey}`
}

function restoreCollections(
  db: SqlDatabase,
  archived: ArchivedCollections,
  columns: TableColumns,
  outcome: ImportOutcome,
): Map<string, { id: number; created: boolean }> {
  const mapped = new Map<string, { id: number; created: boolean }>()
  for (const { name, row } of archived) {
    const existing = db.get<{ id: number }>('SELECT id FROM collections WHERE name = ? COLLATE NOCASE', [
      name,
    ])
    if (existing) {
      mapped.set(name.toLowerCase(), { id: existing.id, created: false })
      continue
    }
    const { id: _id, ...fields } = row
    if (!columns.insert(db, 'collections', { ...fields, name }, {})) continue
    const made = db.get<{ id: number }>('SELECT id FROM collections WHERE name = ?', [name])
    if (made) {
      mapped.set(name.toLowerCase(), { id: made.id, created: true })
      outcome.collectionsAdded++
    }
  }
  return mapped
}

function restoreCorrespondents(
  db: SqlDatabase,
  archived: ArchivedCorrespondents,
  columns: TableColumns,
): Map<string, { id: number; name: string }> {
  const mapped = new Map<string, { id: number; name: string }>()
  for (const person of archived) {
    const { id: _id, ...fields } = person.row
    columns.insert(
      db,
      'correspondents',
      { ...fields, name_key: person.nameKey, outlet_key: person.outletKey },
      {},
    )
    const found = db.get<{ id: number; name: string }>(
      'SELECT id, name FROM correspondents WHERE name_key = ? AND outlet_key = ?',
      [person.nameKey, person.outletKey],
    )
    if (found) mapped.set(keyOf(person), found)
  }
  // Merges point at another correspondent: set once both are in, never over a merge made here.
  for (const person of archived) {
    const from = mapped.get(keyOf(person))
    const into = person.mergedInto ? mapped.get(keyOf(person.mergedInto)) : undefined
    if (!from || !into || from.id === into.id) continue
    db.run('UPDATE correspondents SET merged_into = ? WHERE id = ? AND merged_into IS NULL', [
      into.id,
      from.id,
    ])
  }
  return mapped
}

/**
 * Subscriptions: one the library has already (same address) keeps its settings and gains the
 * archive's items; an item's article is linked when that article is in the library.
 */
function restoreFeeds(
  db: SqlDatabase,
  archived: ArchivedFeeds,
  people: Map<string, { id: number; name: string }>,
  columns: TableColumns,
): void {
  for (const feed of archived) {
    const correspondent = feed.correspondent ? people.get(keyOf(feed.correspondent)) : undefined
    if (feed.correspondent && !correspondent) continue
    const { id: _id, ...fields } = feed.row
    columns.insert(
      db,
      'feeds',
      { ...fields, url: feed.url },
      correspondent ? { correspondent: correspondent.id } : {},
    )
    const id = db.get<{ id: number }>('SELECT id FROM feeds WHERE url = ?', [feed.url])?.id
    if (id === undefined) continue
    for (const item of feed.items) {
      const article = item.articleId
        ? db.get<{ rowid: number }>('SELECT rowid FROM articles WHERE id = ?', [item.articleId])?.rowid
        : undefined
      columns.insert(
        db,
        'feed_items',
        { ...item.row, guid: item.guid },
        {
          feed: id,
          ...(article !== undefined ? { article } : {}),
        },
      )
    }
  }
}

/** What writeArticleRow writes from the summary; the archive's other columns are set as they were. */
const ROW_COLUMNS = new Set([
  'rowid',
  'id',
  'source',
  'url',
  'canonical_url',
  'file_name',
  'title',
  'byline',
  'site_name',
  'lang',
  'excerpt',
  'published_at',
  'added_at',
  'updated_at',
  'word_count',
  'reading_minutes',
  'lead_image',
  'read',
  'starred',
  'archived',
])

/** Adds the article, or (already in the library) only its memberships. True when it was added. */
async function restoreArticle(
  library: LibraryStore,
  archived: ArchivedArticle,
  mapped: Mapped,
): Promise<boolean> {
  const existing = library.get(archived.id)
  if (existing) {
    const added = library.change((db) => {
      restoreMemberships(db, library.articleRowid(archived.id), archived, mapped, true)
      return restoreHighlights(db, archived, mapped)
    })
    // Their quotes and notes go into the article's search entry, and beside it for a rebuild.
    if (added > 0) {
      await reindexArticle(library, archived.id)
      await highlightFilesOf(library).save(archived.id)
    }
    return false
  }
  const people = archived.correspondents.flatMap((c) => {
    const person = mapped.people.get(keyOf(c))
    return person ? [{ ...c, person }] : []
  })
  const summary = summaryOf(
    archived,
    people.map((p) => ({ name: p.person.name })),
  )
  if (!summary) {
    mapped.skip(`The article ${archived.id} has fields Dateline cannot read; it was left out.`)
    return false
  }
  const body = { html: sanitizeStoredHtml(archived.html), text: archived.text }
  await writeArticleFiles(library.layout, summary, body)
  library.change((db) => {
    const rowid = writeArticleRow(db, { ...summary, countries: [], correspondents: [] }, body.text)
    const extra = Object.entries(archived.row).filter(
      ([column]) => !ROW_COLUMNS.has(column) && mapped.columns.of(db, 'articles').has(column),
    )
    if (extra.length > 0) {
      db.run(`UPDATE articles SET ${extra.map(([c]) => `"${c}" = ?`).join(', ')} WHERE rowid = ?`, [
        ...extra.map(([, v]) => v),
        rowid,
      ])
    }
    for (const country of archived.countries) {
      mapped.columns.insert(db, 'article_countries', country, { article: rowid })
    }
    for (const { row, person } of people) {
      mapped.columns.insert(db, 'article_correspondents', row, { article: rowid, correspondent: person.id })
    }
    for (const edit of archived.countryEdits ?? []) {
      mapped.columns.insert(db, 'country_edits', edit, { article_id: archived.id })
    }
    // Before the search entry, which takes in their quotes and notes.
    restoreHighlights(db, archived, mapped)
    indexArticleText(db, rowid, textOfArticle(summary, body.text))
    restoreMemberships(db, rowid, archived, mapped, false)
  })
  await keepEditsBesideArticle(library, archived.id)
  if ((archived.highlights ?? []).length > 0) await highlightFilesOf(library).save(archived.id)
  return true
}

/** The article's highlights this library lacks (by their id); the table's checks refuse odd ones. */
function restoreHighlights(db: SqlDatabase, archived: ArchivedArticle, mapped: Mapped): number {
  let added = 0
  for (const highlight of archived.highlights ?? []) {
    if (mapped.columns.insert(db, 'highlights', highlight, { article_id: archived.id })) added++
  }
  return added
}

/**
 * The person's country and correspondent edits are also kept in the article's folder, so that a
 * `dateline rebuild` of the library it was imported into keeps them too.
 */
async function keepEditsBesideArticle(library: LibraryStore, id: string): Promise<void> {
  const { countries, people } = library.query((db) => ({
    countries: storedEditsOf(db, id),
    people: db.all<{ name: string; kind: Correspondent['kind'] }>(
      `SELECT c.name, c.kind FROM article_correspondents ac JOIN correspondents c ON c.id = ac.correspondent
       WHERE ac.article = (SELECT rowid FROM articles WHERE id = ?) AND ac.origin = 'person' ORDER BY ac.position`,
      [id],
    ),
  }))
  if (countries.length > 0) await writeCountryEditsFile(library.layout, id, countries)
  if (people.length > 0) await writeCorrespondentsEdit(library.layout, id, people, new Date())
}

function restoreMemberships(
  db: SqlDatabase,
  rowid: number,
  archived: ArchivedArticle,
  mapped: Mapped,
  append: boolean,
): void {
  for (const { name, row } of archived.collections) {
    const collection = mapped.collections.get(name.toLowerCase())
    if (!collection) continue
    const keys: Record<string, number> = { collection: collection.id, article: rowid }
    if (append || !collection.created || typeof row.position !== 'number') {
      // A collection that was there before: the archive's articles go at its end, in their order.
      keys.position =
        (db.get<{ p: number | null }>(
          'SELECT max(position) AS p FROM collection_articles WHERE collection = ?',
          [collection.id],
        )?.p ?? 0) + 1
    }
    mapped.columns.insert(db, 'collection_articles', row, keys)
  }
}

function summaryOf(archived: ArchivedArticle, correspondents: { name: string }[]): ArticleSummary | null {
  const r = archived.row
  const parsed = ArticleSummary.safeParse({
    id: r.id,
    source: r.source,
    url: r.url ?? null,
    canonicalUrl: r.canonical_url ?? null,
    fileName: r.file_name ?? null,
    title: r.title,
    byline: r.byline ?? null,
    correspondents,
    countries: archived.countries.map((c) => ({ code: c.code, name: c.name, role: c.role, score: c.score })),
    siteName: r.site_name ?? null,
    lang: r.lang ?? null,
    excerpt: r.excerpt,
    publishedAt: r.published_at ?? null,
    addedAt: r.added_at,
    updatedAt: r.updated_at,
    wordCount: r.word_count,
    readingMinutes: r.reading_minutes,
    leadImage: typeof r.lead_image === 'string' && isMediaPath(r.lead_image) ? r.lead_image : null,
    read: r.read === 1,
    starred: r.starred === 1,
    archived: r.archived === 1,
  })
  // The revision of the body files is made from updatedAt: it must be a time, not any text.
  return parsed.success && ISO_TIME.test(parsed.data.updatedAt) ? parsed.data : null
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/
