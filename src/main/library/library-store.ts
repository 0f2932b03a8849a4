import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { Article, ArticleSummary } from '@shared/article'
import { DatelineError } from '@shared/errors'
import { PRIVATE_FOLDER, removeStaleTempFiles, writeFileAtomic } from './atomic-file'
import { ArticleIndex, type ListFilter } from './article-index'
import { assertNoLinkBetween, isArticleId, readRegularFile } from './confined-files'
import { sanitizeStoredHtml } from '../ingest/sanitize'
import { AtomicJsonFile } from './json-file'
import {
  articleDir,
  articleHtmlPath,
  articleTextPath,
  bodyRevision,
  libraryLayout,
  shardKey,
  shardKeys,
  shardPath,
  type LibraryLayout,
} from './layout'
import { acquireLibraryLock, type LibraryLock } from './lock'
import {
  assertReadableAsIs,
  migrateLibrary,
  newManifest,
  readManifest,
  writeManifest,
  type Manifest,
} from './manifest'
import { MediaStore } from './media-store'
import { SerialWriter } from './serial-writer'

interface ShardData {
  articles: Record<string, ArticleSummary>
}

interface TrashData {
  articles: Record<string, { article: ArticleSummary; deletedAt: string }>
}

interface Shard {
  db: Low<ShardData>
  writer: SerialWriter
}

export interface ArticleBody {
  html: string
  text: string
}

export interface OpenLibraryOptions {
  /** Reading only (list, show): no lock, no clean-up, nothing written. */
  readOnly?: boolean
  /**
   * Return as soon as the first page of the list can be served (from meta/head.json) and load the
   * shards in the background; every other query waits for `ready()`. At 100,000 articles the full
   * load takes most of a second, the head a few milliseconds.
   */
  background?: boolean
  now?: () => Date
}

/** The newest articles and the counts, as the list shows them first. Derived, rewritten on every change. */
interface ListHead {
  total: number
  unread: number
  starred: number
  items: ArticleSummary[]
}

const HEAD_SIZE = 200

/**
 * The library on disk. Metadata lives in memory (ArticleIndex) and in 256 lowdb shards; bodies and
 * images are files of their own. Every write is atomic and ordered so that a kill at any moment
 * leaves either the old state or the new one: bodies before metadata on add, metadata before body
 * removal on purge.
 */
export class LibraryStore {
  readonly media: MediaStore
  private readonly shards = new Map<string, Shard>()
  private readonly puts = new Map<string, Promise<ArticleSummary>>()
  private trash!: Low<TrashData>
  private trashWriter!: SerialWriter
  private index = new ArticleIndex()
  private closed = false
  private loading: Promise<void> = Promise.resolve()
  private loaded = false
  private head: ListHead | null = null
  private readonly headWriter: SerialWriter
  /** True when meta/head.json disagreed with the shards (missing, or a crash between the two writes). */
  headWasStale = false

  private constructor(
    readonly layout: LibraryLayout,
    readonly schemaVersion: number,
    private readonly readOnly: boolean,
    private readonly lock: LibraryLock | null,
  ) {
    this.media = new MediaStore(layout)
    this.headWriter = new SerialWriter(() =>
      writeFileAtomic(this.layout.head, JSON.stringify(this.currentHead())),
    )
  }

  static async open(root: string, options: OpenLibraryOptions = {}): Promise<LibraryStore> {
    const layout = libraryLayout(root)
    const now = options.now ?? (() => new Date())
    const readOnly = options.readOnly ?? false
    const manifest = await prepareFolder(layout, readOnly, now)
    const lock = readOnly ? null : await acquireLibraryLock(layout)
    try {
      if (readOnly) assertReadableAsIs(layout, manifest)
      const current = readOnly ? manifest : await migrateLibrary(layout, manifest)
      const store = new LibraryStore(layout, current.schemaVersion, readOnly, lock)
      if (options.background) store.head = await readHead(layout)
      store.loading = store.load()
      // Failures surface through ready(); nobody may be listening yet.
      store.loading.catch(() => undefined)
      if (!options.background) await store.loading
      return store
    } catch (error) {
      await lock?.release()
      throw error
    }
  }

