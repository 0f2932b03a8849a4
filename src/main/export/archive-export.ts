import type { Article } from '@shared/article'
import { rewriteStoredImageSources } from '@shared/media'
import type { SqlDatabase } from '../library/database'
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  COLLECTIONS_ENTRY,
  CORRESPONDENTS_ENTRY,
  MANIFEST_ENTRY,
  withoutLocalKeys,
  type ArchivedArticle,
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
        .all<Record<string, unknown> & { name_key: string; outlet_key: string }>(
          'SELECT * FROM correspondents ORDER BY name_key, outlet_key',
        )
        .filter(
          (row) =>
            wholeLibrary || correspondents.has(keyOf({ nameKey: row.name_key, outletKey: row.outlet_key })),
        )
        .map((row) => ({
          nameKey: row.name_key,
          outletKey: row.outlet_key,
          row: withoutLocalKeys('correspondents', row),
        })),
    )
    await zip.add(CORRESPONDENTS_ENTRY, JSON.stringify(correspondentRows))
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
  }
}
