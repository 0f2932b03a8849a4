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
import { assertNoLinkBetween, isArticleId, readRegularFile } from './confined-files'
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
import { readAhead, WriteSlicer, type ReadPacing } from './read-ahead'
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
  /** How long the build has waited for the library's files so far (reads not hidden behind writes). */
  readWaitMs?: number
}
export type ProgressListener = (progress: BuildProgress) => void

/**
 * How the files are read while the draft is written. 500 articles per transaction (the measured
 * sweet spot of the FTS5 bulk load, see docs/benchmarks.md); one batch read while the one before it
 * is written; 64 reads in flight keep libuv's four threads busy between the writer's pauses, each
 * read needing the thread for every one of its steps.
 */
export interface BuildPacing extends ReadPacing {
  /** The longest a batch's write keeps the thread before the reads in flight may go on. */
  writeSliceMs: number
  /** Runs each article's read of the build pass (tests watch when reads start and end). */
  aroundRead?: <R>(read: () => Promise<R>) => Promise<R>
}
export const BUILD_PACING: BuildPacing = { batchSize: 500, ahead: 1, concurrency: 64, writeSliceMs: 8 }

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

/**
 * What a draft is filled from: `total` sources, each read into an article (null: none to write),
 * batch by batch while the batch before is written.
 */
interface DraftSource<T> {
  sources: readonly T[]
  read: (source: T) => Promise<DraftArticle | null>
}

/** Writes every article into a fresh draft database, checks it, and returns it closed. */
async function buildDraft<T>(
  layout: LibraryLayout,
  { sources, read }: DraftSource<T>,
  stage: BuildProgress['stage'],
  progress: ProgressListener | undefined,
  pacing: BuildPacing,
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
    const total = sources.length
    const waits = new ReadWaits()
    progress?.({ stage, done: 0, total, readWaitMs: 0 })
    // The next batch's files are read while this one is written (readAhead), and the write pauses
    // now and then so that those reads go on (WriteSlicer).
    const slicer = new WriteSlicer(pacing.writeSliceMs)
    const around = pacing.aroundRead
    const readOne = around ? (source: T): Promise<DraftArticle | null> => around(() => read(source)) : read
    for await (const batch of waits.timed(readAhead(sources, readOne, pacing))) {
      const articles = batch.filter((a): a is DraftArticle => a !== null)
      await writeBatch(draft, articles, slicer)
      written += articles.length
      covered += batch.length
      progress?.({ stage, done: Math.min(covered, total), total, readWaitMs: waits.ms })
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

/**
 * One batch in one transaction: the rows and relations, then their full-text entries. The
 * transaction stays open across the slicer's pauses; that is safe only because the draft is this
 * build's alone (opened exclusive, never used until it is complete), and nothing else runs in it.
 */
async function writeBatch(draft: SqlDatabase, batch: DraftArticle[], slicer: WriteSlicer): Promise<void> {
  draft.exec('BEGIN IMMEDIATE')
  const rowids: number[] = []
  for (const a of batch) {
    carryCountryEdits(draft, a.article.id, a.countryEdits ?? [])
    for (const highlight of a.highlights ?? []) putHighlight(draft, highlight)
    const rowid = writeArticleRecord(draft, a.article)
    if (a.correspondentsEdited) markCorrespondentsEdited(draft, rowid)
    rowids.push(rowid)
    await slicer.pause()
  }
  // The entries after all the batch's rows, not each after its own: FTS5 writes what it holds
  // in memory out as a new segment at every statement savepoint, which each row's upsert opens,
  // so entries written between rows made one segment per article for FTS5 to merge again.
  for (const [i, a] of batch.entries()) {
    indexArticleBody(draft, rowids[i]!, a.article, a.text, { fresh: true })
    await slicer.pause()
  }
  draft.exec('COMMIT')
}

/** The time a consumer spends waiting for the next batch of an async iterable. */
class ReadWaits {
  ms = 0

  async *timed<T>(batches: AsyncIterable<T>): AsyncGenerator<T> {
    const iterator = batches[Symbol.asyncIterator]()
    for (;;) {
      const started = performance.now()
      const next = await iterator.next()
      this.ms += performance.now() - started
      if (next.done) return
      yield next.value
    }
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
export async function migrateJsonLibrary(
  layout: LibraryLayout,
  progress?: ProgressListener,
  pacing = BUILD_PACING,
): Promise<void> {
  const legacy = await readLegacyLibrary(layout)
  // The shards hold the articles in the order of their ids' hash; see byArrival.
  const articles = [...legacy.articles].sort(byArrival)
  const read = async (article: ArticleSummary): Promise<DraftArticle> => {
    await ensureMetadataFile(layout, article)
    return { article, text: await readArticleTextForIndex(layout, article) }
  }
  await buildDraft(layout, { sources: articles, read }, 'migrating', progress, pacing)
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
 * library.db.replaced-<time>. The folders are read many at once (the disk answers several
 * requests faster than one after another), a batch ahead of the one being written.
 */
export async function rebuildLibraryDatabase(
  layout: LibraryLayout,
  now: Date,
  progress?: ProgressListener,
  pacing = BUILD_PACING,
): Promise<{ articles: number; skipped: number }> {
  const folders = await listArticleFolders(layout)
  const captures = await readCaptures(layout, folders.ids, progress, pacing)
  const oldEdits = countryEditsOfOldDatabase(layout)
  const groupEdits = (await readGroupEdits(layout)) ?? groupEditsOfOldDatabase(layout)
  // The rest of each folder (text, edits, highlights) is read when its batch is about to be
  // written, so memory holds only the metadata, whatever the library's size.
  const read = (capture: StoredCapture): Promise<DraftArticle | null> =>
    readCaptureFiles(layout, capture, oldEdits)
  const articles = await buildDraft(
    layout,
    { sources: captures, read },
    'rebuilding',
    progress,
    pacing,
    (draft) => {
      if (groupEdits) restoreGroupEdits(draft, groupEdits)
    },
  )
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
  pacing: ReadPacing,
): Promise<StoredCapture[]> {
  const captures: StoredCapture[] = []
  let done = 0
  progress?.({ stage: 'reading', done, total: ids.length })
  for await (const batch of readAhead(ids, (id) => newestCapture(layout, id), pacing)) {
    for (const capture of batch) if (capture) captures.push(capture)
    done += batch.length
    progress?.({ stage: 'reading', done, total: ids.length })
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
async function newestCapture(layout: LibraryLayout, id: string): Promise<StoredCapture | null> {
  const folder = articleDir(layout, id)
  let names: Set<string>
  try {
    await assertNoLinkBetween(layout.root, folder)
    names = new Set(await readdir(folder))
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
      const bytes = await readRegularFile(join(folder, `${revision}.json`), 1024 * 1024)
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
 * A capture's text and what the person added beside it, read when its batch is written; null
 * when its folder has become a link since it was listed. Its files are opened without following
 * a link, right after the folder's walk, so the walk is not repeated for each.
 */
async function readCaptureFiles(
  layout: LibraryLayout,
  capture: StoredCapture,
  oldEdits: Map<string, StoredCountryEdit[]>,
): Promise<DraftArticle | null> {
  const { id } = capture.article
  const folder = articleDir(layout, id)
  try {
    await assertNoLinkBetween(layout.root, folder)
  } catch {
    return null
  }
  let text = ''
  try {
    text = (await readRegularFile(join(folder, `${capture.revision}.txt`), MAX_BODY_BYTES)).toString('utf8')
  } catch {
    // The row counts without its text, as in readArticleTextForIndex.
  }
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
