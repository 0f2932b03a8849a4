import { access, mkdir, readdir, readFile, stat, symlink, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp, type DatelineApp } from '../../src/main/app'
import { exportArticles } from '../../src/main/cli/library-commands'
import { SqlDatabase } from '../../src/main/library/database'
import { libraryLayout } from '../../src/main/library/layout'
import { LibraryStore } from '../../src/main/library/library-store'
import { startBrowserHost, type BrowserHost } from '../../src/main/serve/browser-host'
import { articlePage } from '../helpers/article-page'
import { html, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { rawRequest } from '../helpers/http-client'
import { makePng } from '../helpers/images'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'
import { posixModesUnavailable, symlinksUnavailable } from '../helpers/file-system-features'

/**
 * A library folder may come from a backup, a sync peer or another person. Each case here is a
 * folder crafted to turn Dateline against its owner: deleting, writing or reading outside it.
 * `outside` is a folder beside the library that must come through every case untouched.
 */
let root: string
let libraryDir: string
let outside: string
const stores: LibraryStore[] = []

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

/** A library made by Dateline itself, then closed, ready to be tampered with. */
async function makeLibrary(articles = [makeSummary({ id: '7d00000000000001' })]): Promise<void> {
  const store = await LibraryStore.open(libraryDir)
  for (const article of articles) await store.putArticle(article, { html: '<p>Body</p>', text: 'Body' })
  await store.close()
}

async function openStore(): Promise<LibraryStore> {
  const store = await LibraryStore.open(libraryDir)
  stores.push(store)
  return store
}

beforeEach(async () => {
  root = await makeTempDir('dateline-hostile-')
  libraryDir = join(root, 'library')
  outside = join(root, 'victim')
  await mkdir(outside, { recursive: true })
  await writeFile(join(outside, 'precious.txt'), 'years of work')
})

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()))
  await removeDir(root)
})

describe('a crafted trash deletes nothing outside the library', () => {
  it.each(['../victim', '../../victim', '7d/../../../victim', '/tmp/../' + 'victim'])(
    'ignores a trash entry with id %s when the library is opened for writing',
    async (id) => {
      await makeLibrary()
      const layout = libraryLayout(libraryDir)
      await writeFile(
        layout.trash,
        JSON.stringify({
          articles: { [id]: { article: makeSummary({ id }), deletedAt: '2020-01-01T00:00:00Z' } },
        }),
      )
      await openStore()
      expect(await readFile(join(outside, 'precious.txt'), 'utf8')).toBe('years of work')
    },
  )

  it.skipIf(symlinksUnavailable !== null)(
    'does not follow a link in articles/ to delete a trashed article',
    async () => {
      const id = 'ab00000000000001'
      await makeLibrary([makeSummary({ id: '7d00000000000001' })])
      const layout = libraryLayout(libraryDir)
      // articles/ab is a link to the victim folder, which holds a folder named like the trashed id.
      await mkdir(join(outside, id), { recursive: true })
      await writeFile(join(outside, id, 'notes.txt'), 'mine')
      await symlink(outside, join(layout.articlesDir, 'ab'), 'dir')
      await writeFile(
        layout.trash,
        JSON.stringify({
          articles: { [id]: { article: makeSummary({ id }), deletedAt: '2020-01-01T00:00:00Z' } },
        }),
      )
      await openStore()
      expect(await readFile(join(outside, id, 'notes.txt'), 'utf8')).toBe('mine')
    },
  )
})

