import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ZipFile } from 'yazl'
import type { ExportResult, ImportArchiveResult } from '@shared/export'
import { openApp, type DatelineApp } from '../../src/main/app'
import { readCountryEditsFile } from '../../src/main/countries/country-edit-files'
import { readCorrespondentsEdit } from '../../src/main/correspondents/person-edit-file'
import { isDatelineArchive } from '../../src/main/export/archive-import'
import { addExportPages, call, EXPORT_PAGES } from '../helpers/export-library'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { makePng } from '../helpers/images'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'
import { readZip } from '../helpers/zip-entries'

let site: FixtureServer
let work: string
let source: DatelineApp
let ids: string[]
const opened: DatelineApp[] = []

async function library(name: string): Promise<DatelineApp> {
  const app = await openApp({ libraryDir: join(work, name), extraction: 'inline' })
  opened.push(app)
  return app
}

async function exportArchive(
  app: DatelineApp,
  name: string,
  selection: unknown = { kind: 'library' },
): Promise<string> {
  const result = await call<ExportResult>(app, 'export.write', {
    selection,
    format: 'archive',
    destination: { kind: 'path', path: join(work, name) },
  })
  expect(result.status).toBe('done')
  return result.path!
}

/** An archive's content, entry by entry, without the moment it was written. */
async function contentOf(path: string): Promise<Record<string, string>> {
  const entries = await readZip(path)
  return Object.fromEntries(
    entries.map((e) => {
      if (e.name !== 'dateline-archive.json') return [e.name, e.bytes.toString('base64')]
      const { exportedAt: _at, ...manifest } = JSON.parse(e.bytes.toString()) as Record<string, unknown>
      return [e.name, JSON.stringify(manifest)]
    }),
  )
}

const T = '2024-06-01T08:00:00.000Z'

beforeAll(async () => {
  work = await makeTempDir('dateline-archive-')
  site = await startFixtureServer(EXPORT_PAGES)
  source = await library('source')
  ids = await addExportPages(source, (path) => site.url(path))
  await call(source, 'articles.setStates', { ids: [ids[0]!], read: true, starred: true })
  await call(source, 'articles.setStates', { ids: [ids[2]!], archived: true })
  source.library.change((db) => {
    db.run(
      `INSERT INTO collections (name, description, created_at) VALUES ('Belarus dossier', 'Election and after', ?)`,
      [T],
    )
    db.run(
      `INSERT INTO collections (name, created_at, query) VALUES ('Unread Asia', ?, '{"state":"unread","country":"CN"}')`,
      [T],
    )
    db.run(`INSERT INTO collections (name, created_at) VALUES ('Empty for now', ?)`, [T])
    const dossier = db.get<{ id: number }>(`SELECT id FROM collections WHERE name = 'Belarus dossier'`)!.id
    // The person's order: third, first, second.
    ;[ids[2]!, ids[0]!, ids[1]!].forEach((id, position) =>
      db.run(
        'INSERT INTO collection_articles (collection, article, position, added_at) VALUES (?, ?, ?, ?)',
        [dossier, source.library.articleRowid(id), position * 10, T],
      ),
    )
    // A person's own country tag, and a correspondent followed with a profile link.
    db.run(
      `INSERT INTO article_countries (code, article, name, role, score, origin) VALUES ('UA', ?, 'Ukraine', 'primary', 1, 'person')`,
      [source.library.articleRowid(ids[1]!)],
    )
    db.run(
      `INSERT INTO correspondents (name, name_key, outlet_key, kind, followed, author_url) VALUES ('Olga Writer', 'olga writer', 'fixture news', 'person', 1, 'https://news.example/olga')`,
    )
    const olga = db.get<{ id: number }>(`SELECT id FROM correspondents WHERE name_key = 'olga writer'`)!.id
    db.run(
      `INSERT INTO article_correspondents (correspondent, article, position, origin) VALUES (?, ?, 0, 'person')`,
      [olga, source.library.articleRowid(ids[0]!)],
    )
    // A second spelling the person merged into her, her author feed, and a subscription with an
    // item that became an article and one whose article the person deleted.
    db.run(
      `INSERT INTO correspondents (name, name_key, outlet_key, kind, merged_into) VALUES ('O. Writer', 'o writer', 'fixture news', 'person', ?)`,
      [olga],
    )
    db.run(
      `INSERT INTO feeds (url, title, folder, added_at, correspondent) VALUES ('https://news.example/olga/feed', 'Olga Writer', NULL, ?, ?)`,
      [T, olga],
    )
    db.run(
      `INSERT INTO feeds (url, title, folder, added_at, interval_minutes) VALUES ('https://news.example/world.rss', 'World', 'News', ?, 90)`,
      [T],
    )
    const world = db.get<{ id: number }>(`SELECT id FROM feeds WHERE title = 'World'`)!.id
    db.run(`INSERT INTO feed_items (feed, guid, link, article, seen_at) VALUES (?, 'world-1', ?, ?, ?)`, [
      world,
      'https://news.example/1',
      source.library.articleRowid(ids[1]!),
      T,
    ])
    db.run(
      `INSERT INTO feed_items (feed, guid, link, seen_at) VALUES (?, 'world-2', 'https://news.example/2', ?)`,
      [world, T],
    )
    db.run(`INSERT INTO country_edits (article_id, code, role, edited_at) VALUES (?, 'BY', 'removed', ?)`, [
      ids[1]!,
      T,
    ])
  })
}, 60_000)

