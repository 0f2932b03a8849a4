import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { load } from 'js-yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExportResult } from '@shared/export'
import { openApp, type DatelineApp } from '../../src/main/app'
import { startBrowserHost } from '../../src/main/serve/browser-host'
import { addExportPages, call, EXPORT_PAGES } from '../helpers/export-library'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { listFiles, makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'
import { readZip } from '../helpers/zip-entries'

let dir: string
let out: string
let site: FixtureServer
let app: DatelineApp
let ids: string[]

beforeAll(async () => {
  dir = await makeTempDir()
  out = await makeTempDir('dateline-folders-')
  site = await startFixtureServer(EXPORT_PAGES)
  app = await openApp({ libraryDir: dir, extraction: 'inline' })
  ids = await addExportPages(app, (path) => site.url(path))
  // Two articles of one headline, and headlines that would be paths or device names.
  for (const title of ['Same headline', 'Same headline', '../../etc/passwd', 'CON', '.hidden: a/b\\c?']) {
    const summary = makeSummary({ title })
    await app.library.putArticle(summary, { html: `<p>${title}</p>`, text: title })
    ids.push(summary.id)
  }
  app.library.change((db) => {
    db.run(`INSERT INTO collections (name, created_at) VALUES ('Belarus elections', '2024-06-01T00:00:00Z')`)
    db.run(
      `INSERT INTO collection_articles (collection, article, position, added_at) VALUES (1, ?, 0, '2024-06-01T00:00:00Z')`,
      [app.library.articleRowid(ids[0]!)],
    )
  })
}, 60_000)

afterAll(async () => {
  await app?.close()
  await site?.close()
  await removeDir(dir)
  await removeDir(out)
})

async function exportTo(
  format: string,
  destination: unknown,
  selection: unknown = { kind: 'ids', ids },
): Promise<ExportResult> {
  return call<ExportResult>(app, 'export.write', { selection, format, destination })
}

describe('Markdown folder', () => {
  it('writes one file per article with front matter, and pictures beside them under relative links', async () => {
    const folder = join(out, 'vault')
    const result = await exportTo('markdown', { kind: 'path', path: folder })
    expect(result.articles).toBe(ids.length)
    const files = await listFiles(folder)
    const notes = files.filter((f) => f.endsWith('.md'))
    expect(notes).toHaveLength(ids.length)
    expect(files.every((f) => f.endsWith('.md') || f.startsWith('pictures/'))).toBe(true)
    // No name leaves the folder or hides: every note sits at its top level with a plain name.
    expect(notes.every((f) => !f.includes('/') && !f.startsWith('.'))).toBe(true)
    expect(notes).toContain('Same headline.md')
    expect(notes).toContain('Same headline 2.md')

    const protest = await readFile(
      join(folder, 'Crowds fill the capital in the largest protest in a decade.md'),
      'utf8',
    )
    const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(protest)!
    const front = load(yaml!) as Record<string, unknown>
    expect(front).toMatchObject({
      title: 'Crowds fill the capital in the largest protest in a decade',
      url: site.url('/world/protest'),
      outlet: 'Fixture News',
      published: '2024-05-01T09:30:00Z',
      collections: ['Belarus elections'],
      tags: ['belarus-elections'],
    })
    expect(typeof front.saved).toBe('string')
    const links = [...body!.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!)
    // The pictures the stored copy shows (a capture on a loaded machine may have missed one).
    const stored = (await app.library.readArticle(ids[0]!)).html.match(/src="media\//g) ?? []
    expect(stored.length).toBeGreaterThan(0)
    expect(links.length).toBe(stored.length)
    for (const link of links) {
      expect(link).toMatch(/^pictures\/[0-9a-f]{64}\.(png|jpg)$/)
      expect(existsSync(join(folder, link))).toBe(true)
    }
    const arabic = notes.find((n) => n.startsWith('افتتاح محطة'))
    expect(arabic).toBeDefined()
  })

  it('refuses a folder that already holds files, and leaves them alone', async () => {
    const folder = join(out, 'vault')
    const before = await listFiles(folder)
    const refused = await app.dispatch('export.write', {
      selection: { kind: 'ids', ids },
      format: 'markdown',
      destination: { kind: 'path', path: folder },
    })
    expect(refused.ok).toBe(false)
    expect(await listFiles(folder)).toEqual(before)
  })
})

describe('HTML folder', () => {
  it('writes self-contained pages with their pictures inside', async () => {
    const folder = join(out, 'pages')
    const result = await exportTo(
      'html',
      { kind: 'path', path: folder },
      { kind: 'collection', name: 'Belarus elections' },
    )
    expect(result.articles).toBe(1)
    const [page] = await readdir(folder)
    const html = await readFile(join(folder, page!), 'utf8')
    expect(html).toMatch(/<img src="data:image\/(png|jpeg);base64,/)
    expect(html).not.toContain('src="media/')
  })
})

describe('downloads and cancel', () => {
  it('zips a folder export for the browser to download, then serves it once', async () => {
    const result = await exportTo('markdown', { kind: 'download' })
    expect(result.download?.name).toBe(`${ids.length} articles.zip`)
    expect(result.download?.url).toMatch(/^exports\/[0-9a-f]{32}$/)
    expect(result.path).toBeNull()
    const host = await startBrowserHost({ app, rendererDir: out, port: 0 })
    try {
      const response = await fetch(`${host.url}${result.download!.url}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-disposition')).toContain('attachment')
      const zipPath = join(out, 'downloaded.zip')
      await writeFile(zipPath, Buffer.from(await response.arrayBuffer()))
      const names = (await readZip(zipPath)).map((e) => e.name)
      expect(names).toContain(`${ids.length} articles/Same headline 2.md`)
      expect(names.some((n) => n.startsWith(`${ids.length} articles/pictures/`))).toBe(true)
      // Once fetched it is gone: a download link is not a way into the disk.
      expect((await fetch(`${host.url}${result.download!.url}`)).status).toBe(404)
    } finally {
      await host.close()
    }
  })

  it('stops an export on cancel and leaves no file behind', async () => {
    const target = join(out, 'cancelled.epub')
    let asked = false
    const unsubscribe = app.events.subscribe((event, payload) => {
      const progress = payload as { id: string; done: number }
      if (event === 'export.progress' && progress.done >= 1 && !asked) {
        asked = true
        void app.services['export.cancel']({ id: progress.id })
      }
    })
    const result = await exportTo('epub', { kind: 'path', path: target })
    unsubscribe()
    expect(asked).toBe(true)
    expect(result.status).toBe('cancelled')
    expect(existsSync(target)).toBe(false)
    expect((await readdir(dirname(target))).filter((n) => n.includes('partial'))).toEqual([])
  })

  it('writes the zip of a download with the folder inside it', async () => {
    const result = await exportTo(
      'html',
      { kind: 'download' },
      { kind: 'collection', name: 'Belarus elections' },
    )
    expect(result.download?.name).toBe('Belarus elections.zip')
    expect(result.written).toHaveLength(1)
  })
})
