import { z } from 'zod'
import { BrokenRow, ImportFormat, type FailedImportItem, type ImportJob } from '@shared/imports'
import type { SqlDatabase } from '../library/database'
import { normaliseArticleUrl } from '../ingest/article-identity'
import {
  addToCollection,
  collectionByName,
  ensureCollection,
  normaliseName,
} from '../collections/collection-store'
import type { ImportedContent, ImportRow, ParsedExport } from './import-row'

/** The import queue's SQL (tables in import-schema.ts). Every write runs inside the caller's `library.change`. */

const KEPT_BROKEN_ROWS = 200

/** An item waiting to be captured, with its job's start (to tell its own captures from older articles). */
export interface QueuedItem {
  id: number
  job: number
  jobCreatedAt: string
  line: number
  url: string
  title: string | null
  tags: string[]
  read: boolean
  starred: boolean
  archived: boolean
  savedAt: string | null
  content: ImportedContent | null
}

interface ItemRow {
  id: number
  job: number
  job_created_at: string
  line: number
  url: string
  title: string | null
  tags: string
  read: number
  starred: number
  archived: number
  saved_at: string | null
  content_kind: 'html' | 'markdown' | null
  content: string | null
  byline: string | null
  published_at: string | null
}

/** The address by which an article is recognised (article-identity's rule), or the address as written. */
export function urlKey(url: string): string {
  try {
    return normaliseArticleUrl(url)
  } catch {
    return url
  }
}

/**
 * Queues a parsed export as one job. Rows whose article is in the library already go into the
 * collections of their tags at once and are not queued; rows queued by an earlier import are left
 * out; the same link twice in the file is one item with the tags and states of both.
 */
export function queueExport(db: SqlDatabase, parsed: ParsedExport, fileName: string, at: string): number {
  const rows = mergeDuplicates(parsed.rows)
  const collectionNames = [...new Set(parsed.rows.flatMap((row) => row.tags))]
  const job = db.run(
    `INSERT INTO import_jobs (file_name, format, created_at, row_count, already_there, broken_count,
       broken_rows, collections) VALUES (?, ?, ?, ?, 0, ?, ?, ?)`,
    [
      fileName,
      parsed.format,
      at,
      parsed.rows.length,
      parsed.broken.length,
      JSON.stringify(parsed.broken.slice(0, KEPT_BROKEN_ROWS)),
      JSON.stringify(collectionNames),
    ],
  ).lastInsertRowid
  let alreadyThere = parsed.rows.length - rows.length
  for (const { row, key } of rows) {
    const article = db.get<{ rowid: number }>(
      'SELECT rowid FROM articles WHERE url = ?1 OR canonical_url = ?1 OR url = ?2 LIMIT 1',
      [key, row.url],
    )
    if (article) {
      alreadyThere++
      fileInCollections(db, article.rowid, row.tags, at)
      continue
    }
    // One statement per row: the unique url_key leaves out what an earlier import queued.
    const queued = db.run(
      `INSERT INTO import_items (job, line, url, url_key, title, tags, read, starred, archived, saved_at,
         content_kind, content, byline, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (url_key) DO NOTHING`,
      [
        job,
        row.line,
        row.url,
        key,
        row.title,
        JSON.stringify(row.tags),
        row.read,
        row.starred,
        row.archived,
        row.savedAt,
        row.content?.kind ?? null,
        row.content?.body ?? null,
        row.content?.byline ?? null,
        row.content?.publishedAt ?? null,
      ],
    )
    if (queued.changes === 0) alreadyThere++
  }
  db.run('UPDATE import_jobs SET already_there = ? WHERE id = ?', [alreadyThere, job])
  return job
}

function mergeDuplicates(rows: ImportRow[]): { row: ImportRow; key: string }[] {
  const byKey = new Map<string, ImportRow>()
  for (const row of rows) {
    const key = urlKey(row.url)
    const first = byKey.get(key)
    if (!first) {
      byKey.set(key, row)
      continue
    }
    byKey.set(key, {
      ...first,
      title: first.title ?? row.title,
      tags: [...new Set([...first.tags, ...row.tags])],
      read: first.read || row.read,
      starred: first.starred || row.starred,
      archived: first.archived || row.archived,
      savedAt: earliest(first.savedAt, row.savedAt),
      content: first.content ?? row.content,
    })
  }
  return [...byKey].map(([key, row]) => ({ row, key }))
}

function earliest(a: string | null, b: string | null): string | null {
  if (!a || !b) return a ?? b
  return a < b ? a : b
}

/**
 * Files an imported article in the collections its tags or folders name. A name the person already
 * uses for a smart collection is left to that search (its articles are what it finds).
 */
export function fileInCollections(db: SqlDatabase, rowid: number, names: string[], at: string): void {
  for (const name of names) {
    const existing = collectionByName(db, name)
    if ((existing && existing.query !== null) || normaliseName(name) === '') continue
    addToCollection(db, ensureCollection(db, name, at), [rowid], at)
  }
}

/** The next items to capture, oldest first, from imports not paused, leaving out those under way. */
export function nextQueuedItems(db: SqlDatabase, underWay: number[], limit: number): QueuedItem[] {
  const placeholders = underWay.map(() => '?').join(', ')
  const rows = db.all<ItemRow>(
    `SELECT i.id, i.job, j.created_at AS job_created_at, i.line, i.url, i.title, i.tags, i.read, i.starred,
       i.archived, i.saved_at, i.content_kind, i.content, i.byline, i.published_at
     FROM import_items i JOIN import_jobs j ON j.id = i.job
     WHERE i.state = 'queued' AND j.paused = 0 ${underWay.length > 0 ? `AND i.id NOT IN (${placeholders})` : ''}
     ORDER BY i.id LIMIT ?`,
    [...underWay, limit],
  )
  return rows.map(queuedItemOf)
}