  get path(): string {
    return this.layout.root
  }

  /** Resolves once every shard is in memory; rejects with the reason if the library cannot be read. */
  ready(): Promise<void> {
    return this.loading
  }

  /** One page of the list, served from the head while the rest of the library is still loading. */
  async page(
    filter: ListFilter,
    offset: number,
    limit: number,
  ): Promise<{ total: number; items: ArticleSummary[] }> {
    const head = this.head
    if (!this.loaded && head && filter === 'all' && offset + limit <= head.items.length) {
      return { total: head.total, items: head.items.slice(offset, offset + limit) }
    }
    await this.loading
    return { total: this.index.count(filter), items: this.index.page(filter, offset, limit) }
  }

  count(filter: ListFilter = 'all'): number {
    return this.index.count(filter)
  }

  list(filter: ListFilter, offset: number, limit: number): ArticleSummary[] {
    return this.index.page(filter, offset, limit)
  }

  get(id: string): ArticleSummary | undefined {
    return this.index.get(id)
  }

  findByUrl(url: string): ArticleSummary | undefined {
    return this.index.findByUrl(url)
  }

  require(id: string): ArticleSummary {
    const article = this.index.get(id)
    if (!article) throw new DatelineError('NOT_FOUND', `There is no article ${id} in this library.`)
    return article
  }

  async readArticle(id: string): Promise<Article> {
    return this.readBody(this.require(id))
  }

  /**
   * One whole article; one of the newest (in the head) opens without waiting for the rest of the
   * library to load, which at 100k articles saves the person most of a second on their first click.
   */
  async article(id: string): Promise<Article> {
    const early = this.loaded ? undefined : this.head?.items.find((a) => a.id === id)
    // A head left behind by a crash may name a copy that is gone; the full library then knows better.
    if (early) {
      const article = await this.readBody(early).catch(() => null)
      if (article) return article
    }
    await this.loading
    return this.readArticle(id)
  }

