import type { CaptureMode, FeedDefaults, FeedErrorKind, FeedInfo } from '@shared/feeds'
import { FeedErrorKind as FeedErrorKinds } from '@shared/feeds'
import type { SqlDatabase } from '../library/database'
import type { LibraryStore } from '../library/library-store'

/**
 * The feeds' SQL, and nothing else: subscriptions, their refresh state, the items seen, the author
 * feeds of followed correspondents and the library's feed defaults (in library_facts). Reads go
 * through `library.query`, writes through `library.change` (one transaction each).
 */

interface FeedRow {
  id: number
  url: string
  title: string
  site_url: string | null
  folder: string | null
  added_at: string
  etag: string | null
  last_modified: string | null
  last_refreshed_at: string | null
  last_attempt_at: string | null
  next_attempt_at: string | null
  failures: number
  error: string | null
  error_kind: string | null
  interval_minutes: number | null
  capture_mode: string
  retention_days: number | null
  correspondent: number | null
  articles: number | null
  unread: number | null
}

export interface StoredFeed extends FeedInfo {
  etag: string | null
  lastModified: string | null
  /** Set for the author feed of a followed correspondent. */
  correspondent: number | null
}

export interface StoredItem {
  key: string
  link: string | null
  version: string | null
  article: string | null
  announced: boolean
}

export const DEFAULT_FEED_DEFAULTS: FeedDefaults = { intervalMinutes: 30, retentionDays: 0 }

const FEED_SELECT = `
  SELECT f.*, c.articles, c.unread FROM feeds f
  LEFT JOIN sidebar_counts c ON c.kind = 'feed' AND c.key = CAST(f.id AS TEXT)`

function toFeed(row: FeedRow): StoredFeed {
  const kind = FeedErrorKinds.safeParse(row.error_kind)
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    siteUrl: row.site_url,
    folder: row.folder,
    addedAt: row.added_at,
    lastRefreshedAt: row.last_refreshed_at,
    lastAttemptAt: row.last_attempt_at,
    nextAttemptAt: row.next_attempt_at,
    error: row.error,
    errorKind: row.error ? (kind.success ? kind.data : 'http') : null,
    failures: row.failures,
    intervalMinutes: row.interval_minutes,
    captureMode: row.capture_mode === 'summary' ? 'summary' : 'full',
    retentionDays: row.retention_days,
    articles: row.articles ?? 0,
    unread: row.unread ?? 0,
    etag: row.etag,
    lastModified: row.last_modified,
    correspondent: row.correspondent,
  }
}

export class FeedStore {
  /**
   * Writes of a refresh round, kept until the next flush: each transaction costs ~3 fsyncs (about
   * 30 ms on this VM, on the main thread), so one per feed and one per item made refreshing 200
   * feeds with nothing new take 20 s. They are the refresh state and the items seen, never an
   * article (articles are stored at once by the capture); a kill before the flush only means those
   * feeds are asked again and those items found again by their link.
   */
  private pending: ((db: SqlDatabase) => void)[] = []

  constructor(private readonly library: LibraryStore) {}

  /** Writes what the round has kept back, in one transaction. */
  flush(): void {
    if (this.pending.length === 0) return
    const writes = this.pending
    this.pending = []
    this.library.change((db) => {
      for (const write of writes) write(db)
    })
  }

  private defer(write: (db: SqlDatabase) => void): void {
    this.pending.push(write)
  }

  /** The person's subscriptions, by folder then title; author feeds only when asked. */
  list(options: { withAuthorFeeds?: boolean } = {}): StoredFeed[] {
    const where = options.withAuthorFeeds ? '' : 'WHERE f.correspondent IS NULL'
    return this.library.query((db) =>
      db
        .all<FeedRow>(
          `${FEED_SELECT} ${where} ORDER BY f.folder IS NULL, f.folder COLLATE NOCASE, f.title COLLATE NOCASE`,
        )
        .map(toFeed),
    )
  }

  get(id: number): StoredFeed | undefined {
    return this.library.query((db) => {
      const row = db.get<FeedRow>(`${FEED_SELECT} WHERE f.id = ?`, [id])
      return row ? toFeed(row) : undefined
    })
  }

