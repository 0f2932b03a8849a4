import type { Article, ArticleSummary } from '@shared/article'
import type { ListDate } from '@shared/reading'
import type { ArticleFilter, ArticleSort, SidebarCounts, StateCounts } from '@shared/contract'
import { DatelineError } from '@shared/errors'
import {
  readArticleBody,
  readArticleTextForIndex,
  removeOtherRevisions,
  writeArticleFiles,
  type ArticleBody,
} from './article-files'
import { isTextQuery, type ArticleQuerySql } from './article-query'
import { plannedListQuery } from './list-plan'
import { correspondentCountryCounts, correspondentCounts } from './correspondent-country-counts'
import { ARTICLE_COLUMNS, summariesOf, writeArticleRow, type ArticleRow } from './article-rows'
import { unindexArticle } from './article-text-index'
import { keptArticleTexts } from './article-texts'
import { backUpIfDue } from './backups'
import type { SqlDatabase } from './database'
import type { ProgressListener } from './database-builder'
import { libraryLayout, type BodyRef, type LibraryLayout } from './layout'
import { acquireLibraryLock, waitForLibraryLock, type LibraryLock, type WaitForLockOptions } from './lock'
import {
  needsRecovery,
  needsUpgrade,
  newerLibrary,
  openDatabase,
  prepareFolder,
  upgradeForWriting,
} from './library-open'
import { CURRENT_SCHEMA_VERSION, writeManifest } from './manifest'
import { MediaStore } from './media-store'
import { pendingIndexRebuild, rebuildTextIndex } from '../search/rebuild-index'
import { matchesFor, searchArticles, type TextSearchPage } from '../search/search-library'
import { parseQuery } from '../search/query-parser'
import { expandSmartCollection } from '../collections/smart-filter'
import { purgeExpiredTrash } from '../trash/trash-store'
import { foldedTotalFromCounts } from '../stories/story-fold-counts'
import { FoldedPageMarks, foldedMarkOf } from '../stories/folded-page-marks'

export type { ArticleBody } from './article-files'

export interface OpenLibraryOptions {
  /** Reading only (list, show): no lock, no clean-up, nothing written. */
  readOnly?: boolean
  /** Wait for another writer instead of failing at once (the CLI; see waitForLibraryLock). */
  waitForLock?: WaitForLockOptions
  /** Told how an upgrade from an older library goes. */
  progress?: ProgressListener
  /** Hold the database lock until close (the app and serve; see OpenDatabaseOptions.exclusive). */
  exclusive?: boolean
  now?: () => Date
}

export type StateChange = Partial<Record<'read' | 'starred' | 'archived', boolean>>

export interface ListRequest {
  filter: ArticleFilter
  sort: ArticleSort
  /** Which date orders the list (saved by default). */
  by?: ListDate
  offset: number
  limit: number
  /** One row per story (a text query's results are never folded). */
  foldStories?: boolean
}

/** A search that cannot find anything (a smart collection whose filters contradict the list's). */
function nothingFound(filter: ArticleFilter): TextSearchPage {
  return { total: 0, totalIsLowerBound: false, items: [], query: parseQuery(filter.query ?? '') }
}

/** What a deleted article was, kept in the trash (see trash/trash-store.ts), to restore it exactly. */
interface TrashRecord {
  article: ArticleSummary
  collections: { collection: number; position: number; added_at: string }[]
}

/**
 * The library on disk: metadata, states and relations in library.db (SQLite), bodies and pictures
 * as files. Queries go to the database each time, so nothing is loaded at open and a CLI read
 * costs the same at 100 articles as at 100,000. Every change is one transaction in `commit`.
 * Bodies are written (and flushed) before the row that names them, so a kill at any moment leaves
 * either the old state or the new one.
 */
export class LibraryStore {
  readonly media: MediaStore
  private readonly puts = new Map<string, Promise<ArticleSummary>>()
  /** Where the folded list's pages ended, so a deep page need not walk the rows above it. */
  private readonly foldedMarks = new FoldedPageMarks()
  private closed = false

  private constructor(
    readonly layout: LibraryLayout,
    private readonly db: SqlDatabase,
    readonly schemaVersion: number,
    private readonly readOnly: boolean,
    private readonly lock: LibraryLock | null,
    private readonly now: () => Date,
  ) {
    this.media = new MediaStore(layout)
  }

