import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/article'
import type {
  CorrespondentList,
  CorrespondentPage,
  CorrespondentSummary,
  FollowingPage,
} from '@shared/correspondents'
import { openApp, type DatelineApp } from '../../src/main/app'
import { groupEditsPath } from '../../src/main/correspondents/group-edits-file'
import { rebuildLibraryDatabase } from '../../src/main/library/database-builder'
import { libraryLayout } from '../../src/main/library/layout'
import { callOrFail } from '../helpers/app-for-each-test'
import { articlePage } from '../helpers/article-page'
import { html, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { makeTempDir, removeDir } from '../helpers/temp-library'

const CLI = resolve(__dirname, '../../out/main/cli.js')

let dir: string
let site: FixtureServer
let app: DatelineApp

function call<T>(name: string, input: unknown): Promise<T> {
  return callOrFail<T>(app, name, input)
}

/** An article page whose byline links its author's page, as most news sites print it. */
function bylinedPage(title: string, author: string, slug: string): string {
  return articlePage({ title })
    .replace(
      '<p class="byline">By Anna Reporter</p>',
      `<p class="byline">By <a rel="author" href="/author/${slug}/">${author}</a></p>`,
    )
    .replace('<meta name="author" content="Anna Reporter">', '')
}

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Olga Petrova</title></channel></rss>`

beforeEach(async () => {
  dir = await makeTempDir()
  site = await startFixtureServer({
    '/world/one': html(
      bylinedPage('Talks in Vienna run late into the night', 'Olga Petrova', 'olga-petrova'),
    ),
    '/world/two': html(
      bylinedPage('A second round of talks opens in Geneva', 'Olga Petrova', 'olga-petrova'),
    ),
    '/world/three': html(
      bylinedPage('Ministers meet again at the border crossing', 'OLGA PETROVA', 'olga-petrova'),
    ),
    '/world/other': html(bylinedPage('Harvest failures spread across the region', 'Tom Hale', 'tom-hale')),
    // The author page announces the site's feed and the author's own; only the latter is hers.
    '/author/olga-petrova/': html(
      `<html><head><link rel="alternate" type="application/rss+xml" href="/feed/">
       <link rel="alternate" type="application/rss+xml" href="/author/olga-petrova/feed/"></head><body>Olga</body></html>`,
    ),
    '/author/olga-petrova/feed/': { headers: { 'content-type': 'application/rss+xml' }, body: FEED },
    '/author/tom-hale/': html('<html><head></head><body>Tom</body></html>'),
  })
  app = await openApp({ libraryDir: dir, extraction: 'inline' })
  for (const path of ['/world/one', '/world/two', '/world/other']) {
    await call('articles.add', { kind: 'url', url: site.url(path) })
  }
})

afterEach(async () => {
  await app.close()
  await site.close()
  await removeDir(dir)
})

describe('correspondents', () => {
  it('lists who wrote the articles, with counts, searchable and sorted', async () => {
    const byCount = await call<CorrespondentList>('correspondents.list', { sort: 'count' })
    expect(byCount.items.map((c) => [c.name, c.articles, c.kind])).toEqual([
      ['Olga Petrova', 2, 'person'],
      ['Tom Hale', 1, 'person'],
    ])
    expect(byCount.items[0]?.authorUrl).toBe(site.url('/author/olga-petrova/'))
    const byName = await call<CorrespondentList>('correspondents.list', { sort: 'name' })
    expect(byName.items.map((c) => c.name)).toEqual(['Olga Petrova', 'Tom Hale'])
    const found = await call<CorrespondentList>('correspondents.list', { query: 'hale' })
    expect(found.items.map((c) => c.name)).toEqual(['Tom Hale'])
  })

  it('gives a correspondent page with outlets, dates and articles newest first', async () => {
    const [olga] = (await call<CorrespondentList>('correspondents.list', { query: 'olga' })).items
    const page = await call<CorrespondentPage>('correspondents.get', { id: olga!.id })
    expect(page.outlets).toEqual(['Fixture News'])
    expect(page.items.map((a) => a.title)).toEqual([
      'A second round of talks opens in Geneva',
      'Talks in Vienna run late into the night',
    ])
    expect(page.firstSeen! <= page.lastSeen!).toBe(true)
  })

  it('finds the followed correspondent’s own feed on their author page, not the site’s', async () => {
    const [olga] = (await call<CorrespondentList>('correspondents.list', { query: 'olga' })).items
    const followed = await call<CorrespondentSummary>('correspondents.follow', { id: olga!.id })
    expect(followed.followed).toBe(true)
    expect(followed.feedUrl).toBe(site.url('/author/olga-petrova/feed/'))
    const [tom] = (await call<CorrespondentList>('correspondents.list', { query: 'tom' })).items
    expect((await call<CorrespondentSummary>('correspondents.follow', { id: tom!.id })).feedUrl).toBeNull()
    const following = await call<FollowingPage>('correspondents.following', {})
    expect(following.items.length).toBe(3)
    expect(following.unread).toBe(3)
    const unfollowed = await call<CorrespondentSummary>('correspondents.unfollow', { id: tom!.id })
    expect(unfollowed.followed).toBe(false)
    expect((await call<FollowingPage>('correspondents.following', {})).items.length).toBe(2)
  })

  it('merges two entries into one and splits them again', async () => {
    const { items } = await call<CorrespondentList>('correspondents.list', {})
    const olga = items.find((c) => c.name === 'Olga Petrova')!
    const tom = items.find((c) => c.name === 'Tom Hale')!
    const merged = await call<CorrespondentSummary>('correspondents.merge', { into: olga.id, from: [tom.id] })
    expect(merged.articles).toBe(3)
    expect(merged.merged).toEqual([tom.id])
    expect((await call<CorrespondentList>('correspondents.list', {})).items.map((c) => c.name)).toEqual([
      'Olga Petrova',
    ])
    const split = await call<CorrespondentSummary>('correspondents.split', { id: tom.id })
    expect(split.articles).toBe(1)
    expect((await call<CorrespondentList>('correspondents.list', {})).total).toBe(2)
  })

  it('keeps the person’s edit of an article’s correspondents when the article is captured again', async () => {
    const { items } = await call<{ items: ArticleSummary[] }>('articles.list', {})
    const other = items.find((a) => a.title.startsWith('Harvest'))!
    const edited = await call<ArticleSummary>('correspondents.setForArticle', {
      id: other.id,
      correspondents: [{ name: 'Tom Hale' }, { name: 'Reuters', kind: 'agency' }],
    })
    expect(edited.correspondents.map((c) => [c.name, c.kind])).toEqual([
      ['Tom Hale', 'person'],
      ['Reuters', 'agency'],
    ])
    await call('articles.add', { kind: 'url', url: site.url('/world/other') })
    const again = (await call<{ items: ArticleSummary[] }>('articles.list', {})).items.find(
      (a) => a.id === other.id,
    )!
    expect(again.correspondents.map((c) => c.name)).toEqual(['Tom Hale', 'Reuters'])
  })

  it('counts a shouted byline as the same correspondent', async () => {
    await call('articles.add', { kind: 'url', url: site.url('/world/three') })
    const [olga] = (await call<CorrespondentList>('correspondents.list', { query: 'olga' })).items
    expect([olga?.name, olga?.articles]).toEqual(['Olga Petrova', 3])
  })

  it('lists a merged correspondent’s articles under any of their names', async () => {
    const { items } = await call<CorrespondentList>('correspondents.list', {})
    const olga = items.find((c) => c.name === 'Olga Petrova')!
    const tom = items.find((c) => c.name === 'Tom Hale')!
    const titlesBy = async (correspondent: string): Promise<string[]> =>
      (await call<{ items: ArticleSummary[] }>('articles.list', { correspondent })).items
        .map((a) => a.title)
        .sort()
    expect(await titlesBy('tom hale')).toEqual(['Harvest failures spread across the region'])
    await call('correspondents.merge', { into: olga.id, from: [tom.id] })
    const all = [
      'A second round of talks opens in Geneva',
      'Harvest failures spread across the region',
      'Talks in Vienna run late into the night',
    ]
    expect(await titlesBy('Tom Hale')).toEqual(all)
    expect(await titlesBy('Olga Petrova')).toEqual(all)
    await call('correspondents.split', { id: tom.id })
    expect(await titlesBy('Tom Hale')).toEqual(['Harvest failures spread across the region'])
  })

  it('finds an article by the name the person gave its correspondent', async () => {
    const search = async (query: string): Promise<string[]> =>
      (await call<{ items: { article: ArticleSummary }[] }>('articles.search', { query })).items.map(
        (hit) => hit.article.title,
      )
    expect(await search('Kowalska')).toEqual([])
    const { items } = await call<{ items: ArticleSummary[] }>('articles.list', {})
    const other = items.find((a) => a.title.startsWith('Harvest'))!
    await call('correspondents.setForArticle', { id: other.id, correspondents: [{ name: 'Marta Kowalska' }] })
    expect(await search('Kowalska')).toEqual(['Harvest failures spread across the region'])
    // The name it replaced is no longer one of its correspondents for the search either.
    expect(await search('Hale')).toEqual([])
    // A re-capture keeps the person's list, in the index too.
    await call('articles.add', { kind: 'url', url: site.url('/world/other') })
    expect(await search('Kowalska')).toEqual(['Harvest failures spread across the region'])
  })

  it('finds the whole group’s articles by any of its names after a merge, and only its own after a split', async () => {
    const search = async (query: string): Promise<string[]> =>
      (await call<{ items: { article: ArticleSummary }[] }>('articles.search', { query })).items
        .map((hit) => hit.article.title)
        .sort()
    const { items } = await call<CorrespondentList>('correspondents.list', {})
    const olga = items.find((c) => c.name === 'Olga Petrova')!
    const tom = items.find((c) => c.name === 'Tom Hale')!
    expect(await search('Hale')).toEqual(['Harvest failures spread across the region'])
    await call('correspondents.merge', { into: olga.id, from: [tom.id] })
    const all = [
      'A second round of talks opens in Geneva',
      'Harvest failures spread across the region',
      'Talks in Vienna run late into the night',
    ]
    expect(await search('Hale')).toEqual(all)
    expect(await search('Petrova')).toEqual(all)
    await call('correspondents.split', { id: tom.id })
    expect(await search('Hale')).toEqual(['Harvest failures spread across the region'])
    expect(await search('Petrova')).toEqual(all.filter((t) => !t.startsWith('Harvest')))
  })

  it('keeps the person’s edit through `dateline rebuild`, and extraction still leaves it alone after', async () => {
    const { items } = await call<{ items: ArticleSummary[] }>('articles.list', {})
    const other = items.find((a) => a.title.startsWith('Harvest'))!
    await call('correspondents.setForArticle', {
      id: other.id,
      correspondents: [{ name: 'Marta Kowalska' }, { name: 'AFP', kind: 'agency' }],
    })
    // Captured again: the edit must outlive the old capture's files being removed.
    await call('articles.add', { kind: 'url', url: site.url('/world/other') })
    await app.close()
    await rebuildLibraryDatabase(libraryLayout(dir), new Date())
    app = await openApp({ libraryDir: dir, extraction: 'inline' })
    const shown = async (): Promise<string[][]> =>
      (
        await call<{ items: ArticleSummary[] }>('articles.list', { correspondent: 'Marta Kowalska' })
      ).items.map((a) => a.correspondents.map((c) => `${c.name} (${c.kind})`))
    expect(await shown()).toEqual([['Marta Kowalska (person)', 'AFP (agency)']])
    await call('articles.add', { kind: 'url', url: site.url('/world/other') })
    expect(await shown()).toEqual([['Marta Kowalska (person)', 'AFP (agency)']])
    const found = await call<{ items: unknown[] }>('articles.search', { query: 'Kowalska' })
    expect(found.items).toHaveLength(1)
  })

  it('keeps the person’s merges, splits and follows through `dateline rebuild`', async () => {
    await call('articles.add', { kind: 'url', url: site.url('/world/three') })
    const { items } = await call<CorrespondentList>('correspondents.list', {})
    const olga = items.find((c) => c.name === 'Olga Petrova')!
    const tom = items.find((c) => c.name === 'Tom Hale')!
    const edited = (await call<{ items: ArticleSummary[] }>('articles.list', {})).items.find((a) =>
      a.title.startsWith('Ministers'),
    )!
    // An entry of the person's own, merged and then split off again: the split must stay a split.
    await call('correspondents.setForArticle', {
      id: edited.id,
      correspondents: [{ name: 'Marta Kowalska' }],
    })
    const marta = (await call<CorrespondentList>('correspondents.list', { query: 'marta' })).items[0]!
    await call('correspondents.merge', { into: olga.id, from: [tom.id, marta.id] })
    await call('correspondents.split', { id: marta.id })
    await call('correspondents.follow', { id: olga.id })
    await app.close()
    // Ruined as a bad disk would: what comes back comes from the library folder's files alone.
    await writeFile(libraryLayout(dir).database, Buffer.alloc(8192, 0x5a))
    await rebuildLibraryDatabase(libraryLayout(dir), new Date())
    app = await openApp({ libraryDir: dir, extraction: 'inline' })
    const after = await call<CorrespondentList>('correspondents.list', { sort: 'name' })
    expect(after.items.map((c) => [c.name, c.articles, c.followed, c.merged.length])).toEqual([
      ['Marta Kowalska', 1, false, 0],
      ['Olga Petrova', 3, true, 1],
    ])
    const group = after.items.find((c) => c.name === 'Olga Petrova')!
    expect(group.feedUrl).toBe(site.url('/author/olga-petrova/feed/'))
    const titlesBy = async (correspondent: string): Promise<number> =>
      (await call<{ items: ArticleSummary[] }>('articles.list', { correspondent })).items.length
    expect(await titlesBy('Tom Hale')).toBe(3)
    expect((await call<FollowingPage>('correspondents.following', {})).items).toHaveLength(3)
  })

  it('takes merges and follows from the old database when the library has no edits file yet', async () => {
    const { items } = await call<CorrespondentList>('correspondents.list', {})
    const olga = items.find((c) => c.name === 'Olga Petrova')!
    const tom = items.find((c) => c.name === 'Tom Hale')!
    await call('correspondents.merge', { into: olga.id, from: [tom.id] })
    await call('correspondents.follow', { id: olga.id })
    await app.close()
    await rm(groupEditsPath(libraryLayout(dir)), { force: true })
    await rebuildLibraryDatabase(libraryLayout(dir), new Date())
    app = await openApp({ libraryDir: dir, extraction: 'inline' })
    const after = await call<CorrespondentList>('correspondents.list', {})
    expect(after.items.map((c) => [c.name, c.articles, c.followed])).toEqual([['Olga Petrova', 3, true]])
  })

  it.skipIf(!existsSync(CLI))(
    'lists a merged group under any of its names with `dateline list --correspondent`',
    async () => {
      const { items } = await call<CorrespondentList>('correspondents.list', {})
      const olga = items.find((c) => c.name === 'Olga Petrova')!
      const tom = items.find((c) => c.name === 'Tom Hale')!
      await call('correspondents.merge', { into: olga.id, from: [tom.id] })
      await app.close()
      const listed = await new Promise<string>((done, fail) =>
        execFile(
          process.execPath,
          [CLI, '--library', dir, 'list', '--correspondent', 'tom hale', '--json'],
          { env: { ...process.env, DATELINE_LIBRARY: '' }, timeout: 45_000 },
          (error, stdout, stderr) => (error ? fail(new Error(`${error.message}\n${stderr}`)) : done(stdout)),
        ),
      )
      app = await openApp({ libraryDir: dir, extraction: 'inline' })
      expect((JSON.parse(listed) as { items: ArticleSummary[] }).items.map((a) => a.title).sort()).toEqual([
        'A second round of talks opens in Geneva',
        'Harvest failures spread across the region',
        'Talks in Vienna run late into the night',
      ])
    },
  )
})