  findByUrl(url: string): StoredFeed | undefined {
    return this.library.query((db) => {
      const row = db.get<FeedRow>(`${FEED_SELECT} WHERE f.url = ?`, [url])
      return row ? toFeed(row) : undefined
    })
  }

  /** Subscribes, or returns the subscription that already has this address. */
  add(feed: {
    url: string
    title: string
    siteUrl: string | null
    folder: string | null
    captureMode: CaptureMode
    addedAt: string
    correspondent?: number | null
  }): { id: number; created: boolean } {
    return this.library.change((db) => {
      const existing = db.get<{ id: number }>('SELECT id FROM feeds WHERE url = ?', [feed.url])
      if (existing) return { id: existing.id, created: false }
      const row = db.get<{ id: number }>(
        `INSERT INTO feeds (url, title, site_url, folder, added_at, capture_mode, correspondent, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [
          feed.url,
          feed.title,
          feed.siteUrl,
          feed.folder,
          feed.addedAt,
          feed.captureMode,
          feed.correspondent ?? null,
          feed.addedAt,
        ],
      )
      return { id: row!.id, created: true }
    })
  }

  update(
    id: number,
    patch: Partial<{
      title: string
      folder: string | null
      intervalMinutes: number | null
      captureMode: CaptureMode
      retentionDays: number | null
    }>,
  ): void {
    const columns: [string, unknown][] = []
    if (patch.title !== undefined) columns.push(['title', patch.title])
    if (patch.folder !== undefined) columns.push(['folder', patch.folder || null])
    if (patch.intervalMinutes !== undefined) columns.push(['interval_minutes', patch.intervalMinutes])
    if (patch.captureMode !== undefined) columns.push(['capture_mode', patch.captureMode])
    if (patch.retentionDays !== undefined) columns.push(['retention_days', patch.retentionDays])
    if (columns.length === 0) return
    this.library.change((db) =>
      db.run(`UPDATE feeds SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`, [
        ...columns.map(([, v]) => v as string | number | null),
        id,
      ]),
    )
  }

  /** The ids of the articles reached only through this feed (what "remove with its articles" removes). */
  articlesOnlyIn(id: number): string[] {
    return this.library.query((db) =>
      db
        .all<{ id: string }>(
          `SELECT a.id FROM feed_items i JOIN articles a ON a.rowid = i.article
           WHERE i.feed = ?1 AND NOT EXISTS (
             SELECT 1 FROM feed_items o WHERE o.article = i.article AND o.feed <> ?1)`,
          [id],
        )
        .map((r) => r.id),
    )
  }

  remove(id: number): boolean {
    return this.library.change((db) => {
      const found = db.get('SELECT 1 FROM feeds WHERE id = ?', [id]) !== undefined
      db.run('DELETE FROM feeds WHERE id = ?', [id])
      db.run(`DELETE FROM sidebar_counts WHERE kind = 'feed' AND key = ?`, [String(id)])
      return found
    })
  }

  /** Feeds whose next attempt is due, the most overdue first. */
  due(now: Date): number[] {
    return this.library.query((db) =>
      db
        .all<{ id: number }>(
          `SELECT id FROM feeds WHERE next_attempt_at IS NULL OR next_attempt_at <= ? ORDER BY next_attempt_at`,
          [now.toISOString()],
        )
        .map((r) => r.id),
    )
  }

  allIds(): number[] {
    return this.library.query((db) =>
      db.all<{ id: number }>('SELECT id FROM feeds ORDER BY id').map((r) => r.id),
    )
  }

  recordSuccess(
    id: number,
    outcome: {
      at: string
      nextAttemptAt: string
      movedTo: string | null
      etag?: string | null
      lastModified?: string | null
      title?: string
      siteUrl?: string | null
    },
  ): void {
    this.defer((db) => {
      db.run(
        `UPDATE feeds SET last_refreshed_at = ?1, last_attempt_at = ?1, next_attempt_at = ?2, failures = 0,
           error = NULL, error_kind = NULL WHERE id = ?3`,
        [outcome.at, outcome.nextAttemptAt, id],
      )
      if (outcome.etag !== undefined || outcome.lastModified !== undefined) {
        db.run('UPDATE feeds SET etag = ?, last_modified = ? WHERE id = ?', [
          outcome.etag ?? null,
          outcome.lastModified ?? null,
          id,
        ])
      }
      // A feed's own title fills in a subscription that has none; a person's rename stays.
      if (outcome.title) db.run(`UPDATE feeds SET title = ? WHERE id = ? AND title = ''`, [outcome.title, id])
      if (outcome.siteUrl)
        db.run('UPDATE feeds SET site_url = ? WHERE id = ? AND site_url IS NULL', [outcome.siteUrl, id])
      // A permanent redirect moves the subscription, unless the new address is already one.
      if (outcome.movedTo) {
        db.run(
          'UPDATE feeds SET url = ?1 WHERE id = ?2 AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = ?1)',
          [outcome.movedTo, id],
        )
      }
    })
  }

  recordFailure(
    id: number,
    outcome: { at: string; nextAttemptAt: string; error: string; kind: FeedErrorKind; failures: number },
  ): void {
    this.defer((db) =>
      db.run(
        `UPDATE feeds SET last_attempt_at = ?, next_attempt_at = ?, error = ?, error_kind = ?, failures = ? WHERE id = ?`,
        [outcome.at, outcome.nextAttemptAt, outcome.error, outcome.kind, outcome.failures, id],
      ),
    )
  }

  /** Puts off a feed without counting a failure (the machine was offline). */
  postpone(id: number, nextAttemptAt: string): void {
    this.library.change((db) =>
      db.run('UPDATE feeds SET next_attempt_at = ? WHERE id = ?', [nextAttemptAt, id]),
    )
  }

  items(feed: number): Map<string, StoredItem> {
    return this.library.query((db) => {
      const rows = db.all<{
        guid: string
        link: string | null
        version: string | null
        id: string | null
        announced: number
      }>(
        `SELECT i.guid, i.link, i.version, a.id, i.announced FROM feed_items i
         LEFT JOIN articles a ON a.rowid = i.article WHERE i.feed = ?`,
        [feed],
      )
      return new Map(
        rows.map((r) => [
          r.guid,
          { key: r.guid, link: r.link, version: r.version, article: r.id, announced: r.announced === 1 },
        ]),
      )
    })
  }

  /** The article an item of any feed with this link already brought in. */
  articleForLink(link: string): string | null {
    return this.library.query(
      (db) =>
        db.get<{ id: string }>(
          `SELECT a.id FROM feed_items i JOIN articles a ON a.rowid = i.article WHERE i.link = ? LIMIT 1`,
          [link],
        )?.id ?? null,
    )
  }

  /** Records an item as seen (and its article, once there is one), replacing an earlier key. */
  saveItem(
    feed: number,
    item: {
      key: string
      previousKey?: string | null
      link: string | null
      title: string | null
      version: string
    },
    articleId: string | null,
    at: string,
    announced = false,
  ): void {
    this.defer((db) => {
      const rowid = articleId ? rowidOf(db, articleId) : null
      if (item.previousKey && item.previousKey !== item.key) {
        db.run('DELETE FROM feed_items WHERE feed = ? AND guid = ?', [feed, item.previousKey])
      }
      db.run(
        // The feed may have been removed since the write was kept back. An article another item of
        // this feed already leads to (the outlet listed it twice) is not linked again: it would
        // count twice in the feed.
        `INSERT INTO feed_items (feed, guid, link, article, seen_at, title, version, announced)
         SELECT ?1, ?2, ?3,
           CASE WHEN EXISTS (SELECT 1 FROM feed_items WHERE feed = ?1 AND article = ?4 AND guid <> ?2)
             THEN NULL ELSE ?4 END,
           ?5, ?6, ?7, ?8 WHERE EXISTS (SELECT 1 FROM feeds WHERE id = ?1)
         ON CONFLICT (feed, guid) DO UPDATE SET link = excluded.link, title = excluded.title,
           version = excluded.version, article = coalesce(excluded.article, article),
           announced = max(announced, excluded.announced)`,
        [feed, item.key, item.link, rowid, at, item.title, item.version, announced ? 1 : 0],
      )
    })
  }

  /** The (first) listed feed each article came through. */
  feedsOf(ids: string[]): Record<string, { id: number; title: string }> {
    if (ids.length === 0) return {}
    return this.library.query((db) => {
      const rows = db.all<{ article: string; id: number; title: string }>(
        `SELECT a.id AS article, f.id, f.title FROM articles a
         JOIN feed_items i ON i.article = a.rowid JOIN feeds f ON f.id = i.feed
         WHERE a.id IN (${ids.map(() => '?').join(', ')}) AND f.correspondent IS NULL
         ORDER BY f.id DESC`,
        ids,
      )
      return Object.fromEntries(rows.map((r) => [r.article, { id: r.id, title: r.title }]))
    })
  }

  /** Followed correspondents by normalised name (correspondents.name_key). */
  followedAuthors(): Map<string, string> {
    return this.library.query(
      (db) =>
        new Map(
          db
            .all<{ name_key: string; name: string }>(
              'SELECT name_key, name FROM correspondents WHERE followed = 1',
            )
            .map((r) => [r.name_key, r.name]),
        ),
    )
  }

  /**
   * The author feeds follow the correspondents table: one feed for each followed correspondent with
   * a feed address, none for the others (their articles stay). Cheap enough to run every round.
   */
  syncAuthorFeeds(at: string): void {
    const wanted = this.library.query((db) =>
      db.all<{ id: number; name: string; feed_url: string }>(
        `SELECT id, name, feed_url FROM correspondents WHERE followed = 1 AND feed_url IS NOT NULL AND feed_url <> ''`,
      ),
    )
    const have = this.library.query((db) =>
      db.all<{ id: number; correspondent: number; url: string }>(
        'SELECT id, correspondent, url FROM feeds WHERE correspondent IS NOT NULL',
      ),
    )
    const wantedIds = new Set(wanted.map((w) => w.id))
    for (const feed of have) if (!wantedIds.has(feed.correspondent)) this.remove(feed.id)
    const haveFor = new Map(have.map((f) => [f.correspondent, f]))
    for (const person of wanted) {
      const current = haveFor.get(person.id)
      if (current && current.url === person.feed_url) continue
      if (current) this.remove(current.id)
      this.add({
        url: person.feed_url,
        title: person.name,
        siteUrl: null,
        folder: null,
        captureMode: 'full',
        addedAt: at,
        correspondent: person.id,
      })
    }
  }

  defaults(): FeedDefaults {
    return this.library.query((db) => {
      const facts = new Map(
        db
          .all<{ key: string; value: string }>(
            `SELECT key, value FROM library_facts WHERE key LIKE 'feeds.%'`,
          )
          .map((r) => [r.key, Number(r.value)]),
      )
      const interval = facts.get('feeds.intervalMinutes')
      const retention = facts.get('feeds.retentionDays')
      return {
        intervalMinutes: interval && interval >= 5 ? interval : DEFAULT_FEED_DEFAULTS.intervalMinutes,
        retentionDays:
          retention !== undefined && retention >= 0 ? retention : DEFAULT_FEED_DEFAULTS.retentionDays,
      }
    })
  }

  setDefaults(patch: Partial<FeedDefaults>): void {
    this.library.change((db) => {
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue
        db.run(
          `INSERT INTO library_facts (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [`feeds.${key}`, String(value)],
        )
      }
    })
  }

  /**
   * Read articles that came through `feed`, older than `before`, that retention may remove: never a
   * starred one, one in a collection, or one by a followed correspondent.
   */
  removableArticles(feed: number, before: string): string[] {
    return this.library.query((db) =>
      db
        .all<{ id: string }>(
          `SELECT a.id FROM feed_items i JOIN articles a ON a.rowid = i.article
           WHERE i.feed = ? AND a.read = 1 AND a.starred = 0 AND a.added_at < ?
             AND NOT EXISTS (SELECT 1 FROM collection_articles m WHERE m.article = a.rowid)
             AND NOT EXISTS (SELECT 1 FROM article_correspondents ac JOIN correspondents c ON c.id = ac.correspondent
                             WHERE ac.article = a.rowid AND c.followed = 1)`,
          [feed, before],
        )
        .map((r) => r.id),
    )
  }
}

function rowidOf(db: SqlDatabase, id: string): number | null {
  return db.get<{ rowid: number }>('SELECT rowid FROM articles WHERE id = ?', [id])?.rowid ?? null
}