  static async open(root: string, options: OpenLibraryOptions = {}): Promise<LibraryStore> {
    const layout = libraryLayout(root)
    const now = options.now ?? (() => new Date())
    const readOnly = options.readOnly ?? false
    if (readOnly) return LibraryStore.openForReading(layout, options, now)
    const { manifest, created } = await prepareFolder(layout, false, now)
    if (manifest.schemaVersion > CURRENT_SCHEMA_VERSION) throw newerLibrary(layout, manifest)
    const lock = options.waitForLock
      ? await waitForLibraryLock(layout, options.waitForLock)
      : await acquireLibraryLock(layout)
    if (!lock) throw new DatelineError('LIBRARY_BUSY', `The library at ${root} is open in another Dateline.`)
    try {
      const current = await upgradeForWriting(layout, manifest, lock, options.progress)
      const db = await openDatabase(layout, {
        readOnly: false,
        created,
        exclusive: options.exclusive ?? false,
      })
      const store = new LibraryStore(layout, db, CURRENT_SCHEMA_VERSION, false, lock, now)
      try {
        // A schema step that remade the index table, or a `dateline reindex` a kill stopped,
        // leaves the index to be (re)built: done here, with progress, before anything reads it.
        if (pendingIndexRebuild(db) !== null) await store.reindex(options.progress, true)
        if (current.schemaVersion < CURRENT_SCHEMA_VERSION) {
          await writeManifest(layout, { ...current, schemaVersion: CURRENT_SCHEMA_VERSION })
        }
        await purgeExpiredTrash(store, now())
      } catch (error) {
        db.close()
        throw error
      }
      return store
    } catch (error) {
      await lock.release()
      throw error
    }
  }

  private static async openForReading(
    layout: LibraryLayout,
    options: OpenLibraryOptions,
    now: () => Date,
  ): Promise<LibraryStore> {
    const { manifest, created } = await prepareFolder(layout, true, now)
    if (manifest.schemaVersion > CURRENT_SCHEMA_VERSION) throw newerLibrary(layout, manifest)
    // A library nobody holds is upgraded, or recovered after a crash, by a brief writable open.
    const upgrade = async (): Promise<void> => {
      const writer = await LibraryStore.open(layout.root, {
        ...options,
        readOnly: false,
        exclusive: false,
      }).catch((error: unknown) => {
        if (error instanceof DatelineError && error.code === 'LIBRARY_BUSY') return null
        throw error
      })
      await writer?.close()
      if (!writer && manifest.schemaVersion < CURRENT_SCHEMA_VERSION) throw needsUpgrade(layout)
    }
    if (manifest.schemaVersion < CURRENT_SCHEMA_VERSION || (await needsRecovery(layout))) await upgrade()
    // A `dateline reindex` stopped part-way left an index that finds only some articles.
    let rebuilding = false as boolean
    const verify = (opened: SqlDatabase): void => {
      rebuilding = pendingIndexRebuild(opened) !== null
    }
    let db = await openDatabase(layout, { readOnly: true, created, verify })
    if (rebuilding) {
      db.close()
      await upgrade()
      db = await openDatabase(layout, { readOnly: true, created })
    }
    return new LibraryStore(layout, db, CURRENT_SCHEMA_VERSION, true, null, now)
  }

  get path(): string {
    return this.layout.root
  }

  // ---- Reading

