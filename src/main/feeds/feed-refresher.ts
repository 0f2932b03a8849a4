import type { FeedRefreshResult, RefreshOutcome } from '@shared/feeds'
import { toErrorInfo } from '@shared/errors'
import type { EventBus } from '../api/event-bus'
import type { AddArticleResult } from '@shared/contract'
import type { CaptureSource } from '../ingest/capture'
import type { ImageLimits } from '../ingest/download-images'
import type { Extractor } from '../ingest/extractor-types'
import type { FetchFunction, FetchLimits } from '../ingest/fetch-page'
import { correspondentKey } from '../library/article-rows'
import type { LibraryStore } from '../library/library-store'
import { nextAttemptAfterFailure, nextAttemptAfterSuccess } from './backoff'
import { FeedError } from './feed-error'
import { FeedStore, type StoredFeed } from './feed-store'
import type { FeedFetchLimits } from './fetch-feed'
import { createKeyedLimiter, createLimiter } from './limiter'
import type { FeedItem } from './parse-feed'
import { removeExpiredArticles } from './retention'

export interface FeedRefresherOptions {
  library: LibraryStore
  extractor: Extractor
  events: EventBus
  fetch: FetchFunction
  now: () => Date
  pageLimits?: FetchLimits
  imageLimits?: ImageLimits
  feedLimits?: FeedFetchLimits
  /** The host's own word on the network (Electron's net.isOnline); without it, failures tell. */
  isOnline?: () => boolean
  /** Feeds fetched at once, and at once from one host. */
  concurrency?: number
  perHost?: number
  /** Articles captured at once (each fetches a page and its pictures). */
  captureConcurrency?: number
}

/** Far more than a refresh should bring in from one feed; the rest come at the next refresh. */
const MAX_NEW_ITEMS_PER_REFRESH = 100

interface FeedPass {
  result: FeedRefreshResult
  /** The feed as the pass left it (its writes may still be kept back; see FeedStore.flush). */
  feed: StoredFeed
  /** The feed could not be reached at all (no answer from its host). */
  unreachable: FeedError | null
  host: string
}

/**
 * Refreshes feeds: fetch (politely), parse, find what is new or changed, capture it through the
 * capture pipeline, and remember what was seen. One broken feed is one failed result, never a
 * failed round. Rounds do not overlap: a refresh asked for during one waits for it.
 */
export class FeedRefresher {
  readonly store: FeedStore
  /** Which of these feeds this device refreshes on schedule (sync's leases: one device per feed). */
  claimFeeds: ((urls: string[]) => Set<string>) | null = null
  private current: Promise<RefreshOutcome> | null = null
  private wasOffline = false
  private readonly captureTurn: ReturnType<typeof createLimiter>
  private readonly capturing = new Map<string, Promise<string>>()

  constructor(private readonly options: FeedRefresherOptions) {
    this.store = new FeedStore(options.library)
    this.captureTurn = createLimiter(options.captureConcurrency ?? 4)
  }

  get refreshing(): boolean {
    return this.current !== null
  }

  get offline(): boolean {
    return this.wasOffline
  }

  /** Refreshes the given feeds (all of them when left out), after any round already running. */
  async refresh(ids?: number[]): Promise<RefreshOutcome> {
    while (this.current) await this.current.catch(() => undefined)
    const round = this.runRound(ids)
    this.current = round
    try {
      return await round
    } finally {
      this.current = null
    }
  }

