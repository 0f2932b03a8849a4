import type { ArticleSummary } from '@shared/article'
import { ARTICLE_COLUMNS, summariesOf, type ArticleRow } from '../library/article-rows'
import type { SqlDatabase, SqlValue } from '../library/database'
import { filterConditions } from '../library/article-query'
import type { StoryItem } from './article-features'
import { dayOf } from './story-grouper'

/**
 * The SQL of stories (tables of schema 9, story-schema.ts). Every function takes the database, so
 * it runs inside the caller's transaction (`library.change`) or read (`library.query`).
 */

/** What grouping reads of an article: its headline, excerpt, language, outlet, time and countries. */
export interface GroupingRow {
  rowid: number
  id: string
  title: string
  excerpt: string
  lang: string | null
  site_name: string | null
  published_at: string | null
  added_at: string
  countries: string | null
}

const GROUPING_COLUMNS = `a.rowid AS rowid, a.id, a.title, a.excerpt, a.lang, a.site_name, a.published_at,
  a.added_at, (SELECT group_concat(code) FROM article_countries c
    WHERE c.article = a.rowid AND c.role = 'primary') AS countries`
const NOT_GROUPED = 'NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article = a.rowid)'
/** Statements take at most this many parameters at once. */
const BATCH = 500
/** A publication date more than this after the article was saved is a page's mistake. */
const FUTURE_SLACK_MS = 86_400_000

/**
 * The time an article is grouped at: when it was published, else when it was saved. A date in
 * the future of the save (a page's mistake) is not believed.
 */
export function groupingTime(row: Pick<GroupingRow, 'published_at' | 'added_at'>): number {
  const added = Date.parse(row.added_at)
  const published = row.published_at === null ? NaN : Date.parse(row.published_at)
  if (Number.isFinite(published) && (!Number.isFinite(added) || published <= added + FUTURE_SLACK_MS))
    return published
  return Number.isFinite(added) ? added : 0
}

export function itemOfRow(row: GroupingRow): StoryItem {
  return {
    title: row.title,
    text: row.excerpt,
    lang: row.lang,
    site: row.site_name,
    at: groupingTime(row),
    countries: row.countries ? row.countries.split(',') : [],
  }
}

/** Articles among these ids that are in no story yet. */
export function ungroupedByIds(db: SqlDatabase, ids: string[]): GroupingRow[] {
  const rows: GroupingRow[] = []
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH)
    rows.push(
      ...db.all<GroupingRow>(
        `SELECT ${GROUPING_COLUMNS} FROM articles a WHERE a.id IN (${marks(batch)}) AND ${NOT_GROUPED}`,
        batch,
      ),
    )
  }
  return rows
}

/** Every article in no story, oldest first (by the time grouping uses). */
export function ungroupedInTimeOrder(db: SqlDatabase): number[] {
  // Every open asks. When all are grouped (the usual case), two counts over small indexes answer
  // it (~30 ms at 100k from a cold disk) where the scan of every row took 0.15–1.8 s, and held the
  // window's first click. story_articles holds only articles' rowids (foreign keys are always on).
  const waiting = db.get<{ n: number }>(
    'SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM story_articles) AS n',
  )
  if (waiting?.n === 0) return []
  const rows = db.all<{ rowid: number; published_at: string | null; added_at: string }>(
    `SELECT a.rowid AS rowid, a.published_at, a.added_at FROM articles a WHERE ${NOT_GROUPED}`,
  )
  return rows
    .map((row) => ({ rowid: row.rowid, at: groupingTime(row) }))
    .sort((a, b) => a.at - b.at || a.rowid - b.rowid)
    .map((row) => row.rowid)
}

export function ungroupedByRowids(db: SqlDatabase, rowids: number[]): GroupingRow[] {
  const rows = db.all<GroupingRow>(
    `SELECT ${GROUPING_COLUMNS} FROM articles a WHERE a.rowid IN (${marks(rowids)}) AND ${NOT_GROUPED}`,
    rowids,
  )
  const order = new Map(rowids.map((rowid, i) => [rowid, i]))
  return rows.sort((a, b) => (order.get(a.rowid) ?? 0) - (order.get(b.rowid) ?? 0))
}

export interface MemberRow extends GroupingRow {
  story: number
}

/** The grouped articles of these UTC days. */
export function membersOfDays(db: SqlDatabase, fromDay: number, toDay: number): MemberRow[] {
  return db.all<MemberRow>(
    `SELECT ${GROUPING_COLUMNS}, s.story AS story FROM story_articles s JOIN articles a ON a.rowid = s.article
     WHERE s.day BETWEEN ? AND ?`,
    [fromDay, toDay],
  )
}

export function createStory(db: SqlDatabase, at: number, now: Date): number {
  const result = db.run('INSERT INTO stories (created_at, first_at, last_at) VALUES (?, ?, ?)', [
    now.toISOString(),
    at,
    at,
  ])
  return Number(result.lastInsertRowid)
}

export function putInStory(
  db: SqlDatabase,
  article: { rowid: number; at: number },
  story: number,
  origin: 'auto' | 'person',
  score: number,
): void {
  db.run('DELETE FROM story_articles WHERE article = ?', [article.rowid])
  db.run('INSERT INTO story_articles (article, story, at, day, origin, score) VALUES (?, ?, ?, ?, ?, ?)', [
    article.rowid,
    story,
    article.at,
    dayOf(article.at),
    origin,
    score,
  ])
}

