import { spawn } from 'node:child_process'
import { access, cp, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/article'
import { articleMetadataPath, articleTextPath, libraryLayout } from '../../src/main/library/layout'
import { LibraryStore } from '../../src/main/library/library-store'
import { CURRENT_SCHEMA_VERSION, readManifest } from '../../src/main/library/manifest'
import { bundleHelper, type HelperBundle } from '../helpers/bundle-helper'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * tests/fixtures/library-v1 was written by the sharded JSON store (commit 5967576): eight text
 * articles and a pasted page, three with states, one deleted (still in trash.json with its files);
 * one entry was given countries and a correspondent by hand, as the taggers will write them.
 */
const FIXTURE = resolve(__dirname, '../fixtures/library-v1')

let dir: string
const stores: LibraryStore[] = []

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

async function legacyArticles(root: string): Promise<ArticleSummary[]> {
  const { readLegacyLibrary } = await import('../../src/main/library/legacy-json-library')
  return (await readLegacyLibrary(libraryLayout(root))).articles
}

beforeEach(async () => {
  dir = join(await makeTempDir('dateline-migration-'), 'library')
  await cp(FIXTURE, dir, { recursive: true })
})

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()))
  await removeDir(join(dir, '..'))
})

describe('a library written by the sharded JSON Dateline', () => {
  it('comes across whole: every article, its text, states, countries and correspondent', async () => {
    const before = await legacyArticles(dir)
    const progress: number[] = []
    const store = await LibraryStore.open(dir, { progress: ({ done }) => progress.push(done) })
    stores.push(store)

    expect(before.length, 'articles in the fixture').toBe(8)
    for (const old of before) {
      expect(store.get(old.id), `article ${old.title}`).toEqual({ ...old, archived: false })
      const whole = await store.readArticle(old.id)
      expect(whole.text).toBe(await readFile(articleTextPath(libraryLayout(dir), old), 'utf8'))
      expect(await exists(articleMetadataPath(libraryLayout(dir), old)), 'metadata file written').toBe(true)
    }
    const minsk = before.find((a) => a.title.startsWith('Talks in Minsk'))!
    expect(
      store
        .listArticles({ filter: { state: 'all', country: 'LT' }, sort: 'newest', offset: 0, limit: 10 })
        .items.map((a) => a.id),
    ).toEqual([minsk.id])
    expect(
      store
        .listArticles({ filter: { state: 'all', query: 'Vilnius' }, sort: 'relevance', offset: 0, limit: 10 })
        .items.map((a) => a.id),
    ).toEqual([minsk.id])
    expect(store.counts()).toEqual({
      articles: 8,
      unread: before.filter((a) => !a.read).length,
      starred: before.filter((a) => a.starred).length,
      archived: 0,
    })
    expect(progress.at(-1), 'progress reached the end').toBe(8)
    expect((await readManifest(libraryLayout(dir)))?.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(await exists(join(dir, 'meta')), 'shards removed once the database checked out').toBe(false)
    expect(await exists(join(dir, 'trash.json'))).toBe(false)
    expect(await exists(join(dir, 'articles', '34', '34ad502144a0f434')), 'the trashed article purged').toBe(
      false,
    )
  })

  it('is migrated once: a second open changes nothing and keeps new work', async () => {
    const first = await LibraryStore.open(dir)
    const added = makeSummary()
    await first.putArticle(added, { html: '<p>new</p>', text: 'new' })
    await first.close()
    let told = 0
    const again = await LibraryStore.open(dir, { progress: () => told++ })
    stores.push(again)
    expect(told, 'no second migration').toBe(0)
    expect(again.get(added.id)?.title).toBe(added.title)
  })

  it('can be read by `dateline list` before anything opened it for writing, upgrading it first', async () => {
    const reader = await LibraryStore.open(dir, { readOnly: true })
    stores.push(reader)
    expect(reader.counts().articles).toBe(8)
  })

  it('finishes after a kill that left a half-written draft, or a database the manifest did not yet name', async () => {
    const layout = libraryLayout(dir)
    await writeFile(layout.databaseDraft, 'half a database')
    await writeFile(`${layout.databaseDraft}-journal`, 'half a journal')
    const first = await LibraryStore.open(dir)
    expect(first.counts().articles).toBe(8)
    await first.close()

    // Database in place, manifest still 1, shards still there: as if killed right after the rename.
    const fresh = join(dir, '..', 'again')
    await cp(FIXTURE, fresh, { recursive: true })
    await rename(layout.database, join(fresh, 'library.db'))
    const store = await LibraryStore.open(fresh)
    stores.push(store)
    expect(store.counts().articles).toBe(8)
    expect(await exists(join(fresh, 'meta'))).toBe(false)
  })

  it('does not migrate entries whose id could become a path outside the library', async () => {
    const shard = join(dir, 'meta', '97.json')
    const data = JSON.parse(await readFile(shard, 'utf8')) as { articles: Record<string, ArticleSummary> }
    const evil = '97/../../../../x'
    data.articles[evil] = { ...Object.values(data.articles)[0]!, id: evil }
    await writeFile(shard, JSON.stringify(data))
    const store = await LibraryStore.open(dir)
    stores.push(store)
    expect(store.counts().articles).toBe(8)
  })
})

describe('a kill during the migration', () => {
  let bundle: HelperBundle | null = null
  let skipReason: string | null = null

  beforeAll(async () => {
    const made = await bundleHelper(resolve(__dirname, '../helpers/open-library.ts'))
    if ('missing' in made) skipReason = made.missing
    else bundle = made
  })

  afterAll(async () => {
    await bundle?.remove()
  })

  /** A schema-1 library of `count` articles, written as the JSON store wrote them. */
  async function bigLegacyLibrary(root: string, count: number): Promise<void> {
    const layout = libraryLayout(root)
    await mkdir(layout.metaDir, { recursive: true })
    await writeFile(
      layout.manifest,
      JSON.stringify({ format: 'dateline-library', schemaVersion: 1, createdAt: '2025-01-01T00:00:00.000Z' }),
    )
    const shards = new Map<string, Record<string, ArticleSummary>>()
    for (let i = 0; i < count; i++) {
      const id = (0x1000000000000000n + BigInt(i) * 0x1234567n).toString(16).slice(0, 16)
      const { archived: _a, ...summary } = makeSummary({ id, title: `Dispatch ${i}` })
      const folder = join(layout.articlesDir, id.slice(0, 2), id)
      await mkdir(folder, { recursive: true })
      await writeFile(articleTextPath(layout, summary as ArticleSummary), `Dispatch ${i} text`)
      await writeFile(
        articleTextPath(layout, summary as ArticleSummary).replace(/\.txt$/, '.html'),
        `<p>Dispatch ${i}</p>`,
      )
      const shard = shards.get(id.slice(0, 2)) ?? {}
      shard[id] = summary as ArticleSummary
      shards.set(id.slice(0, 2), shard)
    }
    for (const [key, articles] of shards)
      await writeFile(join(layout.metaDir, `${key}.json`), JSON.stringify({ articles }))
  }

  function openAndKill(root: string, afterProgress: number): Promise<'killed' | 'finished'> {
    const child = spawn(process.execPath, [bundle!.path, root], { stdio: ['ignore', 'pipe', 'pipe'] })
    let seen = 0
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('PROGRESS') && ++seen === afterProgress) child.kill('SIGKILL')
    })
    return new Promise((done) =>
      child.once('close', (_code, signal) => done(signal === 'SIGKILL' ? 'killed' : 'finished')),
    )
  }

  it('leaves a library that opens and finishes the job, whatever step it stopped at', async (context) => {
    if (skipReason) context.skip()
    const root = join(dir, '..', 'big')
    await bigLegacyLibrary(root, 1500)
    const outcomes: string[] = []
    for (const at of [1, 2, 3, 4]) outcomes.push(await openAndKill(root, at))
    expect(outcomes, 'at least one kill landed during the migration').toContain('killed')
    const store = await LibraryStore.open(root)
    stores.push(store)
    expect(store.counts().articles).toBe(1500)
    expect(
      store.listArticles({
        filter: { state: 'all', query: 'Dispatch 1499' },
        sort: 'relevance',
        offset: 0,
        limit: 5,
      }).items[0]?.title,
    ).toBe('Dispatch 1499')
    expect(await exists(join(root, 'meta'))).toBe(false)
  })
})