describe('a crafted id in the metadata never becomes a path', () => {
  let site: FixtureServer
  let app: DatelineApp | null = null

  beforeEach(async () => {
    site = await startFixtureServer({ '/story': html(articlePage({ title: 'A story from Minsk' })) })
  })

  afterEach(async () => {
    await app?.close()
    app = null
    await site.close()
  })

  it('re-capturing the URL of a database row whose id climbs out writes and deletes nothing outside', async () => {
    const url = site.url('/story')
    // articles/7d/<id> with this id is the victim folder beside the library.
    const hostileId = '7d/../../../../victim'
    await makeLibrary()
    // A database whose schema checks were switched off while it was crafted.
    const db = SqlDatabase.open(libraryLayout(libraryDir).database)
    db.exec('PRAGMA ignore_check_constraints = ON')
    db.run(
      `INSERT INTO articles (id, source, url, canonical_url, title, excerpt, added_at, updated_at, word_count, reading_minutes)
       VALUES (?, 'url', ?, ?, 'Hostile', '', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 1, 1)`,
      [hostileId, url, url],
    )
    db.run(`INSERT INTO trash (id, deleted_at, record) VALUES ('../../victim', 'x', '{}')`)
    db.close()
    app = await openApp({ libraryDir, extraction: 'inline' })
    const added = await app.dispatch('articles.add', { kind: 'url', url })
    expect(added.ok).toBe(true)
    expect(await readdir(outside)).toEqual(['precious.txt'])
    expect(await readFile(join(outside, 'precious.txt'), 'utf8')).toBe('years of work')
  })

  it.skipIf(symlinksUnavailable !== null)(
    'refuses to write an article whose folder is a link out of the library',
    async () => {
      const id = '7d00000000000001'
      await makeLibrary()
      const folder = join(libraryDir, 'articles', '7d', id)
      await removeDir(folder)
      await symlink(outside, folder, 'dir')
      const store = await openStore()
      await expect(
        store.putArticle(makeSummary({ id }), { html: '<p>New</p>', text: 'New' }),
      ).rejects.toMatchObject({
        code: 'LIBRARY_DAMAGED',
      })
      await expect(store.readArticle(id)).rejects.toMatchObject({ code: 'LIBRARY_DAMAGED' })
      expect(await readdir(outside)).toEqual(['precious.txt'])
    },
  )
})