  private async runRound(ids: number[] | undefined): Promise<RefreshOutcome> {
    const now = this.options.now()
    this.store.syncAuthorFeeds(now.toISOString())
    const wanted = ids ?? this.store.allIds()
    const found = wanted.map((id) => this.store.get(id)).filter((f): f is StoredFeed => f !== undefined)
    const claimed = ids === undefined ? this.claimFeeds?.(found.map((f) => f.url)) : undefined
    const feeds = claimed ? found.filter((f) => claimed.has(f.url)) : found
    const total = feeds.length
    const emit = (done: number, finished: boolean, offline: boolean, feed?: StoredFeed): void =>
      this.options.events.emit('feeds.progress', {
        done,
        total,
        finished,
        offline,
        ...(feed ? { feed: publicFeed(feed) } : {}),
      })
    if (this.options.isOnline && !this.options.isOnline()) {
      this.wasOffline = true
      this.postponeWhileOffline(feeds.map((f) => f.id))
      emit(0, true, true)
      return { results: [], offline: true, removed: 0 }
    }
    emit(0, false, false)

    const flusher = setInterval(() => this.flushQuietly(), FLUSH_EVERY_MS)
    try {
      return await this.refreshAll(feeds, now, emit)
    } finally {
      clearInterval(flusher)
      this.flushQuietly()
    }
  }

  private async refreshAll(
    feeds: StoredFeed[],
    now: Date,
    emit: (done: number, finished: boolean, offline: boolean, feed?: StoredFeed) => void,
  ): Promise<RefreshOutcome> {
    const fetchTurn = createLimiter(this.options.concurrency ?? 6)
    const hostTurn = createKeyedLimiter(this.options.perHost ?? 2)
    const passes: FeedPass[] = []
    let offline = false
    let done = 0
    await Promise.all(
      feeds.map((feed) =>
        fetchTurn(async () => {
          if (offline) return
          const host = hostOf(feed.url)
          const pass = await hostTurn(host, () => this.refreshFeed(feed))
          passes.push(pass)
          offline = offline || looksOffline(passes)
          if (!pass.unreachable) emit(++done, false, false, pass.feed)
        }),
      ),
    )
    // A feed that could not be reached while nothing could is no failure of the feed's: the
    // machine was offline. Those feeds, and the ones not tried, are tried again soon.
    const results: FeedRefreshResult[] = []
    for (const pass of passes) {
      if (!pass.unreachable) {
        results.push(pass.result)
        continue
      }
      if (offline) {
        this.store.postpone(pass.result.feed, new Date(now.getTime() + OFFLINE_RETRY_MS).toISOString())
        continue
      }
      results.push(pass.result)
      emit(++done, false, false, this.recordFailure(pass.feed, pass.unreachable))
    }
    this.wasOffline = offline
    this.flushQuietly()
    const removed = offline
      ? 0
      : await removeExpiredArticles(this.store, this.options.library, this.options.now())
    emit(done, true, offline)
    return { results, offline, removed }
  }

  private flushQuietly(): void {
    try {
      this.store.flush()
    } catch (error) {
      console.error(`dateline: feeds: could not record the refresh: ${toErrorInfo(error).message}`)
    }
  }

  private postponeWhileOffline(ids: number[]): void {
    const at = new Date(this.options.now().getTime() + OFFLINE_RETRY_MS).toISOString()
    for (const id of ids) this.store.postpone(id, at)
  }

