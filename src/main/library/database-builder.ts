import { readdirSync } from 'node:fs'
import { readdir, readFile, rename, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { StoredArticleMetadata, type ArticleSummary } from '@shared/article'
import type { Highlight } from '@shared/highlights'
import { DatelineError } from '@shared/errors'
import {
  asStoredCountryEdit,
  carryCountryEdits,
  countryEditsPath,
  readCountryEditsFile,
  type StoredCountryEdit,
} from '../countries/country-edit-files'
import {
  MAX_BODY_BYTES,
  readArticleTextForIndex,
  removeArticleFolder,
  writeMetadataFile,
} from './article-files'
import { indexArticleBody, metadataOf, writeArticleRecord } from './article-rows'
import { syncFile, syncFolder } from './atomic-file'
import {
  assertNoLinkBetween,
  assertNoLinkBetweenSync,
  isArticleId,
  readRegularFileSync,
} from './confined-files'
import { databaseLockPath, SqlDatabase } from './database'
import { readLegacyLibrary } from './legacy-json-library'
import {
  articleCorrespondentsEditPath,
  articleDir,
  articleMetadataPath,
  bodyRevision,
  type LibraryLayout,
} from './layout'
import { migrateDatabase } from './schema'
import { setAsideForBulkLoad } from './bulk-load'
import { createFolderReader, type FileRead, type FolderReader } from './folder-reader'
import {
  groupEditsOf,
  markCorrespondentsEdited,
  restoreGroupEdits,
} from '../correspondents/correspondent-store'
import { readGroupEdits, type GroupEdits } from '../correspondents/group-edits-file'
import { readCorrespondentsEdit } from '../correspondents/person-edit-file'
import { HIGHLIGHTS_FILE, readHighlightsFile } from '../highlights/highlight-files'
import { putHighlight } from '../highlights/highlight-store'

/**
 * Making a whole library database at once, for the migration from schema 1 and for `dateline
 * rebuild`. Both write a draft beside library.db, check it, and only then move it into place, so a
 * kill at any moment leaves the old state (the JSON shards, or the old database) as it was.
 */

export interface BuildProgress {
  /** `reading`: a rebuild's first pass over the article folders, before any is written. */
  stage: 'migrating' | 'reading' | 'rebuilding' | 'indexing'
  done: number
  total: number
}
export type ProgressListener = (progress: BuildProgress) => void

const BATCH = 500

/** One article read from the library's files, with what the person added to it, ready to write. */
interface DraftArticle {
  article: ArticleSummary
  text: string
  /** The person's country edits to keep (rebuild), written before the row so its countries apply them. */
  countryEdits?: StoredCountryEdit[]
  /** Its correspondents are the person's own list (from the article folder), not the extractor's. */
  correspondentsEdited?: boolean
  /** The person's highlights and notes (rebuild), written before the row so search takes them in. */
  highlights?: Highlight[]
}

/** What a draft is filled from: batches read on demand, `covered` of `total` sources each. */
interface DraftSource {
  total: number
  batches: AsyncIterable<{ articles: DraftArticle[]; covered: number }>
}

/** Writes every article into a fresh draft database, checks it, and returns it closed. */
async function buildDraft(
  layout: LibraryLayout,
  source: DraftSource,
  stage: BuildProgress['stage'],
  progress: ProgressListener | undefined,
  /** Runs in the draft after every article is in (the person's edits that span articles). */
  finish?: (draft: SqlDatabase) => void,
): Promise<number> {
  await removeDraft(layout)
  // Held for the whole build (no lock directory per statement), with a large page cache; and no
  // journal nor fsync per batch, which wrote every changed page twice and waited for the disk 200
  // times at 100k: a draft is never used until it is complete, checked and flushed once (below),
  // and any failure throws it away (the next build starts with removeDraft).
  const draft = SqlDatabase.open(layout.databaseDraft, { exclusive: true })
  let written = 0
  try {
    draft.exec('PRAGMA journal_mode = OFF')
    draft.exec('PRAGMA synchronous = OFF')
    migrateDatabase(draft)
    const putBack = setAsideForBulkLoad(draft)
    let covered = 0
    progress?.({ stage, done: 0, total: source.total })
    const batches = source.batches[Symbol.asyncIterator]()
    let next = batches.next()
    for (;;) {
      const result = await next
      if (result.done) break
      // The next batch's files are asked for before this one is written, so the disk works
      // while SQLite does; a failure there is reported when that batch is awaited.
      next = batches.next()
      next.catch(() => undefined)
      writeBatch(draft, result.value.articles)
      written += result.value.articles.length
      covered += result.value.covered
      progress?.({ stage, done: Math.min(covered, source.total), total: source.total })
    }
    if (finish) draft.transaction(() => finish(draft))
    putBack()
    const stored = draft.get<{ n: number }>('SELECT count(*) AS n FROM articles')?.n ?? -1
    const check = draft.get<{ quick_check: string }>('PRAGMA quick_check')?.quick_check
    if (stored !== written || check !== 'ok') {
      throw new DatelineError(
        'INTERNAL',
        `The new library database did not check out (${stored} of ${written} articles, ${check}); ` +
          'nothing was changed.',
      )
    }
  } finally {
    draft.close()
  }
  await syncFile(layout.databaseDraft)
  return written
}

/** One batch in one transaction: the rows and relations, then their full-text entries. */
function writeBatch(draft: SqlDatabase, batch: DraftArticle[]): void {
  draft.transaction(() => {
    const rowids = batch.map((a) => {
      carryCountryEdits(draft, a.article.id, a.countryEdits ?? [])
      for (const highlight of a.highlights ?? []) putHighlight(draft, highlight)
      const rowid = writeArticleRecord(draft, a.article)
      if (a.correspondentsEdited) markCorrespondentsEdited(draft, rowid)
      return rowid
    })
    // The entries after all the batch's rows, not each after its own: FTS5 writes what it holds
    // in memory out as a new segment at every statement savepoint, which each row's upsert opens,
    // so entries written between rows made one segment per article for FTS5 to merge again.
    batch.forEach((a, i) => indexArticleBody(draft, rowids[i]!, a.article, a.text, { fresh: true }))
  })
}

/** Slices of `items` of `size`, each read by `read` when the consumer asks for it. */
async function* inBatches<T>(
  items: readonly T[],
  read: (slice: readonly T[]) => Promise<(DraftArticle | null)[]>,
  size = BATCH,
): AsyncGenerator<{ articles: DraftArticle[]; covered: number }> {
  for (let at = 0; at < items.length; at += size) {
    const slice = items.slice(at, at + size)
    const articles = await read(slice)
    yield { articles: articles.filter((a): a is DraftArticle => a !== null), covered: slice.length }
  }
}

/** Moves a checked draft over library.db; whatever was there is kept aside unless told otherwise. */
async function installDraft(layout: LibraryLayout, keepOld: string | null): Promise<void> {
  if (keepOld) {
    await rename(layout.database, keepOld).catch(ignoreMissing)
    await rename(`${layout.database}-journal`, `${keepOld}-journal`).catch(() => undefined)
  }
  await rm(`${layout.database}-journal`, { force: true })
  await rename(layout.databaseDraft, layout.database)
  await syncFolder(layout.root)
}

export async function removeDraft(layout: LibraryLayout): Promise<void> {
  await rm(layout.databaseDraft, { force: true })
  await rm(`${layout.databaseDraft}-journal`, { force: true })
  await rm(databaseLockPath(layout.databaseDraft), { recursive: true, force: true })
}

/**
 * Schema 1 to 2: the shards and trash.json into library.db, each article's metadata also written
 * beside its body. The old files stay until the new database is in place and checked; the caller
 * then records version 2 and calls `removeLegacyFiles`. Run again after a kill, it starts over.
 */
export async function migrateJsonLibrary(layout: LibraryLayout, progress?: ProgressListener): Promise<void> {
  const legacy = await readLegacyLibrary(layout)
  // The shards hold the articles in the order of their ids' hash; see byArrival.
  const articles = [...legacy.articles].sort(byArrival)
  const batches = inBatches(articles, (slice) =>
    Promise.all(
      slice.map(async (article) => {
        await ensureMetadataFile(layout, article)
        return { article, text: await readArticleTextForIndex(layout, article) }
      }),
    ),
  )
  await buildDraft(layout, { total: articles.length, batches }, 'migrating', progress)
  // A database left by an earlier try that was killed before the manifest said 2 is replaced.
  await installDraft(layout, null)
}

async function ensureMetadataFile(layout: LibraryLayout, article: ArticleSummary): Promise<void> {
  const path = articleMetadataPath(layout, article)
  try {
    await assertNoLinkBetween(layout.root, path)
    await writeMetadataFile(layout, metadataOf(article), { flush: false })
  } catch {
    // A folder that is a link or missing: the article is migrated, `rebuild` will not find it.
  }
}

/** After the manifest says 2: the shards, the head cache and trash.json, and trashed articles' folders. */
export async function removeLegacyFiles(layout: LibraryLayout): Promise<void> {
  const exists = await readdir(layout.metaDir).then(
    () => true,
    () => false,
  )
  const trash = await readFile(layout.trash, 'utf8').catch(() => null)
  if (!exists && trash === null) return
  if (trash !== null) {
    const legacy = await readLegacyLibrary(layout).catch(() => null)
    for (const id of legacy?.trashed ?? []) await removeArticleFolder(layout, id)
  }
  await rm(layout.metaDir, { recursive: true, force: true })
  await rm(layout.trash, { force: true })
}

/**
 * `dateline rebuild`: a new database from the article folders' metadata files, with the person's
 * own lists of correspondents and their highlights and notes (highlights.json). The person's
 * country edits come from each folder's edits file, and from the old database where it can still
 * be read (edits made before those files existed); their merges and follows of correspondents from
 * the library's correspondent-edits.json (or the old database, for a library that has no such file
 * yet). States (read, starred, archived) and collections lived only in the database; they come back
 * from a backup. The database it replaces is kept beside it as
 * library.db.replaced-<time>. It runs in the `dateline rebuild` command, which has nothing else to
 * do meanwhile, so the first pass reads the folders with synchronous calls (see
 * assertNoLinkBetweenSync); the second reads each batch's texts on a thread of its own
 * (folder-reader.ts) while the batch before is written.
 */
export async function rebuildLibraryDatabase(
  layout: LibraryLayout,
  now: Date,
  progress?: ProgressListener,
  /** The reading thread's script; the built one by default (tests name it, or null for none). */
  readWorkerPath?: string | null,
): Promise<{ articles: number; skipped: number }> {
  const folders = await listArticleFolders(layout)
  const captures = await readCaptures(layout, folders.ids, progress)
  const oldEdits = countryEditsOfOldDatabase(layout)
  const groupEdits = (await readGroupEdits(layout)) ?? groupEditsOfOldDatabase(layout)
  // The rest of each folder (text, edits, highlights) is read a batch ahead of the one being
  // written, on the reader's own thread, so memory holds only the metadata, whatever the
  // library's size, and the disk works while SQLite does.
  const reader = createFolderReader(layout.root, readWorkerPath)
  let articles: number
  try {
    const batches = inBatches(captures, (slice) => readCaptureFiles(layout, reader, slice, oldEdits))
    articles = await buildDraft(
      layout,
      { total: captures.length, batches },
      'rebuilding',
      progress,
      (draft) => {
        if (groupEdits) restoreGroupEdits(draft, groupEdits)
      },
    )
  } finally {
    await reader.close()
  }
  const stamp = now.toISOString().replace(/[^0-9TZ]/g, '')
  await installDraft(layout, `${layout.database}.replaced-${stamp}`)
  return { articles, skipped: folders.skipped + folders.ids.length - articles }
}

/** The article folders' ids; a name that is not an article's id is counted, and left alone. */
async function listArticleFolders(layout: LibraryLayout): Promise<{ ids: string[]; skipped: number }> {
  const ids: string[] = []
  let skipped = 0
  for (const prefix of await readdir(layout.articlesDir).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue
    for (const id of await readdir(join(layout.articlesDir, prefix)).catch(() => [] as string[])) {
      if (isArticleId(id) && id.slice(0, 2) === prefix) ids.push(id)
      else skipped++
    }
  }
  return { ids, skipped }
}

/** An article folder's newest complete capture, and which of the person's files lie beside it. */
interface StoredCapture {
  article: ArticleSummary
  revision: string
  correspondentsEdit: boolean
  countryEdits: boolean
  highlights: boolean
}

/** Every folder's newest complete capture, in the order the articles came into the library. */
async function readCaptures(
  layout: LibraryLayout,
  ids: string[],
  progress: ProgressListener | undefined,
): Promise<StoredCapture[]> {
  const captures: StoredCapture[] = []
  progress?.({ stage: 'reading', done: 0, total: ids.length })
  for (let at = 0; at < ids.length; at += BATCH) {
    const slice = ids.slice(at, at + BATCH)
    for (const id of slice) {
      const capture = newestCapture(layout, id)
      if (capture) captures.push(capture)
    }
    progress?.({ stage: 'reading', done: at + slice.length, total: ids.length })
    // Lets a signal or the progress output through between batches.
    await new Promise((resolve) => setImmediate(resolve))
  }
  return captures.sort((a, b) => byArrival(a.article, b.article))
}

/**
 * The order articles came into the library: the day added, then the id. An index written article
 * by article numbers its entries (rowid) in that order, and search breaks ties, and orders
 * phrases and common words, newest first by that number; a library made in one go from the
 * folders or shards, in the order they list the articles, would rank them differently.
 */
function byArrival(a: ArticleSummary, b: ArticleSummary): number {
  return compare(a.addedAt, b.addedAt) || compare(a.id, b.id)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * A folder's newest capture whose metadata reads and validates; null when it holds none. The
 * folder's listing says which of the person's files there are: most articles have none, and
 * looking for each missing file (a link check of its path, then an open) was a sixth of a
 * rebuild's CPU.
 */
function newestCapture(layout: LibraryLayout, id: string): StoredCapture | null {
  const folder = articleDir(layout, id)
  let names: Set<string>
  try {
    assertNoLinkBetweenSync(layout.root, folder)
    names = new Set(readdirSync(folder))
  } catch {
    return null
  }
  const revisions = [...names]
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -5))
    .filter((revision) => names.has(`${revision}.html`) && names.has(`${revision}.txt`))
    .sort()
    .reverse()
  for (const revision of revisions) {
    try {
      // The folder was just found free of links, and the file is opened without following one.
      const bytes = readRegularFileSync(join(folder, `${revision}.json`), 1024 * 1024)
      const parsed = StoredArticleMetadata.safeParse(JSON.parse(bytes.toString('utf8')))
      if (parsed.success && parsed.data.id === id && bodyRevision(parsed.data.updatedAt) === revision) {
        return {
          article: { ...parsed.data, read: false, starred: false, archived: false },
          revision,
          correspondentsEdit: names.has(basename(articleCorrespondentsEditPath(layout, id))),
          countryEdits: names.has(basename(countryEditsPath(layout, id))),
          highlights: names.has(HIGHLIGHTS_FILE),
        }
      }
    } catch {
      // A damaged metadata file: try the capture before it.
    }
  }
  return null
}