  private async readBody(summary: ArticleSummary): Promise<Article> {
    try {
      const htmlPath = articleHtmlPath(this.layout, summary)
      await assertNoLinkBetween(this.layout.root, htmlPath)
      const [html, text] = await Promise.all([
        readRegularFile(htmlPath, MAX_BODY_BYTES),
        readRegularFile(articleTextPath(this.layout, summary), MAX_BODY_BYTES),
      ])
      return { ...summary, html: sanitizeStoredHtml(html.toString('utf8')), text: text.toString('utf8') }
    } catch (error) {
      if (error instanceof DatelineError) throw error
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ELOOP') {
        throw new DatelineError(
          'LIBRARY_DAMAGED',
          `The text of "${summary.title}" is a link in the library folder; Dateline does not follow links.`,
        )
      }
      if (code !== 'ENOENT') throw error
      throw new DatelineError(
        'LIBRARY_DAMAGED',
        `The text of "${summary.title}" is missing from the library folder. Add the article again to restore it.`,
      )
    }
  }

  /**
   * Stores an article: its body first, then its metadata, which is the moment it exists. Returns
   * what was stored (read and starred state kept from the copy already in the library).
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
    const folder = articleDir(this.layout, captured.id)
    await assertNoLinkBetween(this.layout.root, folder)
    await mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER })
    await Promise.all([
      writeFileAtomic(articleHtmlPath(this.layout, captured), body.html),
      writeFileAtomic(articleTextPath(this.layout, captured), body.text),
    ])
    // The person may have marked it read or starred while the new copy was being written; those
    // changes were acknowledged, so they win over what the capture saw when it started.
    const current = this.index.get(captured.id)
    const article = current
      ? { ...captured, read: current.read, starred: current.starred, addedAt: current.addedAt }
      : captured
    const shard = this.shardOf(article.id)
    shard.db.data.articles[article.id] = article
    this.index.upsert(article)
    this.refreshHead()
    await shard.writer.save()
    await removeOtherRevisions(folder, bodyRevision(article.updatedAt))
    if (this.trash.data.articles[article.id]) {
      delete this.trash.data.articles[article.id]
      await this.trashWriter.save()
    }
    return article
  }

  async updateArticle(
    id: string,
    change: (article: ArticleSummary) => ArticleSummary,
  ): Promise<ArticleSummary> {
    this.assertWritable()
    const previous = this.require(id)
    // updatedAt names the body files (a new capture), so a metadata change must keep it.
    const updated = { ...change(previous), updatedAt: previous.updatedAt }
    const shard = this.shardOf(id)
    shard.db.data.articles[id] = updated
    this.index.upsert(updated)
    this.refreshHead()
    await shard.writer.save()
    return updated
  }

  /** Moves an article to the trash; its files stay until the next open so it can be restored. */
  async deleteArticle(id: string, now: Date): Promise<ArticleSummary> {
    this.assertWritable()
    const article = this.require(id)
    this.trash.data.articles[id] = { article, deletedAt: now.toISOString() }
    await this.trashWriter.save()
    const shard = this.shardOf(id)
    delete shard.db.data.articles[id]
    this.index.remove(id)
    this.refreshHead()
    await shard.writer.save()
    return article
  }

  async restoreArticle(id: string): Promise<ArticleSummary> {
    this.assertWritable()
    const entry = this.trash.data.articles[id]
    if (!entry) {
      throw new DatelineError(
        'NOT_FOUND',
        'That article is no longer in the trash, so it cannot be restored.',
      )
    }
    const shard = this.shardOf(id)
    shard.db.data.articles[id] = entry.article
    this.index.upsert(entry.article)
    this.refreshHead()
    await shard.writer.save()
    delete this.trash.data.articles[id]
    await this.trashWriter.save()
    return entry.article
  }

  /** Waits for every pending write, then lets another process open the library. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.loading.catch(() => undefined)
    await this.headWriter.idle()
    await Promise.all([...this.shards.values()].map((s) => s.writer.idle()))
    await this.trashWriter?.idle()
    await this.lock?.release()
  }

  private async load(): Promise<void> {
    if (!this.readOnly) await removeStaleTempFiles(this.layout.metaDir)
    const loaded: { key: string; db: Low<ShardData> }[] = []
    const keys = shardKeys()
    // A few shards at a time, yielding in between, so calls keep being answered while it loads.
    for (let at = 0; at < keys.length; at += SHARDS_PER_BATCH) {
      const batch = await Promise.all(
        keys.slice(at, at + SHARDS_PER_BATCH).map(async (key) => {
          const db = new Low<ShardData>(new AtomicJsonFile(shardPath(this.layout, key), `meta/${key}.json`), {
            articles: {},
          })
          await db.read()
          return { key, db }
        }),
      )
      loaded.push(...batch)
      await new Promise((resolve) => setImmediate(resolve))
    }
    for (const { key, db } of loaded) {
      this.shards.set(key, { db, writer: new SerialWriter(() => db.write()) })
    }
    this.trash = new Low<TrashData>(new AtomicJsonFile(this.layout.trash), { articles: {} })
    await this.trash.read()
    this.trashWriter = new SerialWriter(() => this.trash.write())
    // Entries whose id is not an id, or sits in the wrong shard, did not come from Dateline: they
    // stay in their file untouched, but nothing is done with them (their id would become a path).
    this.index = ArticleIndex.fromArticles(
      loaded.flatMap(({ key, db }) =>
        Object.entries(db.data.articles)
          .filter(([id, article]) => isArticleId(id) && article?.id === id && shardKey(id) === key)
          .map(([, article]) => article),
      ),
    )
    if (!this.readOnly) await this.purgeTrash()
    this.loaded = true
    const served = this.head
    const matches = served !== null && JSON.stringify(served) === JSON.stringify(this.currentHead())
    this.head = null
    if (!matches && !this.readOnly) {
      // Only a head that was actually used can have shown something out of date.
      this.headWasStale = served !== null
      await this.headWriter.save()
    }
  }

  /**
   * The head is a cache of the shards, so a change is acknowledged once its shard is on disk; the
   * head follows in the background. If the process dies in between, the next open serves a head
   * one change old for the second it takes to load, then corrects it (headWasStale).
   */
  private refreshHead(): void {
    this.headWriter.save().catch(() => undefined)
  }

  private currentHead(): ListHead {
    return {
      total: this.index.count('all'),
      unread: this.index.count('unread'),
      starred: this.index.count('starred'),
      items: this.index.page('all', 0, HEAD_SIZE),
    }
  }

  /**
   * Deleted articles become permanent at the next open. An entry that is also live in a shard
   * was restored or re-added before a crash, so its files stay.
   */
  private async purgeTrash(): Promise<void> {
    const entries = Object.keys(this.trash.data.articles)
    if (entries.length === 0) return
    for (const id of entries) {
      // A crafted trash may name any path; only a real id, in a folder reached through no link, goes.
      if (!isArticleId(id) || this.index.get(id)) continue
      const folder = articleDir(this.layout, id)
      const safe = await assertNoLinkBetween(this.layout.root, folder).then(
        () => true,
        () => false,
      )
      if (safe) await rm(folder, { recursive: true, force: true })
    }
    this.trash.data.articles = {}
    await this.trashWriter.save()
  }

  private shardOf(id: string): Shard {
    const shard = this.shards.get(shardKey(id))
    if (!shard) throw new DatelineError('INVALID_INPUT', `"${id}" is not an article id.`)
    return shard
  }

  private assertWritable(): void {
    if (this.readOnly) throw new DatelineError('INTERNAL', 'This library was opened for reading only.')
    if (this.closed) throw new DatelineError('INTERNAL', 'This library has been closed.')
  }
}

