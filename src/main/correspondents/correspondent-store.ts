import { CorrespondentKind, type ArticleSummary, type Correspondent } from '@shared/article'
import type {
  CorrespondentPage,
  CorrespondentSort,
  CorrespondentSummary,
  FollowingPage,
} from '@shared/correspondents'
import { DatelineError } from '@shared/errors'
import {
  ARTICLE_COLUMNS,
  correspondentKey,
  indexedNames,
  summariesOf,
  textOfArticle,
  type ArticleRow,
} from '../library/article-rows'
import { indexArticleText } from '../library/article-text-index'
import type { SqlDatabase } from '../library/database'
import type { LibraryStore } from '../library/library-store'
import type { CorrespondentKey, GroupEdits } from './group-edits-file'
import { notSamePairs, restoreNotSame } from './not-same-pairs'

/*
 * The correspondents' SQL. An entry merged into another (merged_into) keeps its row and its article
 * links, so extraction still finds it by name and outlet and a split gives back exactly what it had;
 * every read shows the group under the entry it was merged into (the root).
 */

interface GroupRow {
  id: number
  name: string
  kind: string
  followed: number
  author_url: string | null
  feed_url: string | null
  articles: number
  unread: number
  first_seen: string | null
  last_seen: string | null
}

/** Every entry of a root's group, the root first. */
const MEMBERS = 'SELECT id FROM correspondents WHERE id = ?1 OR merged_into = ?1'

/** First and last seen by the dates the list shows (published, else saved), as their articles read. */
const GROUP_STATS = `
  SELECT coalesce(c.merged_into, c.id) AS root,
    count(DISTINCT ac.article) AS articles,
    count(DISTINCT CASE WHEN a.read = 0 AND a.archived = 0 THEN a.rowid END) AS unread,
    min(coalesce(a.dated_at, a.added_at)) AS first_seen, max(coalesce(a.dated_at, a.added_at)) AS last_seen
  FROM correspondents c
  JOIN article_correspondents ac ON ac.correspondent = c.id
  JOIN articles a ON a.rowid = ac.article
  GROUP BY root`

const ORDER: Record<CorrespondentSort, string> = {
  name: 'r.name COLLATE NOCASE, r.id',
  count: 's.articles DESC, r.name COLLATE NOCASE, r.id',
  latest: 's.last_seen DESC, r.name COLLATE NOCASE, r.id',
}

export interface ListOptions {
  query?: string | undefined
  sort: CorrespondentSort
  followed?: boolean | undefined
  offset: number
  limit: number
}

export function listCorrespondents(
  library: LibraryStore,
  options: ListOptions,
): { total: number; items: CorrespondentSummary[] } {
  return library.query((db) => {
    const where = ['r.merged_into IS NULL']
    const params: (string | number)[] = []
    if (options.query !== undefined && options.query.trim() !== '') {
      // Any entry of the group may match: a merged-in spelling finds the root.
      where.push(
        `EXISTS (SELECT 1 FROM correspondents m WHERE (m.id = r.id OR m.merged_into = r.id) AND instr(m.name_key, ?) > 0)`,
      )
      params.push(correspondentKey(options.query))
    }
    if (options.followed !== undefined) {
      where.push('r.followed = ?')
      params.push(options.followed ? 1 : 0)
    }
    const from = `FROM correspondents r JOIN (${GROUP_STATS}) s ON s.root = r.id WHERE ${where.join(' AND ')}`
    const total = db.get<{ n: number }>(`SELECT count(*) AS n ${from}`, params)?.n ?? 0
    const rows = db.all<GroupRow>(
      `SELECT r.id, r.name, r.kind, r.followed, r.author_url, r.feed_url, s.articles, s.unread,
         s.first_seen, s.last_seen ${from} ORDER BY ${ORDER[options.sort]} LIMIT ? OFFSET ?`,
      [...params, options.limit, options.offset],
    )
    return { total, items: rows.map((row) => summaryOf(db, row)) }
  })
}

