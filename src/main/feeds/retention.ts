import type { LibraryStore } from '../library/library-store'
import type { FeedStore } from './feed-store'

const DAY = 24 * 60 * 60_000

/**
 * Retention applies to what feeds brought in: a feed's own rule, else the library's default. It
 * removes read articles older than the rule's days (to the trash, kept there 30 days), never a
 * starred one, one in a collection or one by a followed correspondent (see removableArticles).
 * Articles the person saved by hand are never touched. Returns how many were removed.
 */
export async function removeExpiredArticles(
  store: FeedStore,
  library: LibraryStore,
  now: Date,
): Promise<number> {
  const fallback = store.defaults().retentionDays
  let removed = 0
  for (const feed of store.list({ withAuthorFeeds: true })) {
    const days = feed.retentionDays ?? fallback
    if (days <= 0) continue
    const before = new Date(now.getTime() - days * DAY).toISOString()
    for (const id of store.removableArticles(feed.id, before)) {
      await library.deleteArticle(id)
      removed++
    }
  }
  return removed
}
