import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { AddArticleResult } from '@shared/contract'
import type { AnchoredHighlight } from '@shared/highlights'
import type { EmptyTrashResult, TrashPage } from '@shared/trash'
import type { SqlDatabase } from '../../src/main/library/database'
import { articleDir, libraryLayout } from '../../src/main/library/layout'
import { appForEachTest } from '../helpers/app-for-each-test'
import { makeTempDir, removeDir } from '../helpers/temp-library'

const { app, dir, call, reopen } = appForEachTest()

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

/**
 * Every table that still names the article, by its id in any column (a key, a JSON value) or by
 * its rowid in a column that refers to articles, or as the search index's rowid.
 */
function tablesNaming(db: SqlDatabase, id: string, rowid: number): string[] {
  const tables = db
    .all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'article_fts%'",
    )
    .map((t) => t.name)
  const naming = tables.filter((table) => {
    const columns = db.all<{ name: string }>(`PRAGMA table_info("${table}")`).map((c) => c.name)
    const byId = columns.some((column) =>
      db.get(`SELECT 1 FROM "${table}" WHERE instr(CAST("${column}" AS TEXT), ?) > 0 LIMIT 1`, [id]),
    )
    const byRowid = db
      .all<{ table: string; from: string }>(`PRAGMA foreign_key_list("${table}")`)
      .some(
        (key) =>
          key.table === 'articles' && db.get(`SELECT 1 FROM "${table}" WHERE "${key.from}" = ?`, [rowid]),
      )
    return byId || byRowid
  })
  if (db.get('SELECT 1 FROM article_fts WHERE rowid = ?', [rowid])) naming.push('article_fts')
  return naming.sort()
}

async function addText(title: string): Promise<string> {
  const text = `${title}\n\n${'A paragraph of the dispatch about the talks in Vienna. '.repeat(12)}`
  const { article } = await call<AddArticleResult>('articles.add', { kind: 'text', text })
  return article.id
}

describe('the trash', () => {
  it('lists deleted articles newest first, keeps them across a restart, and restores any of them', async () => {
    const first = await addText('Talks in Vienna resume')
    const second = await addText('Grain corridor reopens')
    await call('articles.delete', { id: first })
    await call('articles.delete', { id: second })

    const trash = await call<TrashPage>('trash.list', {})
    expect(trash.total).toBe(2)
    expect(trash.items.map((item) => item.title)).toEqual([
      'Grain corridor reopens',
      'Talks in Vienna resume',
    ])
    const [latest] = trash.items
    expect(Date.parse(latest!.purgeAt) - Date.parse(latest!.deletedAt)).toBe(30 * 24 * 60 * 60 * 1000)

    await reopen()
    // The first delete, not only the last, can still be undone after the app was closed.
    await call('articles.restore', { id: first })
    expect((await call<TrashPage>('trash.list', {})).items.map((item) => item.id)).toEqual([second])
  })

  it('empties one article or the whole trash for good, files included', async () => {
    const ids = [
      await addText('Ceasefire holds'),
      await addText('Port strike ends'),
      await addText('Vote recount'),
    ]
    for (const id of ids) await call('articles.delete', { id })
    const layout = libraryLayout(dir())

    expect(await call<EmptyTrashResult>('trash.empty', { ids: [ids[0]] })).toEqual({ removed: 1 })
    expect(await exists(articleDir(layout, ids[0]!)), 'the emptied article’s folder').toBe(false)
    expect(await exists(articleDir(layout, ids[1]!)), 'another trashed article’s folder').toBe(true)
    const gone = await app().dispatch('articles.restore', { id: ids[0] })
    expect(gone.ok).toBe(false)

    expect(await call<EmptyTrashResult>('trash.empty', {})).toEqual({ removed: 2 })
    expect((await call<TrashPage>('trash.list', {})).total).toBe(0)
    for (const id of ids) expect(await exists(articleDir(layout, id))).toBe(false)
  })

  it('leaves nothing of an emptied article in any table but the sync registers and log', async () => {
    const id = await addText('Harbour reopens in Odesa')
    const kept = await addText('Grain ships wait')
    const syncRoot = await makeTempDir('dateline-trash-sync-')
    onTestFinished(() => removeDir(syncRoot))
    await call('sync.enable', { folder: join(syncRoot, 'Sync'), deviceName: 'Laptop' })
    const rowid = app().library.articleRowid(id)
    const highlight = await call<AnchoredHighlight>('highlights.add', {
      articleId: id,
      exact: 'talks in Vienna',
      note: 'Who attends?',
    })
    await call('highlights.add', { articleId: kept, exact: 'talks in Vienna' })
    await call('countries.edit', { id, edits: [{ code: 'UA', role: 'primary' }] })
    await call('correspondents.setForArticle', {
      id,
      correspondents: [{ name: 'Olena Hale', kind: 'person' }],
    })
    const collection = await call<{ id: number }>('collections.create', { name: 'Black Sea' })
    await call('collections.add', { id: collection.id, articles: [id, kept] })
    await call('reading.savePosition', { id, progress: 0.4 })
    app().library.change((db) => {
      db.run("INSERT INTO feeds (url, title, added_at) VALUES ('https://news.example/rss', 'News', 'x')")
      db.run(
        `INSERT INTO feed_items (feed, guid, link, article, seen_at)
         SELECT id, 'item-1', 'https://news.example/1', ?, 'x' FROM feeds`,
        [rowid],
      )
      db.run(
        `INSERT INTO import_jobs (file_name, format, created_at, row_count, already_there, broken_count,
           broken_rows, collections) VALUES ('pocket.csv', 'pocket', 'x', 1, 0, 0, '[]', '[]')`,
      )
      db.run(
        `INSERT INTO import_items (job, line, url, url_key, tags, read, starred, archived, state, article)
         SELECT id, 2, 'https://news.example/1', 'news.example/1', '[]', 0, 0, 0, 'done', ? FROM import_jobs`,
        [id],
      )
    })
    await call('sync.now', {})

    // A trip to the trash and back keeps what is keyed by the article's id.
    await call('articles.delete', { id })
    await call('articles.restore', { id })
    const notes = await call<{ highlights: AnchoredHighlight[] }>('highlights.list', { articleId: id })
    expect(notes.highlights.map((h) => h.note)).toEqual(['Who attends?'])

    const restoredRowid = app().library.articleRowid(id)
    await call('articles.delete', { id })
    await call('trash.empty', {})
    await call('sync.now', {})
    const naming = app().library.query((db) => [
      ...tablesNaming(db, id, rowid),
      ...tablesNaming(db, id, restoredRowid),
    ])
    // The registers hold its tombstones (the article's, each highlight's); the outbox and the
    // events are the log the other devices read them from.
    expect(naming.filter((table) => !table.startsWith('sync_'))).toEqual([])
    expect(app().library.query((db) => tablesNaming(db, kept, app().library.articleRowid(kept)))).toEqual(
      expect.arrayContaining(['collection_articles', 'highlights']),
    )
    // The feed's item stays, with no article, so the next refresh does not capture it again.
    // Its highlights' removal reaches the other devices as any removal does.
    const register = app().library.query((db) =>
      db.get<{ value: string }>('SELECT value FROM sync_registers WHERE key = ?', [
        `highlight/${highlight.id}`,
      ]),
    )
    expect(JSON.parse(register!.value)).toBeNull()
    expect(
      app().library.query((db) =>
        db.get<{ article: number | null }>("SELECT article FROM feed_items WHERE guid = 'item-1'"),
      ),
    ).toEqual({ article: null })
  })
})
