import type { SqlDatabase } from '../library/database'

/*
 * Which articles sync's look for changes here must compare with the registers (docs/sync.md,
 * "Recording"). Comparing every article (is it published, was it deleted, is its list of
 * correspondents the person's) costs time in proportion to the library: measured at 100k articles
 * it was most of each look, and a look runs after every change and twice a scan. The library's
 * change events name the articles they touched, so a look compares only those; everything is
 * compared at the first look after the library opens, after a change that names no articles (an
 * import's end, a merge), when a look failed, and every few minutes, so a change made by a path
 * that says nothing is still found.
 */

/** How often a look compares every article whatever the events said. */
export const FULL_LOOK_EVERY_MS = 5 * 60 * 1000
/** More articles than this at once are compared the whole way (one query beats many lookups). */
const MAX_NAMED = 2000

export type Scope = readonly string[] | 'all'

export class LookScope {
  private touched: Set<string> | 'all' = 'all'
  private lastFull = Number.NEGATIVE_INFINITY

  constructor(private readonly now: () => number) {}

  /** Articles changed here (their ids), or 'all' when the change does not say which. */
  note(articles: Scope): void {
    if (articles === 'all' || this.touched === 'all') {
      this.touched = 'all'
      return
    }
    for (const id of articles) this.touched.add(id)
    if (this.touched.size > MAX_NAMED) this.touched = 'all'
  }

  /** What the next look compares; what is noted from now on belongs to the look after it. */
  take(): Scope {
    const now = this.now()
    const full = this.touched === 'all' || now - this.lastFull >= FULL_LOOK_EVERY_MS
    const scope: Scope = full ? 'all' : [...(this.touched as Set<string>)]
    if (full) this.lastFull = now
    this.touched = new Set()
    return scope
  }

  /** A look that failed part-way: the next one compares everything. */
  failed(): void {
    this.touched = 'all'
  }
}

/** The ids of a scope in chunks small enough for one statement's parameters. */
export function inChunks(ids: readonly string[], size = 500): string[][] {
  const chunks: string[][] = []
  for (let at = 0; at < ids.length; at += size) chunks.push(ids.slice(at, at + size))
  return chunks
}

export function placeholders(ids: readonly unknown[]): string {
  return ids.map(() => '?').join(', ')
}

/** Articles of the scope whose capture is not in the sync folder yet (new, or captured again). */
export function dueForPublishing(db: SqlDatabase, scope: Scope, limit: number): { id: string }[] {
  const due = `SELECT a.id FROM articles a LEFT JOIN sync_published p ON p.article = a.id
    WHERE (p.article IS NULL OR p.updated_at <> a.updated_at)`
  if (scope === 'all') return db.all<{ id: string }>(`${due} LIMIT ?`, [limit])
  return inChunks(scope)
    .flatMap((ids) => db.all<{ id: string }>(`${due} AND a.id IN (${placeholders(ids)})`, ids))
    .slice(0, limit)
}