/**
 * A batch of captures' texts and what the person added beside them, read when the batch before is
 * being written; null for a capture whose folder has become a link since it was listed. The
 * texts come from `reader` (its thread walks each folder for links and opens the file without
 * following one); the person's rarer files through the usual checked reads.
 */
async function readCaptureFiles(
  layout: LibraryLayout,
  reader: FolderReader,
  captures: readonly StoredCapture[],
  oldEdits: Map<string, StoredCountryEdit[]>,
): Promise<(DraftArticle | null)[]> {
  const texts = await reader.read(
    captures.map((capture) => ({
      folder: articleDir(layout, capture.article.id),
      name: `${capture.revision}.txt`,
      maxBytes: MAX_BODY_BYTES,
    })),
  )
  return Promise.all(captures.map((capture, i) => draftOfCapture(layout, capture, texts[i]!, oldEdits)))
}

async function draftOfCapture(
  layout: LibraryLayout,
  capture: StoredCapture,
  read: FileRead,
  oldEdits: Map<string, StoredCountryEdit[]>,
): Promise<DraftArticle | null> {
  if ('failed' in read && read.failed === 'linked') return null
  const { id } = capture.article
  // A text that is gone or damaged: the row counts without it, as in readArticleTextForIndex.
  const text =
    'bytes' in read
      ? Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength).toString('utf8')
      : ''
  // The person's list of who wrote it, kept beside the captures (correspondents/person-edit-file.ts).
  const edit = capture.correspondentsEdit ? await readCorrespondentsEdit(layout, id) : null
  return {
    article: edit ? { ...capture.article, correspondents: edit } : capture.article,
    text,
    correspondentsEdited: edit !== null,
    countryEdits: [
      ...(oldEdits.get(id) ?? []),
      ...(capture.countryEdits ? await readCountryEditsFile(layout, id) : []),
    ],
    highlights: capture.highlights ? await readHighlightsFile(layout, id) : [],
  }
}

