import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/article'
import type {
  CollectionArticles,
  CollectionCoverage,
  CollectionInfo,
  CollectionList,
  MembershipResult,
} from '@shared/collections'
import type { ArticlePage } from '@shared/contract'
import { addToCollection, ensureCollection, POSITION_GAP } from '../../src/main/collections/collection-store'
import { recountSidebar } from '../../src/main/library/schema'
import { appForEachTest } from '../helpers/app-for-each-test'
import { makeSummary } from '../helpers/temp-library'

const { app, call, refused } = appForEachTest()

const hex = (n: number): string => n.toString(16).padStart(16, '0')

/** Articles a..e, newest last, with countries, correspondents and words of their own. */
async function seed(): Promise<ArticleSummary[]> {
  const specs = [
    {
      title: 'Minsk votes under watch',
      country: 'BY',
      name: 'Belarus',
      who: 'Ann Writer',
      words: 'election minsk',
    },
    { title: 'Kyiv power cuts', country: 'UA', name: 'Ukraine', who: 'Bo Reporter', words: 'energy kyiv' },
    {
      title: 'Vilnius hosts talks',
      country: 'LT',
      name: 'Lithuania',
      who: 'Ann Writer',
      words: 'election talks',
    },
    { title: 'Warsaw budget', country: 'PL', name: 'Poland', who: 'Cy Author', words: 'budget warsaw' },
    {
      title: 'Grodno border queue',
      country: 'BY',
      name: 'Belarus',
      who: 'Bo Reporter',
      words: 'border election',
    },
  ]
  const stored: ArticleSummary[] = []
  for (const [i, spec] of specs.entries()) {
    const article = makeSummary({
      id: hex(0xa0 + i),
      title: spec.title,
      correspondents: [{ name: spec.who, kind: 'person' }],
      byline: spec.who,
      countries: [{ code: spec.country, name: spec.name, role: 'primary', score: 1 }],
      addedAt: `2024-06-0${i + 1}T10:00:00.000Z`,
    })
    stored.push(await app().library.putArticle(article, { html: `<p>${spec.words}</p>`, text: spec.words }))
  }
  return stored
}

async function collectionNamed(name: string): Promise<CollectionInfo> {
  const { collections } = await call<CollectionList>('collections.list', {})
  const found = collections.find((c) => c.name === name)
  if (!found) expect.fail(`no collection ${name} in ${collections.map((c) => c.name).join(', ')}`)
  return found
}

async function order(id: number): Promise<string[]> {
  const page = await call<CollectionArticles>('collections.articles', { id })
  return page.items.map((a) => a.title)
}