export interface StoryRow {
  id: number
  first_at: number
  last_at: number
  article_count: number
}

export function storyRow(db: SqlDatabase, id: number): StoryRow | undefined {
  return db.get<StoryRow>('SELECT id, first_at, last_at, article_count FROM stories WHERE id = ?', [id])
}

export function storyOfArticle(db: SqlDatabase, rowid: number): { story: number; at: number } | undefined {
  return db.get<{ story: number; at: number }>('SELECT story, at FROM story_articles WHERE article = ?', [
    rowid,
  ])
}

export interface StoryListQuery {
  country?: string
  collection?: string
  minArticles: number
  offset: number
  limit: number
}

/** The newest stories (by their latest article), filtered like the list, a page at a time. */
export function latestStories(db: SqlDatabase, query: StoryListQuery): { rows: StoryRow[]; more: boolean } {
  const filter = filterConditions(
    {
      state: 'all',
      ...(query.country ? { country: query.country } : {}),
      ...(query.collection ? { collection: query.collection } : {}),
    },
    false,
  )
  const params: SqlValue[] = [query.minArticles, ...filter.params, query.limit + 1, query.offset]
  const rows = db.all<StoryRow>(
    `SELECT st.id, st.first_at, st.last_at, st.article_count FROM stories st
     WHERE st.article_count >= ?
       AND EXISTS (SELECT 1 FROM story_articles s JOIN articles a ON a.rowid = s.article
                   WHERE s.story = st.id AND ${filter.where.join(' AND ')})
     ORDER BY st.last_at DESC, st.id DESC LIMIT ? OFFSET ?`,
    params,
  )
  return { rows: rows.slice(0, query.limit), more: rows.length > query.limit }
}

export interface StoryMember {
  article: ArticleSummary
  rowid: number
  at: number
  origin: 'auto' | 'person'
}

/** A story's articles, oldest first. */
export function storyMembers(db: SqlDatabase, story: number): StoryMember[] {
  const rows = db.all<ArticleRow & { at: number; origin: 'auto' | 'person' }>(
    `SELECT ${ARTICLE_COLUMNS}, s.at AS at, s.origin AS origin FROM story_articles s
     JOIN articles a ON a.rowid = s.article WHERE s.story = ? ORDER BY s.at, a.rowid`,
    [story],
  )
  const summaries = summariesOf(db, rows)
  const byId = new Map(summaries.map((summary) => [summary.id, summary]))
  return rows.flatMap((row) => {
    const article = byId.get(row.id)
    return article
      ? [{ article, rowid: row.rowid, at: row.at, origin: row.origin === 'person' ? 'person' : 'auto' }]
      : []
  })
}

/** Marks every article of a story as placed by the person (a merge or split they asked for). */
export function keepAsPersonChose(db: SqlDatabase, story: number): void {
  db.run("UPDATE story_articles SET origin = 'person' WHERE story = ?", [story])
}

function marks(values: unknown[]): string {
  return values.map(() => '?').join(', ')
}

/** An article of a story of two or more, as the folded list shows it. */
export interface FoldedRowStory {
  article: string
  story: number
  articles: number
  /** Outlets of the story's other articles, this article's own left out ("+ 7 outlets"). */
  otherOutlets: number
  /** Language codes of all its articles, most articles first. */
  languages: string[]
}

/**
 * The stories of a page of the list, in two queries whatever the page's size: the page's
 * memberships, then every article of those stories (a story is tens of articles, not thousands).
 */
export function storiesOfRows(db: SqlDatabase, ids: string[]): FoldedRowStory[] {
  if (ids.length === 0) return []
  const rows = db.all<{ id: string; rowid: number; story: number; site: string | null }>(
    `SELECT a.id, a.rowid AS rowid, s.story, a.site_name AS site FROM articles a
     JOIN story_articles s ON s.article = a.rowid JOIN stories st ON st.id = s.story
     WHERE a.id IN (${marks(ids)}) AND st.article_count > 1`,
    ids,
  )
  if (rows.length === 0) return []
  const storyIds = [...new Set(rows.map((row) => row.story))]
  const members = db.all<{ story: number; rowid: number; outlet: string; lang: string | null }>(
    `SELECT s.story, a.rowid AS rowid, coalesce(a.site_name, a.url, a.id) AS outlet, a.lang FROM story_articles s
     JOIN articles a ON a.rowid = s.article WHERE s.story IN (${marks(storyIds)})`,
    storyIds,
  )
  const byStory = new Map<number, typeof members>()
  for (const member of members) {
    const list = byStory.get(member.story) ?? []
    list.push(member)
    byStory.set(member.story, list)
  }
  return rows.map((row) => {
    const story = byStory.get(row.story) ?? []
    const own = story.find((member) => member.rowid === row.rowid)?.outlet
    const languages = new Map<string, number>()
    for (const member of story) {
      const code = languageCode(member.lang)
      if (code) languages.set(code, (languages.get(code) ?? 0) + 1)
    }
    return {
      article: row.id,
      story: row.story,
      articles: story.length,
      otherOutlets: new Set(story.map((member) => member.outlet).filter((outlet) => outlet !== own)).size,
      languages: [...languages.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([code]) => code),
    }
  })
}

/** "en-GB", "en_GB" and "EN" are one language. */
export function languageCode(lang: string | null): string {
  return (lang ?? '').split(/[-_]/)[0]!.trim().toLowerCase()
}
