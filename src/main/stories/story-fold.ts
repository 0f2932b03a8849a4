import type { SqlValue } from '../library/database'

/**
 * The list folded by story ("Group by story"): a story shows as one row, the first of its
 * articles in the list's order among those the list's filters let through; its other articles
 * are left out of the page and the total. An article alone in its story (or not grouped yet) is
 * its own row. Written as one more condition on the list's `articles a`, so the list keeps
 * walking its index newest first and stops at the page's end (a few probes a row).
 */

/** The list's order, as article-query.ts writes it: a date column, then the id to break ties. */
export interface ListOrder {
  column: 'added_at' | 'dated_at'
  newestFirst: boolean
}

/**
 * True for an article no other article of its story comes before in the list. `filter` is the
 * list's conditions on `a` (the same params again): inside the inner query `a` names the other
 * article, so a story whose first article is filtered out still shows, by its next one.
 */
export function firstOfItsStory(
  filter: { where: string[]; params: SqlValue[] },
  order: ListOrder,
): { where: string; params: SqlValue[] } {
  const col = order.column
  // `a` comes before `mine` in the list: newer first (ties: smaller id), or older first (ties: larger id).
  const before = order.newestFirst
    ? `(a.${col} > mine.${col} OR (a.${col} = mine.${col} AND a.id < mine.id))`
    : `(a.${col} < mine.${col} OR (a.${col} = mine.${col} AND a.id > mine.id))`
  const conditions = [...filter.where, before].join(' AND ')
  return {
    where: `NOT EXISTS (SELECT 1 FROM story_articles me JOIN articles mine ON mine.rowid = me.article
      WHERE me.article = a.rowid AND EXISTS (SELECT 1 FROM story_articles other
        JOIN articles a ON a.rowid = other.article
        WHERE other.story = me.story AND other.article <> me.article AND ${conditions}))`,
    params: filter.params,
  }
}