  private async refreshFeed(feed: StoredFeed): Promise<FeedPass> {
    const started = Date.now()
    const result: FeedRefreshResult = {
      feed: feed.id,
      title: feed.title || feed.url,
      new: 0,
      updated: 0,
      errors: 0,
      error: null,
      notModified: false,
      ms: 0,
    }
    const host = hostOf(feed.url)
    let shown = feed
    const finish = (): FeedPass => ({
      result: { ...result, ms: Date.now() - started },
      feed: shown,
      unreachable: null,
      host,
    })
    try {
      // The fetch (with its encoding sniffers) is loaded by the first refresh, not at open.
      const { defaultFeedLimits, fetchFeed } = await import('./fetch-feed')
      const response = await fetchFeed(
        feed.url,
        { etag: feed.etag, lastModified: feed.lastModified },
        this.options.fetch,
        this.options.feedLimits ?? defaultFeedLimits,
      )
      const at = this.options.now()
      const next = nextAttemptAfterSuccess(at, this.intervalOf(feed)).toISOString()
      const answered: StoredFeed = {
        ...feed,
        url: response.movedTo ?? feed.url,
        lastRefreshedAt: at.toISOString(),
        lastAttemptAt: at.toISOString(),
        nextAttemptAt: next,
        failures: 0,
        error: null,
        errorKind: null,
      }
      if (response.kind === 'not-modified') {
        result.notModified = true
        this.store.recordSuccess(feed.id, {
          at: at.toISOString(),
          nextAttemptAt: next,
          movedTo: response.movedTo,
        })
        shown = answered
        return finish()
      }
      // Loaded on first use: every CLI command opens the app, few of them read feeds.
      const { parseFeedDocument } = await import('./parse-feed')
      const parsed = parseFeedDocument(response.bytes, response.contentType, response.finalUrl)
      await this.takeItems(feed, parsed.title, parsed.items, result)
      this.store.recordSuccess(feed.id, {
        at: this.options.now().toISOString(),
        nextAttemptAt: next,
        movedTo: response.movedTo,
        etag: response.etag,
        lastModified: response.lastModified,
        title: parsed.title,
        siteUrl: parsed.siteUrl,
      })
      shown = {
        ...answered,
        title: feed.title || parsed.title,
        siteUrl: feed.siteUrl ?? parsed.siteUrl,
        articles: feed.articles + result.new,
        unread: feed.unread + result.new,
      }
      return finish()
    } catch (error) {
      const failure =
        error instanceof FeedError
          ? error
          : new FeedError('http', `could not be read: ${toErrorInfo(error).message}`)
      result.error = failure.message
      if (failure.kind === 'unreachable') {
        return { result: { ...result, ms: Date.now() - started }, feed, unreachable: failure, host }
      }
      shown = this.recordFailure(feed, failure)
      return finish()
    }
  }

  private recordFailure(feed: StoredFeed, failure: FeedError): StoredFeed {
    const at = this.options.now()
    const failures = feed.failures + 1
    const nextAttemptAt = nextAttemptAfterFailure(
      at,
      this.intervalOf(feed),
      failures,
      failure.retryAfterSeconds,
    ).toISOString()
    this.store.recordFailure(feed.id, {
      at: at.toISOString(),
      nextAttemptAt,
      error: failure.message,
      kind: failure.kind,
      failures,
    })
    return {
      ...feed,
      lastAttemptAt: at.toISOString(),
      nextAttemptAt,
      error: failure.message,
      errorKind: failure.kind,
      failures,
    }
  }

  private intervalOf(feed: StoredFeed): number {
    return feed.intervalMinutes ?? this.store.defaults().intervalMinutes
  }

  /**
   * What is new is captured, what changed is captured again, what was seen is left alone. Items are
   * the same when their key (GUID) is, else when their link is; an article another feed already
   * brought in is linked, not stored twice.
   */
  private async takeItems(
    feed: StoredFeed,
    feedTitle: string,
    items: FeedItem[],
    result: FeedRefreshResult,
  ): Promise<void> {
    const seen = this.store.items(feed.id)
    const byLink = new Map([...seen.values()].filter((i) => i.link).map((i) => [i.link!, i]))
    const followed = this.store.followedAuthors()
    const changedIds: string[] = []
    const work: Promise<void>[] = []
    let taken = 0
    const keys = new Set<string>()
    for (const item of items) {
      if (keys.has(item.key)) continue
      keys.add(item.key)
      const known = seen.get(item.key) ?? (item.link ? byLink.get(item.link) : undefined)
      if (known && (known.version === item.version || known.article === null)) continue
      if (!known && ++taken > MAX_NEW_ITEMS_PER_REFRESH) break
      const author = item.authors.map((a) => followed.get(correspondentKey(a))).find((n) => n !== undefined)
      const full = feed.captureMode === 'full' || feed.correspondent !== null || author !== undefined
      // Told once: an item seen already was told when it was new.
      const who = author ?? (feed.correspondent !== null ? feed.title : undefined)
      const announce = who !== undefined && !known?.announced
      work.push(
        this.takeItem(
          feed,
          feedTitle,
          item,
          known?.key ?? null,
          known ? 'update' : 'new',
          full,
          announce,
        ).then(
          (articleId) => {
            if (known) result.updated++
            else result.new++
            changedIds.push(articleId)
            if (announce) {
              const article = this.options.library.get(articleId)
              this.options.events.emit('feeds.notice', {
                articleId,
                title: article?.title ?? item.title ?? 'A new article',
                correspondent: who!,
                feedTitle: feed.title || feedTitle,
              })
            }
          },
          () => {
            result.errors++
          },
        ),
      )
    }
    await Promise.all(work)
    if (changedIds.length > 0) this.options.events.emit('library.changed', { ids: changedIds })
  }