  get(id: string): ArticleSummary | undefined {
    return this.db.read(() => {
      const row = this.db.get<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?`, [id])
      return row ? summariesOf(this.db, [row])[0] : undefined
    })
  }

  require(id: string): ArticleSummary {
    const article = this.get(id)
    if (!article) throw new DatelineError('NOT_FOUND', `There is no article ${id} in this library.`)
    return article
  }

  findByUrl(url: string): ArticleSummary | undefined {
    return this.db.read(() => this.findRowByUrl(url))
  }

  private findRowByUrl(url: string): ArticleSummary | undefined {
    const row = this.db.get<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.url = ?1 OR a.canonical_url = ?1
       ORDER BY a.added_at DESC LIMIT 1`,
      [url],
    )
    return row ? summariesOf(this.db, [row])[0] : undefined
  }

  async readArticle(id: string): Promise<Article> {
    const summary = this.require(id)
    return { ...summary, ...(await readArticleBody(this.layout, summary)) }
  }

  /** One page of the list with its total; every filter of ArticleFilter combines with the others. */
  listArticles(request: ListRequest): { total: number; items: ArticleSummary[] } {
    return this.db.read(() => this.queryPage(request))
  }

  /** A page and the sidebar counts in one read, as articles.list answers. */
  listWithCounts(request: ListRequest): { total: number; items: ArticleSummary[]; counts: SidebarCounts } {
    return this.db.read(() => ({ ...this.queryPage(request), counts: this.sidebarCounts() }))
  }

  private queryPage(asked: ListRequest): { total: number; items: ArticleSummary[] } {
    const filter = expandSmartCollection(this.db, asked.filter)
    if (!filter) return { total: 0, items: [] }
    const request = { ...asked, filter }
    if (isTextQuery(request.filter)) {
      const { total, items } = searchArticles(this.db, request)
      return { total, items }
    }
    const library = this.counts()
    const read = (sql: ArticleQuerySql): ArticleRow[] =>
      this.db.all<ArticleRow>(sql.page.replace('{columns}', ARTICLE_COLUMNS), sql.pageParams)
    // Folded, the page is planned once, from where the marks start it.
    let folded: ArticleQuerySql | undefined
    const rows = request.foldStories
      ? this.foldedMarks.page(
          this.db,
          request,
          (offset, after) =>
            read((folded = plannedListQuery(this.db, { ...request, offset, after }, library))),
          (row) => foldedMarkOf(this.db, row.rowid, request.by),
        )
      : null
    const sql = folded ?? plannedListQuery(this.db, request, library)
    // Folded, a total is the list's less the articles folding hides (schema 17), never a flat one.
    const pairCounts =
      sql.stateOnly || request.foldStories ? null : correspondentCountryCounts(this.db, request.filter)
    const total = sql.stateOnly
      ? this.stateTotal(request.filter.state, library)
      : ((sql.countedGroup ? this.groupTotal(sql.countedGroup, request.filter.state) : null) ??
        (pairCounts ? this.stateTotal(request.filter.state, pairCounts) : null) ??
        (request.foldStories ? foldedTotalFromCounts(this.db, request.filter) : null) ??
        this.db.get<{ total: number }>(sql.count, sql.countParams)?.total ??
        0)
    return { total, items: summariesOf(this.db, rows ?? read(sql)) }
  }

  /** One page found by the filter's text query (see src/main/search), with what was understood. */
  searchArticles(request: ListRequest): TextSearchPage {
    return this.db.read(() => {
      const filter = expandSmartCollection(this.db, request.filter)
      if (!filter) return nothingFound(request.filter)
      return searchArticles(this.db, { ...request, filter })
    })
  }

  /** The headline and snippet of each found article, with the query's words marked. */
  searchMatches(page: TextSearchPage): ReturnType<typeof matchesFor> {
    return matchesFor(page.items, page.query, (refs) => this.readArticleTexts(refs))
  }

  /**
   * The stored plain text of each article's revision, in order: the copy kept in the database
   * when it is current and intact (article-texts.ts), else its `.txt` file; '' when neither reads.
   */
  async readArticleTexts(refs: readonly BodyRef[]): Promise<string[]> {
    const kept = this.db.read(() => keptArticleTexts(this.db, refs))
    return Promise.all(
      refs.map(async (ref) => kept.get(ref.id) ?? (await readArticleTextForIndex(this.layout, ref))),
    )
  }

  /**
   * `dateline reindex`: the full-text index built again from the rows and the stored text, a batch
   * per transaction (see search-library.ts). Never needed at start-up: the index follows every write.
   */
  async reindex(progress?: ProgressListener, resume = false): Promise<number> {
    this.assertWritable()
    const result = await rebuildTextIndex(
      this.db,
      this.layout,
      (work) => this.commit(work),
      ({ done, total }) => progress?.({ stage: 'indexing', done, total }),
      resume,
    )
    return result.done
  }

  /** The newest `limit` ids, for walks over the library (export) without loading it. */
  allIds(): string[] {
    return this.db.all<{ id: string }>('SELECT id FROM articles ORDER BY added_at DESC, id').map((r) => r.id)
  }

  counts(): StateCounts {
    return (
      this.db.get<StateCounts>(
        `SELECT articles, unread, starred, archived FROM sidebar_counts WHERE kind = 'library' AND key = ''`,
      ) ?? { articles: 0, unread: 0, starred: 0, archived: 0 }
    )
  }

  sidebarCounts(): SidebarCounts {
    return this.db.read(() => this.querySidebarCounts())
  }

  private querySidebarCounts(): SidebarCounts {
    const groups = (kind: string): { key: string; articles: number; unread: number }[] =>
      this.db.all(
        `SELECT key, articles, unread FROM sidebar_counts WHERE kind = ? AND articles + archived > 0`,
        [kind],
      )
    const names = (table: string, column: string): Map<number, string> =>
      new Map(
        this.db
          .all<{ id: number; name: string }>(`SELECT id, ${column} AS name FROM ${table}`)
          .map((r) => [r.id, r.name]),
      )
    const collectionNames = names('collections', 'name')
    const feedTitles = names('feeds', 'title')
    return {
      library: this.counts(),
      countries: groups('country')
        .map((g) => ({ code: g.key, articles: g.articles, unread: g.unread }))
        .sort((a, b) => b.articles - a.articles || a.code.localeCompare(b.code)),
      collections: groups('collection').flatMap((g) => {
        const name = collectionNames.get(Number(g.key))
        return name === undefined ? [] : [{ id: Number(g.key), name, articles: g.articles, unread: g.unread }]
      }),
      feeds: groups('feed').flatMap((g) => {
        const title = feedTitles.get(Number(g.key))
        return title === undefined
          ? []
          : [{ id: Number(g.key), title, articles: g.articles, unread: g.unread }]
      }),
    }
  }

  /** The total from a group's counters, or null when the group is several (a name of two entries). */
  private groupTotal(
    group: NonNullable<ArticleQuerySql['countedGroup']>,
    state: ArticleFilter['state'],
  ): number | null {
    let key: string
    if (typeof group.key === 'string') key = group.key
    else if ('collectionName' in group.key) {
      key = String(
        this.db.get<{ id: number }>('SELECT id FROM collections WHERE name = ?', [group.key.collectionName])
          ?.id ?? '',
      )
    } else {
      // Counted per name: a person is one entry per outlet (schema 16).
      const counts = correspondentCounts(this.db, group.key.correspondentName, null)
      return counts ? this.stateTotal(state, counts) : null
    }
    const counts = this.db.get<StateCounts>(
      'SELECT articles, unread, starred, archived FROM sidebar_counts WHERE kind = ? AND key = ?',
      [group.kind, key],
    )
    return this.stateTotal(state, counts ?? { articles: 0, unread: 0, starred: 0, archived: 0 })
  }

  private stateTotal(state: ArticleFilter['state'], counts: StateCounts): number {
    if (state === 'unread') return counts.unread
    if (state === 'starred') return counts.starred
    if (state === 'archived') return counts.archived
    return counts.articles
  }

  // ---- Changing: every change is one transaction, through commit()

  /**
   * For the features that keep tables of their own in the library database (countries,
   * correspondents, feeds, collections): their stores query through here and change through
   * `change`, so every write still goes through `commit`. Keep their SQL in their own modules.
   */
  query<T>(read: (db: SqlDatabase) => T): T {
    return read(this.db)
  }

  change<T>(write: (db: SqlDatabase) => T): T {
    return this.commit(() => write(this.db))
  }

  /** The database row number of an article, which the relation tables use as its key. */
  articleRowid(id: string): number {
    return this.rowidOf(id)
  }

  /**
   * The one write path. Everything a change does to the database happens in `change`, inside one
   * transaction that reaches the disk (synchronous=FULL) before this returns. A sync change log
   * would hook in here.
   */
  private commit<T>(change: () => T): T {
    this.assertWritable()
    return this.db.transaction(change)
  }

  /**
   * Stores an article: its files first, then its row, which is the moment it exists. Returns what
   * was stored (states and the day it was first added kept from the copy already in the library).
   */
  async putArticle(article: ArticleSummary, body: ArticleBody): Promise<ArticleSummary> {
    // Two captures of one article at once would each remove the other's body files; take turns.
    const previous = this.puts.get(article.id) ?? Promise.resolve()
    const turn = previous.catch(() => undefined).then(() => this.writeArticle(article, body))
    this.puts.set(article.id, turn)
    try {
      return await turn
    } finally {
      if (this.puts.get(article.id) === turn) this.puts.delete(article.id)
    }
  }

  private async writeArticle(captured: ArticleSummary, body: ArticleBody): Promise<ArticleSummary> {
    this.assertWritable()
    await writeArticleFiles(this.layout, captured, body)
    const stored = this.commit(() => {
      // The person may have changed a state while the new copy was being written; those changes
      // were acknowledged, so they win over what the capture saw when it started.
      const current = this.get(captured.id)
      const article = current
        ? {
            ...captured,
            read: current.read,
            starred: current.starred,
            archived: current.archived,
            addedAt: current.addedAt,
          }
        : captured
      writeArticleRow(this.db, article, body.text)
      this.db.run('DELETE FROM trash WHERE id = ?', [article.id])
      return article
    })
    await removeOtherRevisions(this.layout, stored)
    return stored
  }

  /** One change of state for a selection, in one transaction; returns the articles as they now are. */
  setStates(ids: string[], change: StateChange): ArticleSummary[] {
    const at = this.now().toISOString()
    return this.commit(() => {
      for (const id of ids) this.require(id)
      const set = Object.entries(change).filter(([, value]) => value !== undefined)
      if (set.length > 0) {
        const assignments = set.map(([column]) => `${column} = ?`).join(', ')
        for (const id of ids) {
          this.db.run(`UPDATE articles SET ${assignments}, state_changed_at = ? WHERE id = ?`, [
            ...set.map(([, value]) => value === true),
            at,
            id,
          ])
        }
      }
      return ids.map((id) => this.require(id))
    })
  }

  /** Moves an article to the trash; its files stay until the trash lets it go, so it can be restored. */
  async deleteArticle(id: string): Promise<ArticleSummary> {
    const at = this.now().toISOString()
    return this.commit(() => {
      const article = this.require(id)
      const rowid = this.rowidOf(id)
      const record: TrashRecord = {
        article,
        collections: this.db.all(
          'SELECT collection, position, added_at FROM collection_articles WHERE article = ?',
          [rowid],
        ),
      }
      this.db.run(
        `INSERT INTO trash (id, deleted_at, record) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET deleted_at = excluded.deleted_at, record = excluded.record`,
        [id, at, JSON.stringify(record)],
      )
      unindexArticle(this.db, rowid)
      this.db.run('DELETE FROM articles WHERE rowid = ?', [rowid])
      return article
    })
  }

  async restoreArticle(id: string): Promise<ArticleSummary> {
    this.assertWritable()
    const entry = this.db.get<{ record: string }>('SELECT record FROM trash WHERE id = ?', [id])
    if (!entry) {
      throw new DatelineError(
        'NOT_FOUND',
        'That article is no longer in the trash, so it cannot be restored.',
      )
    }
    const record = JSON.parse(entry.record) as TrashRecord
    const text = await readArticleTextForIndex(this.layout, record.article)
    return this.commit(() => {
      if (!this.db.get('SELECT 1 FROM trash WHERE id = ?', [id])) return this.require(id)
      const rowid = writeArticleRow(this.db, record.article, text)
      for (const m of record.collections) {
        this.db.run(
          `INSERT INTO collection_articles (collection, article, position, added_at)
           SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM collections WHERE id = ?)
           ON CONFLICT DO NOTHING`,
          [m.collection, rowid, m.position, m.added_at, m.collection],
        )
      }
      this.db.run('DELETE FROM trash WHERE id = ?', [id])
      return this.require(id)
    })
  }

  /** Today's backup of the database, if it has none yet (see backups.ts). */
  async backUpIfDue(): Promise<string | null> {
    this.assertWritable()
    return backUpIfDue(this.db, this.layout, this.now())
  }

  /** Finalises every statement, closes the database, then lets another process open the library. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await Promise.all([...this.puts.values()].map((p) => p.catch(() => undefined)))
    this.db.close()
    await this.lock?.release()
  }

  private rowidOf(id: string): number {
    const row = this.db.get<{ rowid: number }>('SELECT rowid FROM articles WHERE id = ?', [id])
    if (!row) throw new DatelineError('NOT_FOUND', `There is no article ${id} in this library.`)
    return row.rowid
  }

  private assertWritable(): void {
    if (this.readOnly) throw new DatelineError('INTERNAL', 'This library was opened for reading only.')
    if (this.closed) throw new DatelineError('INTERNAL', 'This library has been closed.')
  }
}