afterAll(async () => {
  for (const app of opened) await app.close().catch(() => undefined)
  await site?.close()
  await removeDir(work)
})

describe('Dateline archive', () => {
  it('exports, imports into an empty library and exports again to the same archive, entry for entry', async () => {
    const first = await exportArchive(source, 'first.dateline.zip')
    expect(await isDatelineArchive(first)).toBe(true)
    const empty = await library('restored')
    const imported = await call<ImportArchiveResult>(empty, 'archive.import', { path: first })
    expect(imported).toMatchObject({
      status: 'done',
      articlesAdded: ids.length,
      articlesKept: 0,
      collectionsAdded: 3,
    })
    expect(imported.skipped).toEqual([])
    const second = await exportArchive(empty, 'second.dateline.zip')
    expect(await contentOf(second)).toEqual(await contentOf(first))
  })

  it('restores what a person sees: states, counts, order, search, bodies and pictures', async () => {
    const restored = opened[1]!
    const before = await call<{ counts: unknown }>(source, 'articles.list', {})
    const after = await call<{ counts: unknown }>(restored, 'articles.list', {})
    expect(after.counts).toEqual(before.counts)
    const dossier = await call<{ items: { id: string }[] }>(restored, 'articles.list', {
      collection: 'Belarus dossier',
      state: 'all',
    })
    expect(new Set(dossier.items.map((a) => a.id))).toEqual(new Set([ids[0], ids[1]]))
    const first = await call<{ read: boolean; starred: boolean; html: string }>(restored, 'articles.get', {
      id: ids[0],
    })
    expect(first).toMatchObject({ read: true, starred: true })
    expect(first.html).toEqual((await call<{ html: string }>(source, 'articles.get', { id: ids[0] })).html)
    const picture = /src="(media\/[^"]+)"/.exec(first.html)![1]!
    expect(await restored.library.media.read(picture)).toEqual(await source.library.media.read(picture))
    const found = await call<{ items: { article: { id: string } }[] }>(restored, 'articles.search', {
      query: 'Olga',
    })
    expect(found.items.map((h) => h.article.id)).toEqual([ids[0]])
  })

  it('restores the subscriptions with the items already seen, merges and the person’s country edits', async () => {
    const restored = opened[1]!
    const feeds = restored.library.query((db) =>
      db.all<{ url: string; folder: string | null; interval_minutes: number | null; author: string | null }>(
        `SELECT f.url, f.folder, f.interval_minutes, c.name AS author FROM feeds f
         LEFT JOIN correspondents c ON c.id = f.correspondent ORDER BY f.url`,
      ),
    )
    expect(feeds).toEqual([
      { url: 'https://news.example/olga/feed', folder: null, interval_minutes: null, author: 'Olga Writer' },
      { url: 'https://news.example/world.rss', folder: 'News', interval_minutes: 90, author: null },
    ])
    const items = restored.library.query((db) =>
      db.all<{ guid: string; article: string | null }>(
        `SELECT i.guid, a.id AS article FROM feed_items i LEFT JOIN articles a ON a.rowid = i.article ORDER BY i.guid`,
      ),
    )
    // The deleted one stays seen, so the next refresh does not bring it back.
    expect(items).toEqual([
      { guid: 'world-1', article: ids[1] },
      { guid: 'world-2', article: null },
    ])
    const merged = restored.library.query((db) =>
      db.get<{ into: string }>(
        `SELECT i.name AS "into" FROM correspondents c JOIN correspondents i ON i.id = c.merged_into WHERE c.name_key = 'o writer'`,
      ),
    )
    expect(merged?.into).toBe('Olga Writer')
    const edits = restored.library.query((db) => db.all('SELECT article_id, code, role FROM country_edits'))
    expect(edits).toEqual([{ article_id: ids[1], code: 'BY', role: 'removed' }])
    // Kept beside the articles too, so a rebuild of the restored library keeps them.
    expect(await readCountryEditsFile(restored.library.layout, ids[1]!)).toMatchObject([
      { code: 'BY', role: 'removed' },
    ])
    expect(await readCorrespondentsEdit(restored.library.layout, ids[0]!)).toEqual([
      { name: 'Olga Writer', kind: 'person' },
    ])
  })

  it('adds nothing twice when the same archive is imported again', async () => {
    const restored = opened[1]!
    const again = await call<ImportArchiveResult>(restored, 'archive.import', {
      path: join(work, 'first.dateline.zip'),
    })
    expect(again).toMatchObject({ articlesAdded: 0, articlesKept: ids.length, collectionsAdded: 0 })
    expect(await contentOf(await exportArchive(restored, 'third.dateline.zip'))).toEqual(
      await contentOf(join(work, 'first.dateline.zip')),
    )
  })

  it('merges into a library with articles of its own: kept as they are, the archive’s put at the end of a shared collection', async () => {
    const other = await library('other')
    const mine = makeSummary({ title: 'My own article', read: true })
    await other.library.putArticle(mine, { html: '<p>Mine</p>', text: 'Mine' })
    other.library.change((db) => {
      db.run(`INSERT INTO collections (name, created_at) VALUES ('belarus DOSSIER', ?)`, [T])
      db.run(
        'INSERT INTO collection_articles (collection, article, position, added_at) VALUES (1, ?, 0, ?)',
        [other.library.articleRowid(mine.id), T],
      )
    })
    const dossier = await exportArchive(source, 'dossier.dateline.zip', {
      kind: 'collection',
      name: 'Belarus dossier',
    })
    const result = await call<ImportArchiveResult>(other, 'archive.import', { path: dossier })
    expect(result).toMatchObject({ articlesAdded: 3, collectionsAdded: 0 })
    const members = other.library.query((db) =>
      db.all<{ id: string }>(
        `SELECT a.id FROM collection_articles ca JOIN articles a ON a.rowid = ca.article ORDER BY ca.position, ca.article`,
      ),
    )
    expect(members.map((m) => m.id)).toEqual([mine.id, ids[2], ids[0], ids[1]])
    expect(other.library.get(mine.id)?.read).toBe(true)
  })

  it('stops an import on cancel, keeping the articles already added', async () => {
    const target = await library('cancelled')
    let asked = false
    const unsubscribe = target.events.subscribe((event, payload) => {
      const progress = payload as { id: string; done: number }
      if (event === 'export.progress' && progress.done >= 1 && !asked) {
        asked = true
        void target.services['export.cancel']({ id: progress.id })
      }
    })
    const many = await library('many')
    for (let n = 0; n < 40; n++) {
      await many.library.putArticle(makeSummary({ title: `Note ${n}` }), {
        html: `<p>Note ${n}</p>`,
        text: `Note ${n}`,
      })
    }
    const archive = await exportArchive(many, 'many.dateline.zip')
    const result = await call<ImportArchiveResult>(target, 'archive.import', {
      path: archive,
      importId: 'stop-me',
    })
    unsubscribe()
    expect(asked).toBe(true)
    expect(result.status).toBe('cancelled')
    expect(result.articlesAdded).toBeGreaterThanOrEqual(1)
    expect(result.articlesAdded).toBeLessThan(40)
    expect(target.library.counts().articles).toBe(result.articlesAdded)
  }, 60_000)
})

