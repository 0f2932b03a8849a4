import type { ArticleFilter, ArticleSort } from '@shared/contract'
import type { ListDate } from '@shared/reading'
import type { SqlDatabase } from '../library/database'

/**
 * Where the pages of the folded list ended, so the next page starts from there (keyset) instead
 * of walking every article above it: a folded row is an article no other of its story comes
 * before, and telling that takes a probe of its story per article walked, so a page at offset
 * 20,000 cost ~360 ms at 100k against a few ms for the first. The window asks the pages in
 * order as the person scrolls, so nearly every page has the one above it served just before.
 *
 * A mark is the list's sort key (the date column and the id) of the row just above a position,
 * per list (filter, order, date). Exact, never an estimate: marks are dropped as soon as the
 * database changes (this connection's row changes, or another's commit), so a page read from a
 * mark holds exactly the rows the same offset would. A page asked with no mark at or above it (a
 * jump down the scrollbar, the first page after a change) walks from the nearest one, or from
 * the top, as before.
 */

/** The sort key of a row: `a.<column>` and `a.id`. */
export interface PageMark {
  value: string
  id: string
}

export interface FoldedListRequest {
  filter: ArticleFilter
  sort: ArticleSort
  by?: ListDate
  offset: number
  limit: number
}

/** Lists remembered at once (the one in view and the few the person switched between). */
const LISTS_KEPT = 8
/** Positions remembered per list: 2,000 pages of 100 reach past any library's folded list. */
const MARKS_PER_LIST = 2000

export class FoldedPageMarks {
  private version = ''
  private readonly lists = new Map<string, Map<number, PageMark>>()

  /**
   * Reads a page of the folded list: from the nearest mark at or above its offset when there is
   * one (`read` gets the offset past the mark and the mark), else from the top; remembers where it
   * ended. `read` returns the page's rows; `markOf` the sort key of one of them.
   */
  page<Row>(
    db: SqlDatabase,
    request: FoldedListRequest,
    read: (offset: number, after: PageMark | undefined) => Row[],
    markOf: (row: Row) => PageMark | undefined,
  ): Row[] {
    this.forgetIfChanged(db)
    const key = JSON.stringify([request.filter, request.sort, request.by ?? 'saved'])
    const marks = this.lists.get(key)
    const nearest = marks ? nearestAtOrBefore(marks, request.offset) : null
    const rows = nearest
      ? read(request.offset - nearest.position, nearest.mark)
      : read(request.offset, undefined)
    const last = rows.at(-1)
    const mark = last === undefined ? undefined : markOf(last)
    if (mark) this.remember(key, request.offset + rows.length, mark)
    return rows
  }

  private remember(key: string, position: number, mark: PageMark): void {
    let marks = this.lists.get(key)
    if (marks) this.lists.delete(key)
    else marks = new Map()
    // Most recently used last: the first is the one dropped.
    this.lists.set(key, marks)
    if (this.lists.size > LISTS_KEPT) this.lists.delete(this.lists.keys().next().value!)
    if (marks.size >= MARKS_PER_LIST && !marks.has(position)) marks.delete(marks.keys().next().value!)
    marks.set(position, mark)
  }

  private forgetIfChanged(db: SqlDatabase): void {
    const now = db.get<{ changes: number }>('SELECT total_changes() AS changes')
    const version = `${db.get<{ data_version: number }>('PRAGMA data_version')?.data_version}:${now?.changes}`
    if (version === this.version) return
    this.version = version
    this.lists.clear()
  }
}

function nearestAtOrBefore(
  marks: Map<number, PageMark>,
  offset: number,
): { position: number; mark: PageMark } | null {
  let best: { position: number; mark: PageMark } | null = null
  for (const [position, mark] of marks) {
    if (position <= offset && (best === null || position > best.position)) best = { position, mark }
  }
  return best
}

/**
 * The list's rows after a mark, in its order (newest first: an older date, or the same date and a
 * larger id; oldest first, the other way), as article-query.ts orders them.
 */
export function afterMark(
  column: 'a.added_at' | 'a.dated_at',
  newestFirst: boolean,
  mark: PageMark,
): { where: string; params: string[] } {
  return newestFirst
    ? { where: `(${column} < ? OR (${column} = ? AND a.id > ?))`, params: [mark.value, mark.value, mark.id] }
    : { where: `(${column} > ? OR (${column} = ? AND a.id < ?))`, params: [mark.value, mark.value, mark.id] }
}

/** The sort key of the article `rowid` in the list by this date (one read by primary key). */
export function foldedMarkOf(db: SqlDatabase, rowid: number, by: ListDate = 'saved'): PageMark | undefined {
  const column = by === 'published' ? 'dated_at' : 'added_at'
  const row = db.get<{ value: string | null; id: string }>(
    `SELECT ${column} AS value, id FROM articles WHERE rowid = ?`,
    [rowid],
  )
  return row && row.value !== null ? { value: row.value, id: row.id } : undefined
}
