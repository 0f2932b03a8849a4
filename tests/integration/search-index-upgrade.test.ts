import { readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rewindToSchema2 } from '../helpers/schema-2-library'
import { SqlDatabase } from '../../src/main/library/database'
import type { BuildProgress } from '../../src/main/library/database-builder'
import { libraryLayout } from '../../src/main/library/layout'
import { LibraryStore } from '../../src/main/library/library-store'
import { CURRENT_SCHEMA_VERSION } from '../../src/main/library/manifest'
import { INDEX_REBUILT_THROUGH } from '../../src/main/library/schema'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * Schema step 8 remakes the full-text index with prefix indexes up to six characters. The index is
 * contentless, so the store refills it from the rows and text files when the library is opened,
 * with progress, and a rebuild a kill stopped is finished by the next open.
 */

let dir: string
const stores: LibraryStore[] = []

const STORIES = [
  { title: 'Protesters fill the square', text: 'Thousands of protesters gathered in the capital.' },
  { title: 'Harvest report', text: 'Farmers expect a parliamentary inquiry into grain prices.' },
  { title: 'Ministers meet', text: 'The ministerial meeting ended without a statement.' },
]

beforeEach(async () => {
  dir = await makeTempDir('dateline-index-upgrade-')
  const store = await LibraryStore.open(dir)
  for (const [i, story] of STORIES.entries()) {
    const article = makeSummary({ title: story.title, addedAt: `2024-05-0${i + 1}T10:00:00.000Z` })
    await store.putArticle(article, { html: `<p>${story.text}</p>`, text: story.text })
  }
  await store.close()
})

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()))
  await removeDir(dir)
})

function found(store: LibraryStore, query: string): string[] {
  return store
    .listArticles({ filter: { state: 'all', query }, sort: 'relevance', offset: 0, limit: 10 })
    .items.map((a) => a.title)
}

function indexDefinition(): string {
  const db = SqlDatabase.open(libraryLayout(dir).database, { readOnly: true })
  try {
    return db.get<{ sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'article_fts'")?.sql ?? ''
  } finally {
    db.close()
  }
}

describe('the full-text index of a library from schema 2', () => {
  it('is rebuilt with longer prefix indexes at the first open, with progress, and finds every article', async () => {
    await rewindToSchema2(dir)
    const progress: BuildProgress[] = []
    const store = await LibraryStore.open(dir, { progress: (p) => progress.push(p) })
    stores.push(store)

    expect(progress.map((p) => p.stage)).toContain('indexing')
    expect(progress.at(-1)).toMatchObject({ stage: 'indexing', done: 3, total: 3 })
    expect(indexDefinition()).toContain("prefix = '2 3 4 5 6'")
    expect(found(store, 'protes')).toEqual(['Protesters fill the square'])
    expect(found(store, 'parlia')).toEqual(['Harvest report'])
    expect(found(store, 'minist')).toEqual(['Ministers meet'])
    const manifest = JSON.parse(await readFile(libraryLayout(dir).manifest, 'utf8')) as {
      schemaVersion: number
    }
    expect(manifest.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)

    await store.close()
    const again: BuildProgress[] = []
    stores.push(await LibraryStore.open(dir, { progress: (p) => again.push(p) }))
    expect(again, 'no second rebuild').toEqual([])
  })

  it('finishes a rebuild that a kill stopped part-way, also when a reader opens the library first', async () => {
    // What a kill after the first batch leaves: the first article indexed, the note of how far.
    const db = SqlDatabase.open(libraryLayout(dir).database)
    const [first] = db.all<{ rowid: number }>('SELECT rowid FROM articles ORDER BY rowid LIMIT 1')
    db.exec(`DELETE FROM article_fts WHERE rowid > ${first!.rowid}`)
    db.run('INSERT INTO library_facts (key, value) VALUES (?, ?)', [
      INDEX_REBUILT_THROUGH,
      String(first!.rowid),
    ])
    db.close()

    const reader = await LibraryStore.open(dir, { readOnly: true })
    stores.push(reader)
    expect(found(reader, 'minist')).toEqual(['Ministers meet'])
    expect(found(reader, 'protes')).toEqual(['Protesters fill the square'])
    const check = SqlDatabase.open(libraryLayout(dir).database, { readOnly: true })
    expect(
      check.get('SELECT value FROM library_facts WHERE key = ?', [INDEX_REBUILT_THROUGH]),
    ).toBeUndefined()
    check.close()
  })
})