/** A zip with the given entries; `rename` then swaps names of equal length in its bytes. */
async function craftZip(
  path: string,
  entries: [string, string | Buffer][],
  rename: [string, string][] = [],
): Promise<void> {
  const zip = new ZipFile()
  for (const [name, data] of entries) zip.addBuffer(Buffer.from(data), name)
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  let bytes = Buffer.concat(chunks)
  for (const [from, to] of rename) {
    expect(from.length).toBe(to.length)
    bytes = Buffer.from(bytes.toString('latin1').split(from).join(to), 'latin1')
  }
  await writeFile(path, bytes)
}

const MANIFEST = JSON.stringify({
  format: 'dateline-archive',
  version: 1,
  exportedAt: T,
  schemaVersion: 2,
  articles: 1,
  selection: 'library',
})

function articleEntry(id: string, changes: Record<string, unknown> = {}, html = '<p>Body</p>'): string {
  const summary = makeSummary({ id, title: `Crafted ${id}` })
  return JSON.stringify({
    id,
    row: {
      id,
      source: 'url',
      url: summary.url,
      canonical_url: summary.canonicalUrl,
      file_name: null,
      title: summary.title,
      byline: null,
      site_name: 'Crafted',
      lang: 'en',
      excerpt: '',
      published_at: null,
      added_at: T,
      updated_at: T,
      word_count: 1,
      reading_minutes: 1,
      lead_image: null,
      read: 0,
      starred: 0,
      archived: 0,
      state_changed_at: null,
      ...changes,
    },
    html,
    text: 'Body',
    countries: [],
    correspondents: [],
    collections: [],
  })
}

