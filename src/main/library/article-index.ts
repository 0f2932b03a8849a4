import type { ArticleSummary } from '@shared/article'

export type ListFilter = 'all' | 'unread' | 'starred'

/**
 * The in-memory view of the library's metadata: every article by id, in list order (newest added
 * first), and by address. Pure data structure; the store keeps it in step with the shards on disk.
 */
export class ArticleIndex {
  private readonly byId = new Map<string, ArticleSummary>()
  private readonly byUrl = new Map<string, string>()
  private order: ArticleSummary[] = []
  private unread = 0
  private starred = 0

  /** Builds the index from a bulk load in one sort, rather than one insertion per article. */
  static fromArticles(articles: Iterable<ArticleSummary>): ArticleIndex {
    const index = new ArticleIndex()
    for (const article of articles) {
      index.byId.set(article.id, article)
      index.order.push(article)
      index.track(article, 1)
    }
    index.order.sort(compareNewestFirst)
    return index
  }

  get size(): number {
    return this.byId.size
  }

  count(filter: ListFilter): number {
    if (filter === 'unread') return this.unread
    if (filter === 'starred') return this.starred
    return this.byId.size
  }

  get(id: string): ArticleSummary | undefined {
    return this.byId.get(id)
  }

  findByUrl(url: string): ArticleSummary | undefined {
    const id = this.byUrl.get(url)
    return id === undefined ? undefined : this.byId.get(id)
  }

  page(filter: ListFilter, offset: number, limit: number): ArticleSummary[] {
    if (filter === 'all') return this.order.slice(offset, offset + limit)
    const matches = filter === 'unread' ? isUnread : isStarred
    const items: ArticleSummary[] = []
    let skipped = 0
    for (const article of this.order) {
      if (!matches(article)) continue
      if (skipped < offset) {
        skipped++
        continue
      }
      items.push(article)
      if (items.length === limit) break
    }
    return items
  }

  /** Adds an article or replaces the one with the same id, keeping list order. */
  upsert(article: ArticleSummary): void {
    const previous = this.byId.get(article.id)
    if (previous) this.remove(previous.id)
    this.byId.set(article.id, article)
    this.order.splice(this.insertionPoint(article), 0, article)
    this.track(article, 1)
  }

  remove(id: string): ArticleSummary | undefined {
    const article = this.byId.get(id)
    if (!article) return undefined
    this.byId.delete(id)
    const at = this.positionOf(article)
    if (at >= 0) this.order.splice(at, 1)
    this.track(article, -1)
    return article
  }

  private track(article: ArticleSummary, delta: 1 | -1): void {
    if (!article.read) this.unread += delta
    if (article.starred) this.starred += delta
    for (const url of [article.url, article.canonicalUrl]) {
      if (!url) continue
      if (delta === 1) this.byUrl.set(url, article.id)
      else if (this.byUrl.get(url) === article.id) this.byUrl.delete(url)
    }
  }

  private insertionPoint(article: ArticleSummary): number {
    let low = 0
    let high = this.order.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (compareNewestFirst(this.order[mid]!, article) < 0) low = mid + 1
      else high = mid
    }
    return low
  }

  private positionOf(article: ArticleSummary): number {
    const at = this.insertionPoint(article)
    if (this.order[at]?.id === article.id) return at
    // Only reachable if an entry's sort key was changed in place; fall back to a scan.
    return this.order.findIndex((a) => a.id === article.id)
  }
}

function isUnread(article: ArticleSummary): boolean {
  return !article.read
}

function isStarred(article: ArticleSummary): boolean {
  return article.starred
}

/** Newest added first; the id breaks ties so the order is total and stable across loads. */
export function compareNewestFirst(a: ArticleSummary, b: ArticleSummary): number {
  if (a.addedAt !== b.addedAt) return a.addedAt < b.addedAt ? 1 : -1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
