import {
  ArticleSource,
  type ArticleSummary,
  type CountryTag,
  type Correspondent,
  CorrespondentKind,
  type StoredArticleMetadata,
} from '@shared/article'
import { DatelineError } from '@shared/errors'
import { storeArticleCountries } from '../countries/country-store'
import { indexArticleText, type IndexedText, type IndexOptions } from './article-text-index'
import { isArticleId } from './confined-files'
import type { SqlDatabase } from './database'

/** One row of `articles` as SQLite returns it. */
export interface ArticleRow {
  rowid: number
  id: string
  source: string
  url: string | null
  canonical_url: string | null
  file_name: string | null
  title: string
  byline: string | null
  site_name: string | null
  lang: string | null
  excerpt: string
  published_at: string | null
  added_at: string
  updated_at: string
  word_count: number
  reading_minutes: number
  lead_image: string | null
  read: number
  starred: number
  archived: number
}

export const ARTICLE_COLUMNS = `a.rowid AS rowid, a.id, a.source, a.url, a.canonical_url, a.file_name, a.title,
  a.byline, a.site_name, a.lang, a.excerpt, a.published_at, a.added_at, a.updated_at, a.word_count,
  a.reading_minutes, a.lead_image, a.read, a.starred, a.archived`

/**
 * Rows into summaries, with their countries and correspondents in two queries for the whole page.
 * The schema already refuses a bad id, but the file may have been written by something else: an
 * id that is not one never leaves here (it would become a path).
 */
export function summariesOf(db: SqlDatabase, rows: ArticleRow[]): ArticleSummary[] {
  const valid = rows.filter((row) => isArticleId(row.id))
  if (valid.length === 0) return []
  const rowids = valid.map((row) => row.rowid)
  const marks = rowids.map(() => '?').join(', ')
  const countries = new Map<number, CountryTag[]>()
  for (const c of db.all<{ article: number; code: string; name: string; role: string; score: number }>(
    `SELECT article, code, name, role, score FROM article_countries WHERE article IN (${marks})
     ORDER BY article, role = 'primary' DESC, origin = 'person' DESC, score DESC, code`,
    rowids,
  )) {
    const role = c.role === 'primary' ? 'primary' : 'mentioned'
    push(countries, c.article, { code: c.code, name: c.name, role, score: c.score })
  }
  const people = new Map<number, Correspondent[]>()
  for (const p of db.all<{ article: number; name: string; kind: string; author_url: string | null }>(
    // An entry merged into another is shown as that one (correspondents issue, schema 4).
    `SELECT ac.article, coalesce(r.name, c.name) AS name, coalesce(r.kind, c.kind) AS kind,
       coalesce(r.author_url, c.author_url) AS author_url FROM article_correspondents ac
     JOIN correspondents c ON c.id = ac.correspondent LEFT JOIN correspondents r ON r.id = c.merged_into
     WHERE ac.article IN (${marks}) ORDER BY ac.article, ac.position`,
    rowids,
  )) {
    push(people, p.article, {
      name: p.name,
      kind: CorrespondentKind.catch('person').parse(p.kind),
      ...(p.author_url === null ? {} : { url: p.author_url }),
    })
  }
  return valid.map((row) => ({
    id: row.id,
    source: ArticleSource.catch('file').parse(row.source),
    url: row.url,
    canonicalUrl: row.canonical_url,
    fileName: row.file_name,
    title: row.title,
    byline: row.byline,
    correspondents: people.get(row.rowid) ?? [],
    countries: countries.get(row.rowid) ?? [],
    siteName: row.site_name,
    lang: row.lang,
    excerpt: row.excerpt,
    publishedAt: row.published_at,
    addedAt: row.added_at,
    updatedAt: row.updated_at,
    wordCount: row.word_count,
    readingMinutes: row.reading_minutes,
    leadImage: row.lead_image,
    read: row.read === 1,
    starred: row.starred === 1,
    archived: row.archived === 1,
  }))
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export function metadataOf(article: ArticleSummary): StoredArticleMetadata {
  const { read: _read, starred: _starred, archived: _archived, ...metadata } = article
  return metadata
}

/**
 * Writes one article's row, relations and full-text entry; the caller holds the transaction.
 * An article already stored keeps its rowid (the key of its relations and of the index).
 */
export function writeArticleRow(db: SqlDatabase, article: ArticleSummary, body: string): number {
  const rowid = writeArticleRecord(db, article)
  indexArticleBody(db, rowid, article, body)
  return rowid
}

/**
 * The full-text entry of an article whose row and relations are written: what it shows, which is
 * the person's list of correspondents when they edited it, not the extractor's.
 */
export function indexArticleBody(
  db: SqlDatabase,
  rowid: number,
  article: ArticleSummary,
  body: string,
  options?: IndexOptions,
): void {
  indexArticleText(
    db,
    rowid,
    { ...textOfArticle(article, body), correspondents: indexedNames(db, rowid) },
    options,
  )
}

/**
 * Writes one article's row and relations without its full-text entry (`indexArticleBody` adds it):
 * a bulk load writes a batch's rows first, then their entries (see database-builder.ts).
 */
export function writeArticleRecord(db: SqlDatabase, article: ArticleSummary): number {
  const values = [
    article.id,
    article.source,
    article.url,
    article.canonicalUrl,
    article.fileName,
    article.title,
    article.byline,
    article.siteName,
    article.lang,
    article.excerpt,
    article.publishedAt,
    article.addedAt,
    article.updatedAt,
    article.wordCount,
    article.readingMinutes,
    article.leadImage,
    article.read,
    article.starred,
    article.archived,
  ]
  const row = db.get<{ rowid: number }>(
    `INSERT INTO articles (id, source, url, canonical_url, file_name, title, byline, site_name, lang, excerpt,
       published_at, added_at, updated_at, word_count, reading_minutes, lead_image, read, starred, archived)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET source = excluded.source, url = excluded.url,
       canonical_url = excluded.canonical_url, file_name = excluded.file_name, title = excluded.title,
       byline = excluded.byline, site_name = excluded.site_name, lang = excluded.lang,
       excerpt = excluded.excerpt, published_at = excluded.published_at, added_at = excluded.added_at,
       updated_at = excluded.updated_at, word_count = excluded.word_count,
       reading_minutes = excluded.reading_minutes, lead_image = excluded.lead_image,
       read = excluded.read, starred = excluded.starred, archived = excluded.archived
     RETURNING rowid`,
    values,
  )
  if (!row) throw new DatelineError('INTERNAL', `The article ${article.id} could not be stored.`)
  // The tagger's countries, with the person's edits applied over them (countries/country-store.ts).
  storeArticleCountries(db, row.rowid, article.id, article.countries)
  writeCorrespondents(db, row.rowid, article.correspondents, article.siteName)
  return row.rowid
}

/**
 * The correspondents column of an article's full-text entry: each name as credited and every other
 * name of its group (the one it is shown under and the entries merged with it), so a search for any
 * name of a merged correspondent finds all of the group's articles. A merge or split rewrites the
 * entries of the group's articles (search/reindex-articles.ts).
 */
export function indexedNames(db: SqlDatabase, rowid: number): string {
  const names = db.all<{ name: string }>(
    `SELECT name FROM (
       SELECT ac.position, 0 AS rank, c.id, c.name FROM article_correspondents ac
         JOIN correspondents c ON c.id = ac.correspondent WHERE ac.article = ?1
       UNION ALL
       SELECT ac.position, 1, r.id, r.name FROM article_correspondents ac
         JOIN correspondents c ON c.id = ac.correspondent JOIN correspondents r ON r.id = c.merged_into
         WHERE ac.article = ?1
       UNION ALL
       SELECT ac.position, 2, m.id, m.name FROM article_correspondents ac
         JOIN correspondents c ON c.id = ac.correspondent
         JOIN correspondents m ON m.merged_into = coalesce(c.merged_into, c.id) AND m.merged_into IS NOT NULL
         WHERE ac.article = ?1
     ) ORDER BY position, rank, id`,
    [rowid],
  )
  return [...new Set(names.map((n) => n.name))].join('\n')
}

/** What of an article the full-text index holds. */
export function textOfArticle(article: ArticleSummary, body: string): IndexedText {
  return {
    title: article.title,
    correspondents: article.correspondents.map((c) => c.name).join('\n'),
    site: article.siteName ?? '',
    excerpt: article.excerpt,
    body,
  }
}

const MAX_CORRESPONDENTS = 20

/** A correspondent is one per normalised name and outlet (see the correspondents issue). */
export function correspondentKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim()
}