function queuedItemOf(row: ItemRow): QueuedItem {
  return {
    id: row.id,
    job: row.job,
    jobCreatedAt: row.job_created_at,
    line: row.line,
    url: row.url,
    title: row.title,
    tags: parseList(row.tags),
    read: row.read === 1,
    starred: row.starred === 1,
    archived: row.archived === 1,
    savedAt: row.saved_at,
    content:
      row.content_kind && row.content
        ? { kind: row.content_kind, body: row.content, byline: row.byline, publishedAt: row.published_at }
        : null,
  }
}

/**
 * The item's article is stored: when that article came in with this import (it was not in the
 * library before the import was queued, and no import has dated it yet), it takes the states and
 * the save date the other app had; in any case it joins the collections of its tags.
 */
export function completeItem(
  db: SqlDatabase,
  item: QueuedItem,
  article: { id: string; addedAt: string },
  at: string,
): void {
  const rowid = db.get<{ rowid: number }>('SELECT rowid FROM articles WHERE id = ?', [article.id])?.rowid
  if (rowid !== undefined) {
    if (article.addedAt >= item.jobCreatedAt) {
      db.run(
        `UPDATE articles SET read = ?, starred = ?, archived = ?, added_at = coalesce(?, added_at),
           state_changed_at = ? WHERE rowid = ?`,
        [item.read, item.starred, item.archived, item.savedAt, at, rowid],
      )
    }
    fileInCollections(db, rowid, item.tags, at)
  }
  db.run(
    `UPDATE import_items SET state = 'done', article = ?, content = NULL, error = NULL,
       attempts = attempts + 1 WHERE id = ?`,
    [article.id, item.id],
  )
}

export function failItem(db: SqlDatabase, itemId: number, message: string): void {
  db.run(`UPDATE import_items SET state = 'failed', error = ?, attempts = attempts + 1 WHERE id = ?`, [
    message.slice(0, 2000),
    itemId,
  ])
}

export function setPaused(db: SqlDatabase, job: number, paused: boolean): void {
  db.run('UPDATE import_jobs SET paused = ? WHERE id = ?', [paused, job])
}

export function requeueFailed(db: SqlDatabase, job: number): number {
  return db.run(`UPDATE import_items SET state = 'queued' WHERE job = ? AND state = 'failed'`, [job]).changes
}

/** Whether an import still has articles waiting (cheaper than its counts, asked after every capture). */
export function jobHasWaiting(db: SqlDatabase, job: number): boolean {
  return db.get(`SELECT 1 FROM import_items WHERE job = ? AND state = 'queued' LIMIT 1`, [job]) !== undefined
}

export function jobExists(db: SqlDatabase, job: number): boolean {
  return db.get('SELECT 1 FROM import_jobs WHERE id = ?', [job]) !== undefined
}

interface JobRow {
  id: number
  file_name: string
  format: string
  created_at: string
  paused: number
  row_count: number
  already_there: number
  broken_count: number
  broken_rows: string
  collections: string
}

export function readJob(db: SqlDatabase, job: number): ImportJob | undefined {
  const row = db.get<JobRow>('SELECT * FROM import_jobs WHERE id = ?', [job])
  return row ? jobOf(db, row) : undefined
}

export function readJobs(db: SqlDatabase): ImportJob[] {
  return db.all<JobRow>('SELECT * FROM import_jobs ORDER BY id DESC').map((row) => jobOf(db, row))
}

function jobOf(db: SqlDatabase, row: JobRow): ImportJob {
  const byState = new Map(
    db
      .all<{ state: string; n: number }>(
        'SELECT state, count(*) AS n FROM import_items WHERE job = ? GROUP BY state',
        [row.id],
      )
      .map((r) => [r.state, r.n]),
  )
  const withText =
    db.get<{ n: number }>(
      'SELECT count(*) AS n FROM import_items WHERE job = ? AND content_kind IS NOT NULL',
      [row.id],
    )?.n ?? 0
  const waiting = byState.get('queued') ?? 0
  const done = byState.get('done') ?? 0
  const failed = byState.get('failed') ?? 0
  return {
    id: row.id,
    fileName: row.file_name,
    format: ImportFormat.catch('urls').parse(row.format),
    createdAt: row.created_at,
    state: waiting === 0 ? 'finished' : row.paused === 1 ? 'paused' : 'running',
    counts: {
      rows: row.row_count,
      queued: waiting + done + failed,
      done,
      failed,
      alreadyThere: row.already_there,
      broken: row.broken_count,
      withText,
    },
    collections: parseList(row.collections),
    brokenRows: readJson(row.broken_rows, z.array(BrokenRow)),
  }
}

export function readFailures(db: SqlDatabase, job: number, limit = 200): FailedImportItem[] {
  return db.all<FailedImportItem>(
    `SELECT url, title, line, coalesce(error, '') AS error, attempts FROM import_items
     WHERE job = ? AND state = 'failed' ORDER BY id LIMIT ?`,
    [job, limit],
  )
}

const NameList = z.array(z.string().max(1000))

/** What the library holds is read as data: a list that is not one (a hand-edited row) is empty. */
function parseList(json: string): string[] {
  return readJson(json, NameList)
}

function readJson<T>(json: string, schema: z.ZodType<T[]>): T[] {
  try {
    const parsed = schema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}