describe('collections', () => {
  it('are created, renamed, described and listed by name with their counts', async () => {
    const articles = await seed()
    const dossier = await call<CollectionInfo>('collections.create', {
      name: '  Belarus   dossier ',
      description: 'For the piece',
    })
    expect(dossier).toMatchObject({
      name: 'Belarus dossier',
      description: 'For the piece',
      filter: null,
      articles: 0,
    })
    await call<CollectionInfo>('collections.create', { name: 'Weekend' })
    expect((await refused('collections.create', { name: 'belarus DOSSIER' })).message).toMatch(
      /already a collection/,
    )
    expect((await refused('collections.create', { name: '   ' })).code).toBe('INVALID_INPUT')

    const added = await call<MembershipResult>('collections.add', {
      id: dossier.id,
      articles: [articles[0]!.id, articles[4]!.id, articles[0]!.id],
    })
    expect(added.changed).toBe(2)
    expect(added.collection).toMatchObject({ articles: 2, unread: 2 })

    await call('collections.rename', { id: dossier.id, name: 'Belarus 2024' })
    await call('collections.describe', { id: dossier.id, description: 'Elections and the border' })
    const { collections } = await call<CollectionList>('collections.list', {})
    expect(collections.map((c) => [c.name, c.articles])).toEqual([
      ['Belarus 2024', 2],
      ['Weekend', 0],
    ])
    expect(collections[0]!.description).toBe('Elections and the border')

    // Reading one article moves the unread count; the list filter by name finds the members.
    await call('articles.setStates', { ids: [articles[0]!.id], read: true })
    expect(await collectionNamed('Belarus 2024')).toMatchObject({ articles: 2, unread: 1 })
    const listed = await call<ArticlePage>('articles.list', { collection: 'belarus 2024' })
    expect(listed.items.map((a) => a.title)).toEqual(['Grodno border queue', 'Minsk votes under watch'])
    expect(listed.total).toBe(2)
  })

  it('keep a manual order: appended in the order given, moved before another or to the end', async () => {
    const a = await seed()
    const c = await call<CollectionInfo>('collections.create', { name: 'Order' })
    await call('collections.add', { id: c.id, articles: [a[2]!.id, a[0]!.id, a[4]!.id] })
    await call('collections.add', { id: c.id, articles: [a[1]!.id] })
    expect(await order(c.id)).toEqual([
      'Vilnius hosts talks',
      'Minsk votes under watch',
      'Grodno border queue',
      'Kyiv power cuts',
    ])

    await call('collections.move', { id: c.id, articles: [a[1]!.id], before: a[2]!.id })
    expect(await order(c.id)).toEqual([
      'Kyiv power cuts',
      'Vilnius hosts talks',
      'Minsk votes under watch',
      'Grodno border queue',
    ])
    await call('collections.move', { id: c.id, articles: [a[1]!.id, a[2]!.id], before: null })
    expect(await order(c.id)).toEqual([
      'Minsk votes under watch',
      'Grodno border queue',
      'Kyiv power cuts',
      'Vilnius hosts talks',
    ])
    await call('collections.move', { id: c.id, articles: [a[2]!.id], before: a[4]!.id })
    expect(await order(c.id)).toEqual([
      'Minsk votes under watch',
      'Vilnius hosts talks',
      'Grodno border queue',
      'Kyiv power cuts',
    ])
    // Adding again keeps the place it has.
    await call('collections.add', { id: c.id, articles: [a[0]!.id] })
    expect((await order(c.id))[0]).toBe('Minsk votes under watch')
  })

  it('number themselves again when the gaps between two articles are used up', async () => {
    const a = await seed()
    const c = await call<CollectionInfo>('collections.create', { name: 'Crowded' })
    await call('collections.add', { id: c.id, articles: [a[0]!.id, a[1]!.id, a[2]!.id] })
    // Moving back and forth halves the gap before "Minsk" each time: more moves than it has room for.
    const moves = Math.log2(POSITION_GAP) + 4
    for (let i = 0; i < moves; i++) {
      const mover = i % 2 === 0 ? a[2]! : a[1]!
      await call('collections.move', { id: c.id, articles: [mover.id], before: a[0]!.id })
    }
    // Each move puts the article just before "Minsk", after the one moved before it.
    const lastMoved = moves % 2 === 1 ? 'Vilnius hosts talks' : 'Kyiv power cuts'
    const other = lastMoved === 'Kyiv power cuts' ? 'Vilnius hosts talks' : 'Kyiv power cuts'
    expect(await order(c.id)).toEqual([other, lastMoved, 'Minsk votes under watch'])
    const positions = app().library.query((db) =>
      db.all<{ position: number }>('SELECT position FROM collection_articles WHERE collection = ?', [c.id]),
    )
    expect(new Set(positions.map((p) => p.position)).size).toBe(3)
  })

  it('are deleted without deleting their articles; a deleted article comes back into them', async () => {
    const a = await seed()
    const c = await call<CollectionInfo>('collections.create', { name: 'Gone soon' })
    const keep = await call<CollectionInfo>('collections.create', { name: 'Kept' })
    await call('collections.add', { id: c.id, articles: a.map((x) => x.id) })
    await call('collections.add', { id: keep.id, articles: [a[3]!.id] })
    await call('collections.delete', { id: c.id })
    expect((await call<ArticlePage>('articles.list', {})).total).toBe(5)
    expect((await call<CollectionList>('collections.list', {})).collections.map((x) => x.name)).toEqual([
      'Kept',
    ])
    expect((await refused('collections.articles', { id: c.id })).code).toBe('NOT_FOUND')

    await call('articles.delete', { id: a[3]!.id })
    expect(await collectionNamed('Kept')).toMatchObject({ articles: 0 })
    await call('articles.restore', { id: a[3]!.id })
    expect(await collectionNamed('Kept')).toMatchObject({ articles: 1 })
    expect(await call('collections.ofArticle', { article: a[3]!.id })).toEqual({ collections: [keep.id] })
  })

  it('remove many at once, and their counts equal a recount from the tables', async () => {
    const a = await seed()
    const c = await call<CollectionInfo>('collections.create', { name: 'Many' })
    await call('collections.add', { id: c.id, articles: a.map((x) => x.id) })
    await call('articles.setStates', { ids: [a[1]!.id, a[2]!.id], archived: true })
    const removed = await call<MembershipResult>('collections.remove', {
      id: c.id,
      articles: [a[0]!.id, a[1]!.id, a[0]!.id],
    })
    expect(removed.changed).toBe(2)
    expect(removed.collection).toMatchObject({ articles: 2, unread: 2, archived: 1 })
    app().library.change((db) => recountSidebar(db))
    expect(await collectionNamed('Many')).toMatchObject({ articles: 2, unread: 2, archived: 1 })
    // Archived members stay on the collection's page, in their place.
    expect(await order(c.id)).toEqual(['Vilnius hosts talks', 'Warsaw budget', 'Grodno border queue'])
  })

  it('list the countries and correspondents their articles cover', async () => {
    const a = await seed()
    const c = await call<CollectionInfo>('collections.create', { name: 'Region' })
    await call('collections.add', { id: c.id, articles: [a[0]!.id, a[1]!.id, a[4]!.id] })
    const page = await call<CollectionCoverage>('collections.get', { id: c.id })
    expect(page.countries).toEqual([
      { code: 'BY', name: 'Belarus', articles: 2 },
      { code: 'UA', name: 'Ukraine', articles: 1 },
    ])
    expect(page.correspondents.map((p) => [p.name, p.articles])).toEqual([
      ['Bo Reporter', 2],
      ['Ann Writer', 1],
    ])
    expect(page.countedOver).toBe(3)
  })

  it('give other features ensureCollection and addToCollection', async () => {
    const a = await seed()
    const id = app().library.change((db) => ensureCollection(db, 'From Pocket'))
    expect(app().library.change((db) => ensureCollection(db, ' from  pocket'))).toBe(id)
    const rowids = a.slice(0, 2).map((x) => app().library.articleRowid(x.id))
    expect(app().library.change((db) => addToCollection(db, id, rowids))).toBe(2)
    expect(app().library.change((db) => addToCollection(db, id, rowids))).toBe(0)
    expect(await collectionNamed('From Pocket')).toMatchObject({ articles: 2 })
  })
})