function writeCorrespondents(
  db: SqlDatabase,
  rowid: number,
  correspondents: Correspondent[],
  outlet: string | null,
): void {
  // A person's own edit of this article's correspondents (origin 'person') outlives re-extraction.
  const edited = db.get<{ n: number }>(
    `SELECT count(*) AS n FROM article_correspondents WHERE article = ? AND origin = 'person'`,
    [rowid],
  )
  if ((edited?.n ?? 0) > 0) return
  db.run(`DELETE FROM article_correspondents WHERE article = ? AND origin = 'extractor'`, [rowid])
  // Agencies are one correspondent whatever outlet runs their copy.
  correspondents.slice(0, MAX_CORRESPONDENTS).forEach((person, position) => {
    const nameKey = correspondentKey(person.name)
    if (!nameKey) return
    const kind = CorrespondentKind.catch('person').parse(person.kind)
    const outletKey = kind === 'agency' || !outlet ? '' : correspondentKey(outlet)
    const authorUrl = typeof person.url === 'string' && /^https?:\/\//i.test(person.url) ? person.url : null
    const found = db.get<{ id: number }>(
      `INSERT INTO correspondents (name, name_key, outlet_key, kind, author_url) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name_key, outlet_key) DO UPDATE SET
         author_url = coalesce(correspondents.author_url, excluded.author_url)
       RETURNING id`,
      [person.name.trim(), nameKey, outletKey, kind, authorUrl],
    )
    if (!found) return
    db.run(
      `INSERT INTO article_correspondents (correspondent, article, position) VALUES (?, ?, ?)
       ON CONFLICT (correspondent, article) DO NOTHING`,
      [found.id, rowid, position],
    )
  })
}
