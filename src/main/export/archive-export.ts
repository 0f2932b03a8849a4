import type { Article } from '@shared/article'
import { rewriteStoredImageSources } from '@shared/media'
import type { SqlDatabase } from '../library/database'
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  COLLECTIONS_ENTRY,
  CORRESPONDENTS_ENTRY,
  FEEDS_ENTRY,
  MANIFEST_ENTRY,
  withoutLocalKeys,
  type ArchivedArticle,
  type ArchivedFeed,
  type ArchiveManifest,
  type Row,
} from './archive-format'
import { articlesOf, throwIfCancelled, type ExportRun } from './export-run'
import { ZipWriter } from './zip-writer'

/** Writes a Dateline archive (see archive-format.ts), one article at a time. */
export async function writeArchive(
  path: string,
  run: ExportRun,
): Promise<{ articles: number; pictures: number }> {
  const zip = new ZipWriter(path, run.startedAt)
  const wholeLibrary = run.walk.whole
  try {
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exportedAt: run.startedAt.toISOString(),
      schemaVersion: run.library.schemaVersion,
      articles: run.walk.total,
      selection: wholeLibrary ? 'library' : run.title,
    }
    await zip.add(MANIFEST_ENTRY, `${JSON.stringify(manifest, null, 2)}\n`)
    const pictures = new Set<string>()
    const collections = new Set<string>()
    const correspondents = new Set<string>()
    let articles = 0
    for await (const article of articlesOf(run)) {
      for (const path of picturesOf(article)) {
        if (pictures.has(path)) continue
        const bytes = await run.library.media.read(path)
        if (!bytes) {
          run.warn(`A picture of "${article.title}" is missing from the library folder.`)
          continue
        }
        await zip.add(path, bytes, { compress: false })
        pictures.add(path)
      }
      const archived = run.library.query((db) => archivedArticle(db, article))
      for (const c of archived.collections) collections.add(c.name)
      for (const c of archived.correspondents) correspondents.add(keyOf(c))
      await zip.add(`articles/${article.id}.json`, JSON.stringify(archived))
      articles++
      run.advance()
    }
    throwIfCancelled(run.signal)
    if (run.walk.collection) collections.add(run.walk.collection)
    const collectionRows = run.library.query((db) =>
      db
        .all<Record<string, unknown> & { name: string }>('SELECT * FROM collections ORDER BY name, id')
        .filter((row) => wholeLibrary || collections.has(row.name))
        .map((row) => ({ name: row.name, row: withoutLocalKeys('collections', row) })),
    )
    await zip.add(COLLECTIONS_ENTRY, JSON.stringify(collectionRows))
    const correspondentRows = run.library.query((db) =>
      db
        .all<
          Record<string, unknown> & {
            name_key: string
            outlet_key: string
            into_name_key: string | null
            into_outlet_key: string | null
          }
        >(
          `SELECT c.*, i.name_key AS into_name_key, i.outlet_key AS into_outlet_key FROM correspondents c
           LEFT JOIN correspondents i ON i.id = c.merged_into ORDER BY c.name_key, c.outlet_key`,
        )
        .filter(
          (row) =>
            wholeLibrary || correspondents.has(keyOf({ nameKey: row.name_key, outletKey: row.outlet_key })),
        )
        .map(({ into_name_key, into_outlet_key, ...row }) => ({
          nameKey: row.name_key,
          outletKey: row.outlet_key,
          row: withoutLocalKeys('correspondents', row),
          mergedInto:
            into_name_key === null ? null : { nameKey: into_name_key, outletKey: into_outlet_key ?? '' },
        })),
    )
    await zip.add(CORRESPONDENTS_ENTRY, JSON.stringify(correspondentRows))
    // Subscriptions belong to the library, not to a collection or a selection.
    if (wholeLibrary) await zip.add(FEEDS_ENTRY, JSON.stringify(run.library.query(archivedFeeds)))
    await zip.close()
    return { articles, pictures: pictures.size }
  } catch (error) {
    await zip.abort()
    throw error
  }
}

function keyOf(c: { nameKey: string; outletKey: string }): string {
  return `${c.nameKey}\u0000${c.outletKey}`
}

function picturesOf(article: Article): string[] {
  const paths = new Set<string>()
  rewriteStoredImageSources(article.html, (path) => {
    paths.add(path)
    return null
  })
  if (article.leadImage) paths.add(article.leadImage)
  return [...paths]
}

/** The feeds with their items, each item naming its article by id. */
function archivedFeeds(db: SqlDatabase): ArchivedFeed[] {
  const feeds = db.all<
    Record<string, unknown> & { id: number; url: string; c_name: string | null; c_outlet: string | null }
  >(
    `SELECT f.*, c.name_key AS c_name, c.outlet_key AS c_outlet FROM feeds f
     LEFT JOIN correspondents c ON c.id = f.correspondent ORDER BY f.url`,
  )
  return feeds.map(({ c_name, c_outlet, ...feed }) => ({
    url: feed.url,
    row: withoutLocalKeys('feeds', feed),
    correspondent: c_name === null ? null : { nameKey: c_name, outletKey: c_outlet ?? '' },
    items: db
      .all<Record<string, unknown> & { guid: string; article_id: string | null }>(
        `SELECT i.*, a.id AS article_id FROM feed_items i LEFT JOIN articles a ON a.rowid = i.article
         WHERE i.feed = ? ORDER BY i.guid`,
        [feed.id],
      )
      .map(({ article_id, ...item }) => ({
        guid: item.guid,
        row: withoutLocalKeys('feed_items', item),
        articleId: article_id,
      })),
  }))
}

/** The article's row and relations, as the database holds them, without this library's own keys. */
function archivedArticle(db: SqlDatabase, article: Article): ArchivedArticle {
  const row = db.get<Record<string, unknown> & { rowid: number }>('SELECT * FROM articles WHERE id = ?', [
    article.id,
  ])!
  const rowid = row.rowid
  return {
    id: article.id,
    row: withoutLocalKeys('articles', row),
    html: article.html,
    text: article.text,
    countries: db
      .all<Record<string, unknown>>('SELECT * FROM article_countries WHERE article = ? ORDER BY code', [
        rowid,
      ])
      .map((r) => withoutLocalKeys('article_countries', r)),
    correspondents: db
      .all<Record<string, unknown> & { name_key: string; outlet_key: string }>(
        `SELECT ac.*, c.name_key, c.outlet_key FROM article_correspondents ac
         JOIN correspondents c ON c.id = ac.correspondent WHERE ac.article = ? ORDER BY ac.position, c.name_key`,
        [rowid],
      )
      .map(({ name_key, outlet_key, ...r }) => ({
        nameKey: name_key,
        outletKey: outlet_key,
        row: withoutLocalKeys('article_correspondents', r),
      })),
    collections: db
      .all<Record<string, unknown> & { name: string }>(
        `SELECT ca.*, c.name FROM collection_articles ca JOIN collections c ON c.id = ca.collection
         WHERE ca.article = ? ORDER BY c.name`,
        [rowid],
      )
      .map(({ name, ...r }) => ({ name, row: withoutLocalKeys('collection_articles', r) as Row })),
    countryEdits: db
      .all<Record<string, unknown>>('SELECT * FROM country_edits WHERE article_id = ? ORDER BY code', [
        article.id,
      ])
      .map((r) => withoutLocalKeys('country_edits', r)),
    highlights: db
      .all<Record<string, unknown>>('SELECT * FROM highlights WHERE article_id = ? ORDER BY start, id', [
        article.id,
      ])
      .map((r) => withoutLocalKeys('highlights', r)),
  }
}