export function getCorrespondent(library: LibraryStore, id: number): CorrespondentSummary {
  return library.query((db) => summaryOf(db, groupRow(db, rootOf(db, id))))
}

export function correspondentPage(
  library: LibraryStore,
  id: number,
  offset: number,
  limit: number,
): CorrespondentPage {
  return library.query((db) => {
    const root = rootOf(db, id)
    const summary = summaryOf(db, groupRow(db, root))
    const articlesOf = `SELECT article FROM article_correspondents WHERE correspondent IN (${MEMBERS})`
    const countries = db.all<{ code: string; name: string; articles: number }>(
      `SELECT code, min(name) AS name, count(*) AS articles FROM article_countries
       WHERE article IN (${articlesOf}) GROUP BY code ORDER BY articles DESC, code LIMIT 12`,
      [root],
    )
    const rows = db.all<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.rowid IN (${articlesOf})
       ORDER BY a.added_at DESC, a.id LIMIT ?2 OFFSET ?3`,
      [root, limit, offset],
    )
    const entries = db.all<{ id: number; name: string; outlet: string | null; articles: number }>(
      `SELECT c.id, c.name, (SELECT min(a.site_name) FROM article_correspondents ac JOIN articles a ON a.rowid = ac.article
         WHERE ac.correspondent = c.id) AS outlet,
         (SELECT count(*) FROM article_correspondents ac WHERE ac.correspondent = c.id) AS articles
       FROM correspondents c WHERE c.merged_into = ? ORDER BY c.name COLLATE NOCASE, c.id`,
      [root],
    )
    return { ...summary, countries, entries, items: summariesOf(db, rows) }
  })
}

/** The roots whose group has this name (any case), for the CLI's NAME arguments. */
export function correspondentsNamed(library: LibraryStore, name: string): number[] {
  return library.query((db) =>
    db
      .all<{ root: number }>(
        `SELECT DISTINCT coalesce(merged_into, id) AS root FROM correspondents WHERE name_key = ? ORDER BY root`,
        [correspondentKey(name)],
      )
      .map((row) => row.root),
  )
}

export function setFollowed(library: LibraryStore, id: number, followed: boolean, now: Date): number {
  return library.change((db) => {
    const root = rootOf(db, id)
    db.run(
      `UPDATE correspondents SET followed = ?2, followed_at = CASE WHEN ?2 = 1 THEN ?3 ELSE NULL END
       WHERE id IN (${MEMBERS})`,
      [root, followed ? 1 : 0, now.toISOString()],
    )
    return root
  })
}

export function setFeed(library: LibraryStore, id: number, feedUrl: string): void {
  library.change((db) =>
    db.run(`UPDATE correspondents SET feed_url = ? WHERE id = ?`, [feedUrl, rootOf(db, id)]),
  )
}

/** The author page known for a group: the root's, else a member's. */
export function authorPageOf(library: LibraryStore, id: number): string | null {
  return library.query((db) => {
    const root = rootOf(db, id)
    return (
      db.get<{ url: string }>(
        `SELECT author_url AS url FROM correspondents WHERE (id = ?1 OR merged_into = ?1) AND author_url IS NOT NULL
         ORDER BY id = ?1 DESC, id LIMIT 1`,
        [root],
      )?.url ?? null
    )
  })
}

export function mergeCorrespondents(library: LibraryStore, into: number, from: number[]): number {
  return library.change((db) => {
    const root = rootOf(db, into)
    for (const id of from) joinGroup(db, root, rootOf(db, id))
    return root
  })
}

/** The other group joins the root's whole: its members and its root now point at the root. */
export function joinGroup(db: SqlDatabase, root: number, other: number): void {
  if (other === root) return
  db.run(`UPDATE correspondents SET merged_into = ?1 WHERE merged_into = ?2 OR id = ?2`, [root, other])
  db.run(
    `UPDATE correspondents SET followed = max(followed, (SELECT followed FROM correspondents WHERE id = ?2)),
       followed_at = coalesce(followed_at, (SELECT followed_at FROM correspondents WHERE id = ?2)),
       author_url = coalesce(author_url, (SELECT author_url FROM correspondents WHERE id = ?2)),
       feed_url = coalesce(feed_url, (SELECT feed_url FROM correspondents WHERE id = ?2))
     WHERE id = ?1`,
    [root, other],
  )
}

/** The entry with this key (normalised name and outlet), or null. */
export function correspondentByKey(db: SqlDatabase, key: CorrespondentKey): number | null {
  return (
    db.get<{ id: number }>('SELECT id FROM correspondents WHERE name_key = ? AND outlet_key = ?', [
      key.nameKey,
      key.outletKey,
    ])?.id ?? null
  )
}

/** The group's root of an entry named by key, or null when this library has no such entry. */
export function rootByKey(db: SqlDatabase, key: CorrespondentKey): number | null {
  const id = correspondentByKey(db, key)
  return id === null ? null : rootOf(db, id)
}

/** What the person made of the correspondents (merges, follows), by key, for group-edits-file.ts. */
export function groupEditsOf(db: SqlDatabase): Omit<GroupEdits, 'format'> {
  const merges = db
    .all<{ name_key: string; outlet_key: string; into_name: string; into_outlet: string }>(
      `SELECT c.name_key, c.outlet_key, r.name_key AS into_name, r.outlet_key AS into_outlet
       FROM correspondents c JOIN correspondents r ON r.id = c.merged_into
       WHERE c.merged_into IS NOT NULL ORDER BY c.name_key, c.outlet_key`,
    )
    .map((row) => ({
      entry: { nameKey: row.name_key, outletKey: row.outlet_key },
      into: { nameKey: row.into_name, outletKey: row.into_outlet },
    }))
  const follows = db
    .all<{
      name_key: string
      outlet_key: string
      name: string
      kind: string
      followed_at: string | null
      feed_url: string | null
    }>(
      `SELECT name_key, outlet_key, name, kind, followed_at, feed_url FROM correspondents
       WHERE followed = 1 AND merged_into IS NULL ORDER BY name_key, outlet_key`,
    )
    .map((row) => ({
      nameKey: row.name_key,
      outletKey: row.outlet_key,
      name: row.name,
      kind: CorrespondentKind.catch('person').parse(row.kind),
      followedAt: row.followed_at,
      feedUrl: row.feed_url,
    }))
  const notSame = notSamePairs(db)
  return notSame.length > 0 ? { merges, follows, notSame } : { merges, follows }
}

/**
 * After `dateline rebuild` wrote every article: the person's merges and follows, read back from the
 * library folder (untrusted: an entry no article names any more is left out, a merge that would
 * make a loop is skipped).
 */
export function restoreGroupEdits(db: SqlDatabase, edits: GroupEdits): void {
  restoreNotSame(db, edits.notSame ?? [])
  for (const merge of edits.merges) {
    const entry = correspondentByKey(db, merge.entry)
    const root = rootByKey(db, merge.into)
    if (entry === null || root === null || root === entry) continue
    joinGroup(db, root, entry)
  }
  for (const follow of edits.follows) {
    let root = rootByKey(db, follow)
    if (root === null) {
      root = db.run('INSERT INTO correspondents (name, name_key, outlet_key, kind) VALUES (?, ?, ?, ?)', [
        follow.name,
        follow.nameKey,
        follow.outletKey,
        follow.kind,
      ]).lastInsertRowid
    }
    db.run(
      `UPDATE correspondents SET followed = 1, followed_at = coalesce(followed_at, ?2) WHERE id IN (${MEMBERS})`,
      [root, follow.followedAt ?? new Date().toISOString()],
    )
    db.run('UPDATE correspondents SET feed_url = coalesce(feed_url, ?2) WHERE id = ?1', [
      root,
      follow.feedUrl,
    ])
  }
}

/**
 * The articles credited to any entry of these correspondents' groups (rowids): whose full-text
 * entries name the group, so a merge or split must write them again.
 */
export function articlesOfGroups(db: SqlDatabase, ids: readonly number[]): number[] {
  const roots = [...new Set(ids.flatMap((id) => existingRoot(db, id)))]
  return roots.flatMap((root) =>
    db
      .all<{ article: number }>(
        `SELECT DISTINCT article FROM article_correspondents WHERE correspondent IN (${MEMBERS})`,
        [root],
      )
      .map((row) => row.article),
  )
}

function existingRoot(db: SqlDatabase, id: number): number[] {
  const row = db.get<{ root: number }>(
    `SELECT coalesce(merged_into, id) AS root FROM correspondents WHERE id = ?`,
    [id],
  )
  return row ? [row.root] : []
}

/** A merged-in entry leaves its group; a root sends every entry merged into it back on its own. */
export function splitCorrespondent(library: LibraryStore, id: number): number {
  return library.change((db) => splitEntry(db, id))
}

export function splitEntry(db: SqlDatabase, id: number): number {
  const row = db.get<{ merged_into: number | null }>(`SELECT merged_into FROM correspondents WHERE id = ?`, [
    id,
  ])
  if (!row) throw notFound(id)
  if (row.merged_into !== null) db.run(`UPDATE correspondents SET merged_into = NULL WHERE id = ?`, [id])
  else db.run(`UPDATE correspondents SET merged_into = NULL WHERE merged_into = ?`, [id])
  return id
}

/**
 * The person's list of correspondents for one article (origin 'person'); extraction leaves such an
 * article's list alone from then on (article-rows.ts). An empty list clears it, and the next
 * extraction may credit someone again. The full-text entry is written again with the new names
 * (`body` is the article's stored text, which the index needs whole), so a search finds them.
 */
export function setArticleCorrespondents(
  library: LibraryStore,
  articleId: string,
  people: Correspondent[],
  body: { text: string; updatedAt: string },
): ArticleSummary {
  return library.change((db) => {
    const rowid = library.articleRowid(articleId)
    writePersonCorrespondents(db, rowid, people)
    const row = db.get<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.rowid = ?`, [rowid])
    const summary = row ? summariesOf(db, [row])[0] : undefined
    if (!summary) throw new DatelineError('NOT_FOUND', `There is no article ${articleId} in the library.`)
    // A re-capture that landed since the text was read indexed its own text with these rows already.
    if (summary.updatedAt === body.updatedAt) {
      indexArticleText(db, rowid, {
        ...textOfArticle(summary, body.text),
        correspondents: indexedNames(db, rowid),
      })
    }
    return summary
  })
}