describe('smart collections', () => {
  it('find what their saved search finds now, and count it as the list does', async () => {
    const a = await seed()
    const smart = await call<CollectionInfo>('collections.create', {
      name: 'Belarus unread',
      filter: { country: 'BY', state: 'unread' },
    })
    expect(smart).toMatchObject({ articles: 2, unread: 2, filter: { country: 'BY', state: 'unread' } })
    await call('articles.setStates', { ids: [a[0]!.id], read: true })
    expect(await collectionNamed('Belarus unread')).toMatchObject({ articles: 1, unread: 1 })

    const newer = makeSummary({
      id: hex(0xf0),
      title: 'Brest crossing closed',
      countries: [{ code: 'BY', name: 'Belarus', role: 'primary', score: 1 }],
      addedAt: '2024-06-09T10:00:00.000Z',
    })
    await app().library.putArticle(newer, { html: '<p>border</p>', text: 'border' })
    expect(await collectionNamed('Belarus unread')).toMatchObject({ articles: 2 })
    const page = await call<ArticlePage>('articles.list', { collection: 'Belarus unread' })
    expect(page.items.map((x) => x.title)).toEqual(['Brest crossing closed', 'Grodno border queue'])
    expect(page.total).toBe(2)
    expect((await call<CollectionArticles>('collections.articles', { id: smart.id })).total).toBe(2)
  })

  it('combine words with filters and with the list’s own filters', async () => {
    const a = await seed()
    await call('collections.create', { name: 'Elections', filter: { query: 'election' } })
    expect(await collectionNamed('Elections')).toMatchObject({ articles: 3 })
    // The list's country narrows the saved words.
    const inBelarus = await call<ArticlePage>('articles.list', { collection: 'Elections', country: 'BY' })
    expect(inBelarus.items.map((x) => x.title).sort()).toEqual([
      'Grodno border queue',
      'Minsk votes under watch',
    ])
    // A different single value (another state) than the saved one finds nothing rather than the wrong articles.
    await call('collections.create', { name: 'Starred BY', filter: { country: 'BY', state: 'starred' } })
    expect(
      (await call<ArticlePage>('articles.list', { collection: 'Starred BY', state: 'unread' })).total,
    ).toBe(0)
    await call('articles.setStates', { ids: [a[4]!.id], starred: true })
    expect(await collectionNamed('Starred BY')).toMatchObject({ articles: 1 })

    // One smart collection may name a plain collection, and another smart one.
    const plain = await call<CollectionInfo>('collections.create', { name: 'Picked' })
    await call('collections.add', { id: plain.id, articles: [a[0]!.id, a[1]!.id] })
    await call('collections.create', {
      name: 'Picked elections',
      filter: { collection: 'Picked', query: 'election' },
    })
    expect(await collectionNamed('Picked elections')).toMatchObject({ articles: 1 })
    await call('collections.create', {
      name: 'Picked elections BY',
      filter: { collection: 'Picked elections', country: 'by' },
    })
    expect(await collectionNamed('Picked elections BY')).toMatchObject({ articles: 1 })
    // Renaming the plain collection carries the smart ones that name it along.
    await call('collections.rename', { id: plain.id, name: 'Chosen' })
    expect(await collectionNamed('Picked elections')).toMatchObject({
      articles: 1,
      filter: { collection: 'Chosen', query: 'election' },
    })
    // Dates: the saved range and the list's overlap.
    await call('collections.create', { name: 'Early June', filter: { from: '2024-06-02', to: '2024-06-04' } })
    expect(await collectionNamed('Early June')).toMatchObject({ articles: 3 })
    expect(
      (await call<ArticlePage>('articles.list', { collection: 'Early June', from: '2024-06-03' })).total,
    ).toBe(2)
  })

  it('count exactly what opening them lists, for every kind of saved search', async () => {
    const a = await seed()
    await call('articles.setStates', { ids: [a[0]!.id, a[2]!.id], read: true })
    await call('articles.setStates', { ids: [a[4]!.id], archived: true, starred: true })
    const filters = [
      { country: 'BY' },
      { country: 'BY', state: 'unread' },
      { state: 'starred' },
      { state: 'archived' },
      { correspondent: 'ann writer' },
      { query: 'election' },
      { query: 'election', state: 'unread' },
      { query: '-election' },
      { query: 'election -minsk', country: 'LT' },
      { from: '2024-06-02', to: '2024-06-05' },
    ]
    for (const [i, filter] of filters.entries()) {
      const made = await call<CollectionInfo>('collections.create', { name: `Kind ${i}`, filter })
      const listed = await call<ArticlePage>('articles.list', { collection: made.name, limit: 500 })
      const unread = await call<ArticlePage>('articles.list', { collection: made.name, state: 'unread' })
      const expected = { articles: listed.total, archived: listed.items.filter((x) => x.archived).length }
      expect({ filter, articles: made.articles }).toEqual({ filter, articles: expected.articles })
      if (!('state' in filter))
        expect({ filter, unread: made.unread }).toEqual({ filter, unread: unread.total })
      const page = await call<CollectionCoverage>('collections.get', { id: made.id })
      expect(page.countedOver).toBe(
        made.articles + made.archived > 2000 ? 2000 : made.articles + made.archived,
      )
    }
  })

  it('refuse hand edits, and a saved search that names itself finds nothing', async () => {
    const a = await seed()
    const smart = await call<CollectionInfo>('collections.create', {
      name: 'Loop',
      filter: { country: 'BY' },
    })
    expect((await refused('collections.add', { id: smart.id, articles: [a[0]!.id] })).message).toMatch(
      /smart collection/,
    )
    await call('collections.setFilter', { id: smart.id, filter: { collection: 'Loop' } })
    expect(await collectionNamed('Loop')).toMatchObject({ articles: 0 })
    const plain = await call<CollectionInfo>('collections.create', { name: 'Plain' })
    expect(
      (await refused('collections.setFilter', { id: plain.id, filter: { country: 'BY' } })).message,
    ).toMatch(/kept by hand/)
  })

  it('read a damaged saved search as one that finds nothing', async () => {
    await seed()
    const smart = await call<CollectionInfo>('collections.create', {
      name: 'Damaged',
      filter: { country: 'BY' },
    })
    app().library.change((db) =>
      db.run(`UPDATE collections SET query = '{"country": 7, "evil": true}' WHERE id = ?`, [smart.id]),
    )
    expect(await collectionNamed('Damaged')).toMatchObject({ articles: 0 })
    expect((await call<ArticlePage>('articles.list', { collection: 'Damaged' })).total).toBe(0)
  })
})
