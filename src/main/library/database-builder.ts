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
import { isArticleId, assertNoLinkBetween, readRegularFile } from './confined-files'
import { databaseLockPath, SqlDatabase } from './database'
import { readLegacyLibrary } from './legacy-json-library'
import {
  articleCorrespondentsEditPath,
  articleMetadataPath,
  bodyRevision,
  type LibraryLayout,
} from './layout'
import { migrateDatabase } from './schema'
import { setAsideForBulkLoad } from './bulk-load'
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
  stage: 'migrating' | 'rebuilding' | 'indexing'
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
  read: (item: T) => Promise<DraftArticle | null>,
  size = BATCH,
): AsyncGenerator<{ articles: DraftArticle[]; covered: number }> {
  for (let at = 0; at < items.length; at += size) {
    const slice = items.slice(at, at + size)
    const articles = await Promise.all(slice.map(read))
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
  const batches = inBatches(legacy.articles, async (article) => {
    await ensureMetadataFile(layout, article)
    return { article, text: await readArticleTextForIndex(layout, article) }
  })
  await buildDraft(layout, { total: legacy.articles.length, batches }, 'migrating', progress)
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
 * library.db.replaced-<time>.
 */
export async function rebuildLibraryDatabase(
  layout: LibraryLayout,
  now: Date,
  progress?: ProgressListener,
): Promise<{ articles: number; skipped: number }> {
  const folders = await listArticleFolders(layout)
  const oldEdits = countryEditsOfOldDatabase(layout)
  const groupEdits = (await readGroupEdits(layout)) ?? groupEditsOfOldDatabase(layout)
  // Each folder is read whole when its batch is written, not all of them first: its files are
  // read right after the folder was found free of links, and memory stays flat at any size.
  const batches = inBatches(folders.ids, (id) => readStoredArticle(layout, id, oldEdits))
  const articles = await buildDraft(
    layout,
    { total: folders.ids.length, batches },
    'rebuilding',
    progress,
    (draft) => {
      if (groupEdits) restoreGroupEdits(draft, groupEdits)
    },
  )
  const stamp = now.toISOString().replace(/[^0-9TZ]/g, '')
  await installDraft(layout, `${layout.database}.replaced-${stamp}`)
  return { articles, skipped: folders.skipped + folders.ids.length - articles }
}

/** The article folders' ids, in the order the folders list them; a name that is not an id is skipped. */
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

/**
 * An article folder's newest complete capture (html, txt and json, the metadata validated), its
 * text, and what the person added beside it; null when it holds no complete capture. The
 * folder's listing says which edits files there are: most articles have none, and looking for
 * each missing file (a link check of its path, then an open) was a sixth of a rebuild's CPU.
 */
async function readStoredArticle(
  layout: LibraryLayout,
  id: string,
  oldEdits: Map<string, StoredCountryEdit[]>,
): Promise<DraftArticle | null> {
  const folder = join(layout.articlesDir, id.slice(0, 2), id)
  try {
    await assertNoLinkBetween(layout.root, folder)
  } catch {
    return null
  }
  const files = new Set(await readdir(folder).catch(() => [] as string[]))
  const found = await newestCapture(folder, id, files)
  if (!found) return null
  const has = (path: string): boolean => files.has(basename(path))
  // The person's list of who wrote it, kept beside the captures (correspondents/person-edit-file.ts).
  const edit = has(articleCorrespondentsEditPath(layout, id))
    ? await readCorrespondentsEdit(layout, id)
    : null
  const countryEdits = [
    ...(oldEdits.get(id) ?? []),
    ...(has(countryEditsPath(layout, id)) ? await readCountryEditsFile(layout, id) : []),
  ]
  return {
    article: edit ? { ...found.article, correspondents: edit } : found.article,
    text: found.text,
    correspondentsEdited: edit !== null,
    countryEdits,
    highlights: files.has(HIGHLIGHTS_FILE) ? await readHighlightsFile(layout, id) : [],
  }
}

/**
 * The newest capture of a folder just found free of links: its metadata and its text, each file
 * opened without following a link (readRegularFile), so the folder's walk is not repeated per file.
 */
async function newestCapture(
  folder: string,
  id: string,
  names: Set<string>,
): Promise<{ article: ArticleSummary; text: string } | null> {
  const revisions = [...names]
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -5))
    .filter((revision) => names.has(`${revision}.html`) && names.has(`${revision}.txt`))
    .sort()
    .reverse()
  for (const revision of revisions) {
    try {
      const bytes = await readRegularFile(join(folder, `${revision}.json`), 1024 * 1024)
      const parsed = StoredArticleMetadata.safeParse(JSON.parse(bytes.toString('utf8')))
      if (parsed.success && parsed.data.id === id && bodyRevision(parsed.data.updatedAt) === revision) {
        // The row counts without its text, as in readArticleTextForIndex.
        const text = await readRegularFile(join(folder, `${revision}.txt`), MAX_BODY_BYTES).then(
          (body) => body.toString('utf8'),
          () => '',
        )
        return { article: { ...parsed.data, read: false, starred: false, archived: false }, text }
      }
    } catch {
      // A damaged metadata file: try the capture before it.
    }
  }
  return null
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