/**
 * The country edits a damaged database still gives up, by article id; nothing when it cannot be
 * read at all. Read-only, so the damaged file is never written.
 */
function countryEditsOfOldDatabase(layout: LibraryLayout): Map<string, StoredCountryEdit[]> {
  const byArticle = new Map<string, StoredCountryEdit[]>()
  let old: SqlDatabase | null = null
  try {
    old = SqlDatabase.open(layout.database, { readOnly: true, busyTimeoutMs: 0 })
    const rows = old.all<{ article_id: string; code: string; role: string; edited_at: string }>(
      'SELECT article_id, code, role, edited_at FROM country_edits',
    )
    for (const row of rows) {
      if (!isArticleId(row.article_id)) continue
      const edit = asStoredCountryEdit(row)
      if (edit) byArticle.set(row.article_id, [...(byArticle.get(row.article_id) ?? []), edit])
    }
  } catch {
    // Missing, damaged past reading, or older than the edits table: the edits files are all there is.
  } finally {
    old?.close()
  }
  return byArticle
}

/**
 * Merges and follows from the database being replaced, for a library whose edits file was never
 * written (they were made before Dateline kept one); null when it cannot be read.
 */
function groupEditsOfOldDatabase(layout: LibraryLayout): GroupEdits | null {
  let old: SqlDatabase | null = null
  try {
    old = SqlDatabase.open(layout.database, { readOnly: true, busyTimeoutMs: 0 })
    return { format: 1, ...groupEditsOf(old) }
  } catch {
    return null
  } finally {
    old?.close()
  }
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
}