describe('a hostile archive', () => {
  it('writes nothing outside the library, takes no path from its names, and imports what is sound', async () => {
    const target = await library('hostile')
    const png = Buffer.from(makePng(2, 2, [1, 2, 3]))
    const evil = join(work, 'evil.txt')
    const path = join(work, 'hostile.dateline.zip')
    await craftZip(
      path,
      [
        ['dateline-archive.json', MANIFEST],
        // A picture whose name is not its hash, and a picture that is not what its name says.
        [`media/00/${'0'.repeat(64)}.png`, png],
        ['media/ab/' + 'ab'.repeat(32) + '.jpg', Buffer.from('<script>alert(1)</script>')],
        [
          'articles/00000000000000aa.json',
          articleEntry(
            '00000000000000aa',
            {},
            '<p>Kept</p><script>alert(1)</script><img src="https://tracker.example/p.gif">',
          ),
        ],
        ['articles/00000000000000bb.json', articleEntry('00000000000000cc')],
        [
          'articles/00000000000000dd.json',
          articleEntry('00000000000000dd', { lead_image: '../../../etc/passwd' }),
        ],
        [
          'articles/00000000000000ee.json',
          articleEntry('00000000000000ee', { 'x"; DROP TABLE articles; --': 1 }),
        ],
        ['articles/00000000000000ff.json', articleEntry('00000000000000ff', { updated_at: '../../x' })],
        ['articles/notanid.json', '{}'],
        ['AAAAAAAAAAAAevil.txt', 'written outside'],
      ],
      [['AAAAAAAAAAAA', '../../../../']],
    )
    const result = await target.dispatch('archive.import', { path })
    // yauzl refuses a name that climbs out: the whole archive is refused, nothing written.
    expect(result.ok).toBe(false)
    expect(existsSync(evil)).toBe(false)

    const safer = join(work, 'hostile-2.dateline.zip')
    await craftZip(safer, [
      ['dateline-archive.json', MANIFEST],
      [`media/00/${'0'.repeat(64)}.png`, png],
      ['media/ab/' + 'ab'.repeat(32) + '.jpg', Buffer.from('<script>alert(1)</script>')],
      [
        'articles/00000000000000aa.json',
        articleEntry('00000000000000aa', {}, '<p>Kept</p><script>alert(1)</script>'),
      ],
      ['articles/00000000000000bb.json', articleEntry('00000000000000cc')],
      [
        'articles/00000000000000dd.json',
        articleEntry('00000000000000dd', { lead_image: '../../../etc/passwd' }),
      ],
      [
        'articles/00000000000000ee.json',
        articleEntry('00000000000000ee', { 'x"; DROP TABLE articles; --': 1 }),
      ],
      ['articles/00000000000000ff.json', articleEntry('00000000000000ff', { updated_at: '../../x' })],
      ['articles/notanid.json', '{}'],
      ['collections.json', JSON.stringify([{ name: 'x'.repeat(301), row: {} }])],
    ])
    const refused = await target.dispatch('archive.import', { path: safer })
    expect(refused.ok).toBe(false) // the collections list fails its schema

    const sound = join(work, 'hostile-3.dateline.zip')
    await craftZip(sound, [
      ['dateline-archive.json', MANIFEST],
      [`media/00/${'0'.repeat(64)}.png`, png],
      ['media/ab/' + 'ab'.repeat(32) + '.jpg', Buffer.from('<script>alert(1)</script>')],
      [
        'articles/00000000000000aa.json',
        articleEntry('00000000000000aa', {}, '<p>Kept</p><script>alert(1)</script>'),
      ],
      ['articles/00000000000000bb.json', articleEntry('00000000000000cc')],
      [
        'articles/00000000000000dd.json',
        articleEntry('00000000000000dd', { lead_image: '../../../etc/passwd' }),
      ],
      [
        'articles/00000000000000ee.json',
        articleEntry('00000000000000ee', { 'x"; DROP TABLE articles; --': 1 }),
      ],
      ['articles/00000000000000ff.json', articleEntry('00000000000000ff', { updated_at: '../../x' })],
      ['articles/notanid.json', '{}'],
    ])
    const imported = await call<ImportArchiveResult>(target, 'archive.import', { path: sound })
    expect(imported.articlesAdded).toBe(2) // aa, and dd without its lead image
    expect(imported.pictures).toBe(0)
    expect(imported.skipped.length).toBe(6)
    const kept = await call<{ html: string }>(target, 'articles.get', { id: '00000000000000aa' })
    expect(kept.html).toContain('Kept')
    expect(kept.html).not.toContain('script')
    expect(target.library.get('00000000000000dd')?.leadImage).toBeNull()
    expect(target.library.get('00000000000000cc')).toBeUndefined()
    expect(target.library.query((db) => db.get<{ n: number }>('SELECT count(*) AS n FROM articles'))?.n).toBe(
      2,
    )
  })

  it('takes no database key from its rows: a merge, a feed’s author or an item’s article by number', async () => {
    const target = await library('keys')
    target.library.change((db) =>
      db.run(
        `INSERT INTO correspondents (name, name_key, outlet_key, kind) VALUES ('Already Here', 'already here', '', 'person')`,
      ),
    )
    const path = join(work, 'keys.dateline.zip')
    await craftZip(path, [
      ['dateline-archive.json', MANIFEST],
      ['articles/00000000000000aa.json', articleEntry('00000000000000aa')],
      [
        'correspondents.json',
        JSON.stringify([
          {
            nameKey: 'newcomer',
            outletKey: '',
            row: { name: 'Newcomer', kind: 'person', merged_into: 1, id: 1 },
          },
        ]),
      ],
      [
        'feeds.json',
        JSON.stringify([
          {
            url: 'https://news.example/feed',
            row: { title: 'Feed', added_at: T, correspondent: 1, id: 1 },
            correspondent: null,
            items: [{ guid: 'g', row: { seen_at: T, article: 1, feed: 99 }, articleId: null }],
          },
        ]),
      ],
    ])
    const imported = await call<ImportArchiveResult>(target, 'archive.import', { path })
    expect(imported.articlesAdded).toBe(1)
    const rows = target.library.query((db) => ({
      newcomer: db.get(`SELECT merged_into FROM correspondents WHERE name_key = 'newcomer'`),
      feed: db.get(`SELECT correspondent FROM feeds`),
      item: db.get(`SELECT article FROM feed_items`),
    }))
    expect(rows).toEqual({
      newcomer: { merged_into: null },
      feed: { correspondent: null },
      item: { article: null },
    })
  })

  it('refuses a picture larger than any the library stores without reading it whole, and a file that is no archive', async () => {
    const target = await library('huge')
    const path = join(work, 'huge.dateline.zip')
    const big = Buffer.alloc(17 * 1024 * 1024)
    await craftZip(path, [
      ['dateline-archive.json', MANIFEST],
      [`media/00/${'0'.repeat(64)}.png`, big],
    ])
    const result = await call<ImportArchiveResult>(target, 'archive.import', { path })
    expect(result.pictures).toBe(0)
    expect(result.skipped).toHaveLength(1)
    const notZip = join(work, 'notes.zip')
    await writeFile(notZip, 'just some text')
    const refused = await target.dispatch('archive.import', { path: notZip })
    expect(refused.ok).toBe(false)
    expect(await isDatelineArchive(notZip)).toBe(false)
  })
})