/**
 * Replaces an article's correspondents with the person's list (origin 'person'); an empty list
 * leaves it with none. The caller rewrites its full-text entry.
 */
export function writePersonCorrespondents(
  db: SqlDatabase,
  rowid: number,
  people: Pick<Correspondent, 'name' | 'kind'>[],
): void {
  const outlet = db.get<{ site_name: string | null }>(`SELECT site_name FROM articles WHERE rowid = ?`, [
    rowid,
  ])
  db.run(`DELETE FROM article_correspondents WHERE article = ?`, [rowid])
  const outletKey = outlet?.site_name ? correspondentKey(outlet.site_name) : ''
  people.forEach((person, position) => {
    const nameKey = correspondentKey(person.name)
    if (nameKey === '') return
    const key = person.kind === 'agency' ? '' : outletKey
    const found = db.get<{ id: number }>(
      `INSERT INTO correspondents (name, name_key, outlet_key, kind) VALUES (?, ?, ?, ?)
       ON CONFLICT (name_key, outlet_key) DO UPDATE SET kind = excluded.kind RETURNING id`,
      [person.name.trim(), nameKey, key, person.kind],
    )
    if (!found) return
    db.run(
      `INSERT INTO article_correspondents (correspondent, article, position, origin) VALUES (?, ?, ?, 'person')
       ON CONFLICT (correspondent, article) DO UPDATE SET position = excluded.position, origin = 'person'`,
      [found.id, rowid, position],
    )
  })
}