const SHARDS_PER_BATCH = 16

/** A page is capped at 10 MB when fetched; a body file larger than this was not written by Dateline. */
const MAX_BODY_BYTES = 64 * 1024 * 1024

/**
 * After a re-capture is acknowledged, the previous copy's files (and any left by a capture that was
 * killed before its metadata was written) go. Best effort: a leftover costs only disk space.
 */
async function removeOtherRevisions(folder: string, current: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[])
  const stale = names.filter((name) => !name.startsWith(`${current}.`))
  await Promise.all(stale.map((name) => rm(join(folder, name), { force: true }).catch(() => undefined)))
}

/** The head is only a cache: a missing or unreadable one just means the first page waits for the full load. */
async function readHead(layout: LibraryLayout): Promise<ListHead | null> {
  try {
    const head = JSON.parse(await readFile(layout.head, 'utf8')) as ListHead
    return Array.isArray(head.items) && Number.isInteger(head.total) ? head : null
  } catch {
    return null
  }
}

async function prepareFolder(layout: LibraryLayout, readOnly: boolean, now: () => Date): Promise<Manifest> {
  const manifest = await readManifest(layout)
  if (manifest) return manifest
  if (await hasForeignFiles(layout.root)) {
    throw new DatelineError(
      'LIBRARY_DAMAGED',
      `The folder ${layout.root} already holds other files and is not a Dateline library. ` +
        'Choose an empty folder or an existing library with --library.',
    )
  }
  if (readOnly) return newManifest(now())
  await mkdir(layout.root, { recursive: true, mode: PRIVATE_FOLDER })
  const created = newManifest(now())
  await writeManifest(layout, created)
  return created
}

async function hasForeignFiles(root: string): Promise<boolean> {
  try {
    if (!(await stat(root)).isDirectory()) return true
    const names = await readdir(root)
    // An interrupted first open may have left the lock or empty folders behind.
    return names.some((name) => !['library.lock', 'meta', 'articles', 'media', '.DS_Store'].includes(name))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}