describe.skipIf(symlinksUnavailable !== null)('pictures are read only from real files inside media/', () => {
  let app: DatelineApp
  let host: BrowserHost
  let realPicture: string
  const linked: Record<string, string> = {}

  beforeEach(async () => {
    app = await openApp({ libraryDir, extraction: 'inline' })
    realPicture = await app.library.media.store(makePng(), 'png')
    const mediaDir = join(libraryDir, 'media', 'ee')
    await mkdir(mediaDir, { recursive: true })
    const secret = join(outside, 'precious.txt')
    linked.secret = `media/ee/${'e'.repeat(63)}1.png`
    linked.zero = `media/ee/${'e'.repeat(63)}2.png`
    linked.huge = `media/ee/${'e'.repeat(63)}3.png`
    await symlink(secret, join(libraryDir, linked.secret))
    await symlink('/dev/zero', join(libraryDir, linked.zero))
    // A sparse file: 1 GB on paper, no disk used.
    await writeFile(join(libraryDir, linked.huge), '')
    await truncate(join(libraryDir, linked.huge), 1024 * 1024 * 1024)
    // A whole media folder that is a link to the outside.
    await mkdir(join(outside, 'ff'), { recursive: true })
    linked.folder = `media/ff/${'f'.repeat(64)}.png`
    await writeFile(join(outside, 'ff', `${'f'.repeat(64)}.png`), 'outside bytes')
    await symlink(join(outside, 'ff'), join(libraryDir, 'media', 'ff'), 'dir')
    host = await startBrowserHost({ app, rendererDir: join(root, 'no-renderer'), port: 0 })
  })

  afterEach(async () => {
    await host.close()
    await app.close()
  })

  it('the browser host serves a stored picture but no linked, device or oversized file', async () => {
    const get = (path: string): ReturnType<typeof rawRequest> =>
      rawRequest(host.port, { method: 'GET', path: `/s/${host.token}/${path}` })
    expect((await get(realPicture)).status).toBe(200)
    for (const path of [linked.secret, linked.zero, linked.huge, linked.folder]) {
      const response = await get(path!)
      expect(response.status, path).toBe(404)
      expect(response.text).not.toContain('years of work')
      expect(response.text).not.toContain('outside bytes')
    }
  })

  it('the media store reads none of them', async () => {
    for (const path of [linked.secret, linked.zero, linked.huge, linked.folder]) {
      expect(await app.library.media.read(path!), path).toBeNull()
    }
  })

  it('export inlines the real picture and none of the others, and finishes quickly', async () => {
    const id = '7d00000000000009'
    const images = [realPicture, linked.secret, linked.zero, linked.huge, linked.folder]
    await app.library.putArticle(makeSummary({ id }), {
      html: images.map((src) => `<p><img src="${src}"></p>`).join(''),
      text: 'Pictures',
    })
    await app.close()
    const out = join(root, 'export')
    const started = Date.now()
    await exportArticles(libraryDir, [id], { out, format: 'html' }, true)
    expect(Date.now() - started).toBeLessThan(10_000)
    const [file] = await readdir(out)
    const exported = await readFile(join(out, file!), 'utf8')
    expect(exported.match(/src="data:image\/png;base64,/g)).toHaveLength(1)
    expect(exported).not.toContain(Buffer.from('years of work').toString('base64'))
    expect(exported).not.toContain(Buffer.from('outside bytes').toString('base64'))
    app = await openApp({ libraryDir, extraction: 'inline' })
  })
})

describe.skipIf(symlinksUnavailable !== null)(
  'a library folder that is itself a link is the person’s choice',
  () => {
    it('opens and stores articles through it', async () => {
      const real = join(root, 'real-library')
      await mkdir(real)
      await symlink(real, libraryDir, 'dir')
      await makeLibrary()
      const store = await openStore()
      expect((await store.readArticle('7d00000000000001')).text).toBe('Body')
      expect(await exists(join(real, 'articles', '7d', '7d00000000000001'))).toBe(true)
    })
  },
)

describe('a stored body edited on disk is sanitised again before it is shown or exported', () => {
  it('drops a meta refresh and a script put into the stored HTML, and keeps the pictures', async () => {
    const id = '7d00000000000001'
    await makeLibrary()
    const store = await openStore()
    const picture = await store.media.store(makePng(), 'png')
    await store.putArticle(makeSummary({ id }), {
      html: `<p>Body</p><img src="${picture}" alt="A">`,
      text: 'Body',
    })
    const folder = join(libraryDir, 'articles', '7d', id)
    const [htmlFile] = (await readdir(folder)).filter((name) => name.endsWith('.html'))
    const stored = await readFile(join(folder, htmlFile!), 'utf8')
    await writeFile(
      join(folder, htmlFile!),
      `<meta http-equiv="refresh" content="0;url=https://evil.example/">${stored}` +
        '<script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">x</a>',
    )
    const article = await store.readArticle(id)
    expect(article.html).not.toMatch(/refresh|script|onerror|javascript:|evil\.example/)
    expect(article.html).toContain(`<img src="${picture}" alt="A" />`)
    expect(article.html).toContain('<p>Body</p>')
    await store.close()
    stores.splice(0)

    const out = join(root, 'export')
    await exportArticles(libraryDir, [id], { out, format: 'html' }, true)
    const [file] = await readdir(out)
    const exported = await readFile(join(out, file!), 'utf8')
    expect(exported).not.toMatch(/http-equiv="refresh"|<script|onerror|evil\.example/)
    expect(exported).toContain('src="data:image/png;base64,')
  })
})

describe.runIf(process.platform !== 'win32')('library files are private to their owner', () => {
  it.skipIf(posixModesUnavailable !== null)(
    'creates files 0600 and folders 0700, whatever the umask allows others',
    async () => {
      const previous = process.umask(0o022)
      try {
        await makeLibrary()
        const store = await openStore()
        await store.media.store(makePng(), 'png')
        const entries = await readdir(libraryDir, { recursive: true, withFileTypes: true })
        const open = []
        for (const entry of entries) {
          const path = join(entry.parentPath, entry.name)
          const mode = (await stat(path)).mode & 0o777
          if (mode & 0o077) open.push(`${path.slice(libraryDir.length)} ${mode.toString(8)}`)
        }
        expect(open).toEqual([])
        expect((await stat(libraryDir)).mode & 0o077).toBe(0)
      } finally {
        process.umask(previous)
      }
    },
  )
})