  private async takeItem(
    feed: StoredFeed,
    feedTitle: string,
    item: FeedItem,
    previousKey: string | null,
    kind: 'new' | 'update',
    full: boolean,
    announce: boolean,
  ): Promise<string> {
    const at = this.options.now().toISOString()
    const already =
      kind === 'new' && item.link
        ? (this.store.articleForLink(item.link) ?? this.options.library.findByUrl(item.link)?.id ?? null)
        : null
    const articleId = already ?? (await this.captureOnce(item, feedTitle || feed.title, full))
    this.store.saveItem(feed.id, { ...item, previousKey }, articleId, at, announce)
    return articleId
  }

  /** Two feeds of one round carrying the same link share one capture. */
  private captureOnce(item: FeedItem, feedTitle: string, full: boolean): Promise<string> {
    const key = item.link
    const running = key ? this.capturing.get(key) : undefined
    if (running) return running
    const capture = this.captureTurn(() => this.capture(item, feedTitle, full))
    if (!key) return capture
    this.capturing.set(key, capture)
    return capture.finally(() => this.capturing.delete(key))
  }

  /** The page itself when the feed captures in full, its own content otherwise or when the page fails. */
  private async capture(item: FeedItem, feedTitle: string, full: boolean): Promise<string> {
    const hasContent = Boolean(item.contentHtml ?? item.summary)
    if (full && item.link) {
      try {
        return (await this.captureSource({ kind: 'url', url: item.link })).article.id
      } catch (error) {
        if (!hasContent) throw error
      }
    }
    if (!hasContent && !item.title)
      throw new FeedError('not-a-feed', 'the item has neither a link nor content')
    const { itemDocument } = await import('./item-document')
    return (
      await this.captureSource({
        kind: 'html',
        html: itemDocument(item, feedTitle),
        ...(item.link ? { baseUrl: item.link, origin: 'url' as const } : {}),
      })
    ).article.id
  }

  /** The capture code (page reading, pictures) is loaded with the first item kept, not at open. */
  private async captureSource(source: CaptureSource): Promise<AddArticleResult> {
    const { captureArticle } = await import('../ingest/capture')
    return captureArticle(source, {
      library: this.options.library,
      extractor: this.options.extractor,
      fetch: this.options.fetch,
      now: this.options.now,
      progress: () => undefined,
      ...(this.options.pageLimits ? { pageLimits: this.options.pageLimits } : {}),
      ...(this.options.imageLimits ? { imageLimits: this.options.imageLimits } : {}),
    })
  }
}

const OFFLINE_RETRY_MS = 2 * 60_000
/** How often a round writes what it kept back (see FeedStore.flush). */
const FLUSH_EVERY_MS = 500

/**
 * The machine is taken to be offline when nothing answered and feeds on at least two different
 * hosts could not be reached: one dead host is that feed's problem, every host at once is ours.
 */
function looksOffline(passes: FeedPass[]): boolean {
  if (passes.some((p) => !p.unreachable)) return false
  return new Set(passes.map((p) => p.host)).size >= 2
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

/** What the window sees of a feed (no validators). */
export function publicFeed(feed: StoredFeed): Omit<StoredFeed, 'etag' | 'lastModified' | 'correspondent'> {
  const { etag: _etag, lastModified: _lastModified, correspondent: _correspondent, ...shown } = feed
  return shown
}