/**
 * After `dateline rebuild` wrote an article from its folder with the person's list in it: that
 * list is theirs again (origin 'person'), so the next extraction leaves it alone.
 */
export function markCorrespondentsEdited(db: SqlDatabase, rowid: number): void {
  db.run(`UPDATE article_correspondents SET origin = 'person' WHERE article = ?`, [rowid])
}

export function followingArticles(library: LibraryStore, offset: number, limit: number): FollowingPage {
  return library.query((db) => {
    const followed = `SELECT ac.article FROM article_correspondents ac JOIN correspondents c ON c.id = ac.correspondent
      WHERE c.followed = 1`
    const counts = db.get<{ total: number; unread: number }>(
      `SELECT count(*) AS total, coalesce(sum(a.read = 0 AND a.archived = 0), 0) AS unread
       FROM articles a WHERE a.rowid IN (${followed}) AND a.archived = 0`,
    )
    const rows = db.all<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.rowid IN (${followed}) AND a.archived = 0
       ORDER BY a.added_at DESC, a.id LIMIT ? OFFSET ?`,
      [limit, offset],
    )
    return { total: counts?.total ?? 0, unread: counts?.unread ?? 0, items: summariesOf(db, rows) }
  })
}

export function rootOf(db: SqlDatabase, id: number): number {
  const row = db.get<{ root: number }>(
    `SELECT coalesce(merged_into, id) AS root FROM correspondents WHERE id = ?`,
    [id],
  )
  if (!row) throw notFound(id)
  return row.root
}

function groupRow(db: SqlDatabase, root: number): GroupRow {
  const row = db.get<GroupRow>(
    `SELECT r.id, r.name, r.kind, r.followed, r.author_url, r.feed_url,
       coalesce(s.articles, 0) AS articles, coalesce(s.unread, 0) AS unread, s.first_seen, s.last_seen
     FROM correspondents r LEFT JOIN (
       SELECT count(DISTINCT ac.article) AS articles,
         count(DISTINCT CASE WHEN a.read = 0 AND a.archived = 0 THEN a.rowid END) AS unread,
         min(coalesce(a.dated_at, a.added_at)) AS first_seen, max(coalesce(a.dated_at, a.added_at)) AS last_seen
       FROM article_correspondents ac JOIN articles a ON a.rowid = ac.article
       WHERE ac.correspondent IN (${MEMBERS})
     ) s WHERE r.id = ?1`,
    [root],
  )
  if (!row) throw notFound(root)
  return row
}

function summaryOf(db: SqlDatabase, row: GroupRow): CorrespondentSummary {
  const members = db.all<{ id: number }>(`${MEMBERS} ORDER BY id`, [row.id]).map((m) => m.id)
  const outlets = db
    .all<{ site: string }>(
      `SELECT DISTINCT a.site_name AS site FROM article_correspondents ac JOIN articles a ON a.rowid = ac.article
       WHERE ac.correspondent IN (${MEMBERS}) AND a.site_name IS NOT NULL ORDER BY a.site_name LIMIT 20`,
      [row.id],
    )
    .map((o) => o.site)
  return {
    id: row.id,
    name: row.name,
    kind: row.kind === 'team' || row.kind === 'agency' ? row.kind : 'person',
    outlets,
    articles: row.articles,
    unread: row.unread,
    followed: row.followed === 1,
    authorUrl: row.author_url,
    feedUrl: row.feed_url,
    merged: members.filter((member) => member !== row.id),
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
  }
}

function notFound(id: number): DatelineError {
  return new DatelineError('NOT_FOUND', `There is no correspondent ${id} in the library.`)
}
