import type { SqlDatabase } from './database'
import { recountCorrespondentCountries } from './correspondent-country-counts'
import { recountSidebar } from './schema'

/**
 * The triggers that keep counters (`sidebar_counts`, `correspondent_country_counts`): each fires
 * for every membership and state written, 4–8 times per article, and a recount from the tables
 * gives the same numbers in one pass per counter.
 */
const COUNTER_TRIGGERS = new Set([
  'articles_count_insert',
  'articles_count_state',
  'article_countries_count_insert',
  'article_countries_count_delete',
  'article_correspondents_count_insert',
  'article_correspondents_count_delete',
  'collection_articles_count_insert',
  'collection_articles_count_delete',
  'feed_items_count_insert',
  'feed_items_count_delete',
  'article_correspondents_name_count_insert',
  'article_correspondents_name_count_delete',
  'article_countries_name_count_insert',
  'article_countries_name_count_delete',
  'articles_name_count_state',
])

/**
 * Sets aside, for a draft database about to be filled with a whole library (migration, rebuild),
 * what is cheaper made once at the end than kept up row by row: the indexes of `articles` (sixteen,
 * in list orders, so each insert in the library's folder order lands at a random place in each),
 * which are then built by one sort each, and the counters' triggers, replaced by a recount.
 * Nothing else may use the draft meanwhile. Returns what puts them back: call it before checking
 * the draft. The indexes and triggers are made again from their own SQL, as the schema wrote them.
 */
export function setAsideForBulkLoad(db: SqlDatabase): () => void {
  const indexes = db.all<{ name: string; sql: string }>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles' AND sql IS NOT NULL`,
  )
  const triggers = db
    .all<{ name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`)
    .filter((t) => COUNTER_TRIGGERS.has(t.name))
  db.transaction(() => {
    for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`)
    for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`)
  })
  return () => {
    db.transaction(() => {
      for (const { sql } of indexes) db.exec(sql)
      for (const { sql } of triggers) db.exec(sql)
    })
    recountSidebar(db)
    recountCorrespondentCountries(db)
  }
}
