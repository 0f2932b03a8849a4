import { spawn } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { deflateSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeArticleRow } from '../../src/main/library/article-rows'
import { databaseLockPath, SqlDatabase } from '../../src/main/library/database'
import { articleTextPath, libraryLayout } from '../../src/main/library/layout'
import { LibraryStore } from '../../src/main/library/library-store'
import { readManifest, writeManifest } from '../../src/main/library/manifest'
import { INDEX_REBUILT_THROUGH } from '../../src/main/library/schema'
import { cliMissing } from '../helpers/built-cli'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * Schema 18 keeps each article's plain text in the database (article-texts.ts), so `dateline
 * reindex` and the search's snippets read no text file. What is kept is checked before use: a row of
 * another revision or a damaged one gives way to the file. A library from schema 17 fills the table
 * during its next reindex, which resumes after a kill like any reindex.
 */

let dir: string
const stores: LibraryStore[] = []

const STORIES = [
  { title: 'Harbour report', text: 'The ferries to the lighthouse stopped after the storm.' },
  { title: 'Market day', text: 'Farmers sold pumpkins and walnuts by the cathedral.' },
  { title: 'Night train', text: 'The sleeper carriage reached the frontier before dawn.' },
]

const QUERIES = ['lighthouse', 'pumpkins', 'walnut*', 'frontier', '"sleeper carriage"', 'storm -pumpkins']

let ids: string[] = []

beforeEach(async () => {
  dir = await makeTempDir('dateline-kept-texts-')
  const store = await LibraryStore.open(dir)
  ids = []
  for (const [i, story] of STORIES.entries()) {
    const article = makeSummary({
      title: story.title,
      excerpt: '',
      addedAt: `2024-05-0${i + 1}T10:00:00.000Z`,
      updatedAt: `2024-05-0${i + 1}T10:00:00.000Z`,
    })
    await store.putArticle(article, { html: `<p>${story.text}</p>`, text: story.text })
    ids.push(article.id)
  }
  await store.close()
})

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()))
  await removeDir(dir)
})

async function open(): Promise<LibraryStore> {
  const store = await LibraryStore.open(dir)
  stores.push(store)
  return store
}

function found(store: LibraryStore, query: string): string[] {
  return store
    .listArticles({ filter: { state: 'all', query }, sort: 'relevance', offset: 0, limit: 10 })
    .items.map((a) => a.title)
}

function foundByEachQuery(store: LibraryStore): Record<string, string[]> {
  return Object.fromEntries(QUERIES.map((q) => [q, found(store, q)]))
}

async function snippets(store: LibraryStore, query: string): Promise<string[]> {
  const page = store.searchArticles({
    filter: { state: 'all', query },
    sort: 'relevance',
    offset: 0,
    limit: 10,
  })
  return (await store.searchMatches(page)).map((m) => m.snippet.text)
}

async function deleteTextFiles(store: LibraryStore): Promise<void> {
  for (const id of ids) await rm(articleTextPath(store.layout, store.require(id)))
}

/** Works on the closed library's database directly, as a damaged disk or an older Dateline would. */
function withDatabase<T>(work: (db: SqlDatabase) => T): T {
  const db = SqlDatabase.open(libraryLayout(dir).database)
  try {
    return work(db)
  } finally {
    db.close()
  }
}

/** Makes the closed library what Dateline 17 left: no table of texts, database and manifest at 17. */
async function schema17Library(): Promise<void> {
  withDatabase((db) => {
    db.transaction(() => {
      db.exec('DROP TABLE article_texts')
      db.exec('PRAGMA user_version = 17')
    })
  })
  const layout = libraryLayout(dir)
  await writeManifest(layout, { ...(await readManifest(layout))!, schemaVersion: 17 })
}

function keptRows(): number {
  return withDatabase((db) => Number(db.get<{ n: number }>('SELECT count(*) AS n FROM article_texts')?.n))
}

describe('the article texts kept in the database', () => {
  it('let reindex and the snippets find every word with the text files gone, and go with their article', async () => {
    const store = await open()
    const before = foundByEachQuery(store)
    expect(before.lighthouse).toEqual(['Harbour report'])
    await deleteTextFiles(store)

    await store.reindex()
    expect(foundByEachQuery(store)).toEqual(before)
    expect(await snippets(store, 'pumpkins')).toEqual(['Farmers sold pumpkins and walnuts by the cathedral.'])

    await store.deleteArticle(ids[0]!)
    await store.close()
    expect(keptRows()).toBe(2)
  })

  it('give way to the text file when the row is of another revision or damaged', async () => {
    withDatabase((db) => {
      // A row left by an older capture: its words are not the article's now.
      db.run("UPDATE article_texts SET updated_at = '2020-01-01T00:00:00.000Z', text = ? WHERE rowid = 1", [
        deflateSync(Buffer.from('Obsolete wording about zeppelins.')),
      ])
      // A row damaged on disk: one byte of its compressed text changed.
      const row = db.get<{ text: Uint8Array }>('SELECT text FROM article_texts WHERE rowid = 2')!
      const damaged = Uint8Array.from(row.text)
      const middle = Math.floor(damaged.length / 2)
      damaged[middle] = damaged[middle]! ^ 0x55
      db.run('UPDATE article_texts SET text = ? WHERE rowid = 2', [damaged])
      // Not compressed at all.
      db.run("UPDATE article_texts SET text = 'sleeper' WHERE rowid = 3")
    })
    const store = await open()
    await store.reindex()

    expect(found(store, 'zeppelins')).toEqual([])
    expect(found(store, 'lighthouse')).toEqual(['Harbour report'])
    expect(found(store, 'pumpkins')).toEqual(['Market day'])
    expect(found(store, 'frontier')).toEqual(['Night train'])
    expect(await snippets(store, 'lighthouse')).toEqual([
      'The ferries to the lighthouse stopped after the storm.',
    ])
    // The reindex kept the file's texts in place of the bad rows: the files are no longer needed.
    await deleteTextFiles(store)
    await store.reindex()
    expect(found(store, 'pumpkins')).toEqual(['Market day'])
    expect(found(store, 'frontier')).toEqual(['Night train'])
  })

  it('are filled for a library from schema 17 by its next reindex, which finds the same as before', async () => {
    const first = await open()
    const before = foundByEachQuery(first)
    await first.close()
    stores.length = 0
    await schema17Library()

    const store = await open()
    // The open only made the table; the texts come with the reindex.
    expect(store.query((db) => db.get<{ n: number }>('SELECT count(*) AS n FROM article_texts')?.n)).toBe(0)
    expect(foundByEachQuery(store)).toEqual(before)
    await store.reindex()
    expect(store.query((db) => db.get<{ n: number }>('SELECT count(*) AS n FROM article_texts')?.n)).toBe(3)
    expect(foundByEachQuery(store)).toEqual(before)

    await deleteTextFiles(store)
    await store.reindex()
    expect(foundByEachQuery(store)).toEqual(before)
  })

  it('are filled to the end when a reindex that filled them part-way was killed', async () => {
    await (await open()).close()
    stores.length = 0
    // What a kill after the first batch of a reindex from schema 17 leaves: the first article's
    // text kept, the note of how far the index got.
    withDatabase((db) => {
      db.transaction(() => {
        db.exec('DELETE FROM article_texts WHERE rowid > 1')
        db.exec('DELETE FROM article_fts WHERE rowid > 1')
        db.run('INSERT OR REPLACE INTO library_facts (key, value) VALUES (?, ?)', [
          INDEX_REBUILT_THROUGH,
          '1',
        ])
      })
    })
    const store = await open()
    expect(store.query((db) => db.get<{ n: number }>('SELECT count(*) AS n FROM article_texts')?.n)).toBe(3)
    await deleteTextFiles(store)
    await store.reindex()
    expect(found(store, 'lighthouse')).toEqual(['Harbour report'])
    expect(found(store, 'pumpkins')).toEqual(['Market day'])
    expect(found(store, 'frontier')).toEqual(['Night train'])
  })

  it.skipIf(cliMissing !== null)(
    'are filled to the end after `dateline reindex` was killed part-way through filling them',
    async () => {
      // 1,000 more articles (4 batches of 250), written straight into a schema-17 library.
      const store = await open()
      const extra = Array.from({ length: 1000 }, (_, n) =>
        makeSummary({
          id: `c${n.toString(16).padStart(15, '0')}`,
          title: `Dispatch ${n}`,
          addedAt: '2024-06-01T10:00:00.000Z',
          updatedAt: '2024-06-01T10:00:00.000Z',
        }),
      )
      const textOf = (n: number): string => `Dispatch about the quay${n.toString(36)}x harbour.`
      for (const [n, article] of extra.entries()) {
        const path = articleTextPath(store.layout, article)
        await mkdir(dirname(path), { recursive: true })
        await writeFile(path, textOf(n))
      }
      store.change((db) => extra.forEach((article, n) => writeArticleRow(db, article, textOf(n))))
      await store.close()
      stores.length = 0
      await schema17Library()

      // Killed as soon as it tells of its first batch done.
      const child = spawn(process.execPath, [resolve('out/main/cli.js'), '--library', dir, 'reindex'], {
        env: { ...process.env, DATELINE_LIBRARY: '' },
      })
      await new Promise<void>((done) => {
        let told = ''
        child.stderr.on('data', (chunk: Buffer) => {
          told += chunk.toString('utf8')
          if (/Indexing the text of [1-9]\d* of/.test(told)) child.kill('SIGKILL')
        })
        child.stdout.on('data', (chunk: Buffer) => {
          told += chunk.toString('utf8')
          if (/Indexing the text of [1-9]\d* of/.test(told)) child.kill('SIGKILL')
        })
        child.on('exit', () => done())
      })
      // A kill inside a transaction leaves the SQLite build's lock directory behind. The library's
      // open removes it once its own lock proves the owner dead; this test reads the raw database
      // first, so it does the same (the process is gone).
      await rm(databaseLockPath(libraryLayout(dir).database), { recursive: true, force: true })
      const partly = withDatabase((db) => ({
        kept: Number(db.get<{ n: number }>('SELECT count(*) AS n FROM article_texts')?.n),
        pending:
          db.get('SELECT value FROM library_facts WHERE key = ?', [INDEX_REBUILT_THROUGH]) !== undefined,
      }))
      expect(partly.pending, 'the kill came before the reindex finished').toBe(true)
      expect(partly.kept).toBeGreaterThan(0)
      expect(partly.kept).toBeLessThan(1003)

      // The next open finishes the reindex, and with it the texts.
      const reopened = await open()
      expect(
        reopened.query((db) => db.get<{ n: number }>('SELECT count(*) AS n FROM article_texts')?.n),
      ).toBe(1003)
      for (const article of extra) await rm(articleTextPath(reopened.layout, article))
      await deleteTextFiles(reopened)
      await reopened.reindex()
      expect(found(reopened, `quay${(999).toString(36)}x`)).toEqual(['Dispatch 999'])
      expect(found(reopened, 'lighthouse')).toEqual(['Harbour report'])
    },
    60_000,
  )
})
