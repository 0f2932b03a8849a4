import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExportResult } from '@shared/export'
import { openApp, type DatelineApp } from '../../src/main/app'
import { addExportPages, call, epubcheck, EXPORT_PAGES } from '../helpers/export-library'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'
import { readZip } from '../helpers/zip-entries'

let dir: string
let out: string
let site: FixtureServer
let app: DatelineApp
let ids: string[]
/** The distinct pictures the stored articles show (a capture on a loaded machine may miss one). */
let pictureCount: number

/** Structures pages have and HTML5 refuses inside an EPUB: blocks in inline elements, stray items. */
const BROKEN_STRUCTURE = [
  '<p>Lead <span>inline <div>a block inside a span</div> after</span></p>',
  '<li>An item outside any list</li>',
  '<h2>Heading <div>with a block</div></h2>',
  '<figure><figcaption>First caption</figcaption><p>Middle</p><figcaption>A second caption</figcaption></figure>',
  '<table><tr><td colspan="two">bad span</td><td rowspan="2">ok</td></tr></table>',
  '<p><a href="https://exa mple.com/a b">a bad link</a> <a href="https://example.com/ok?q=1&amp;r=2">a good one</a></p>',
  '<p><time datetime="last tuesday">last Tuesday</time> <time datetime="2024-05-01">1 May</time></p>',
  '<p>Control \u0001 characters \u000b and a lone surrogate \ud800 go.</p>',
  '<dl><dt>Term</dt><p>stray paragraph</p><dd>Definition</dd></dl>',
  '<header><header>nested header</header></header>',
  '<p lang="not a tag" dir="sideways">odd attributes</p>',
].join('\n')

beforeAll(async () => {
  dir = await makeTempDir()
  out = await makeTempDir('dateline-epub-')
  site = await startFixtureServer(EXPORT_PAGES)
  app = await openApp({ libraryDir: dir, extraction: 'inline' })
  ids = await addExportPages(app, (path) => site.url(path))
  const odd = makeSummary({ title: 'A page of broken structure', lang: 'en' })
  await app.library.putArticle(odd, { html: BROKEN_STRUCTURE, text: 'A page of broken structure' })
  ids.push(odd.id)
  const pictures = new Set<string>()
  for (const id of ids) {
    for (const m of (await app.library.readArticle(id)).html.matchAll(/src="(media\/[^"]+)"/g))
      pictures.add(m[1]!)
  }
  pictureCount = pictures.size
  // square, river (shared by two articles), sea, hills, city.
  expect(pictureCount).toBeGreaterThanOrEqual(4)
}, 60_000)

afterAll(async () => {
  await app?.close()
  await site?.close()
  await removeDir(dir)
  await removeDir(out)
})

async function exportEpub(name: string, selection: unknown, title?: string): Promise<ExportResult> {
  return call<ExportResult>(app, 'export.write', {
    selection,
    format: 'epub',
    destination: { kind: 'path', path: join(out, name) },
    ...(title ? { title } : {}),
  })
}

describe('EPUB export', () => {
  it('writes a book of real pages in four scripts with pictures that epubcheck passes without error', async () => {
    const result = await exportEpub('world.epub', { kind: 'ids', ids }, 'World dossier')
    expect(result.status).toBe('done')
    expect(result.articles).toBe(ids.length)
    // The river picture is shared by two articles and goes in once.
    expect(result.pictures).toBe(pictureCount)
    const check = await epubcheck(result.path!)
    expect(check.output).not.toMatch(/\bERROR\b|\bFATAL\b/)
    expect(check.code, check.output).toBe(0)
  }, 120_000)

  it('puts the mimetype first, stored, with no extra field, and each picture once', async () => {
    const entries = await readZip(join(out, 'world.epub'))
    expect(entries[0]).toMatchObject({ name: 'mimetype', stored: true, extraFieldLength: 0 })
    expect(entries[0]!.bytes.toString()).toBe('application/epub+zip')
    const images = entries.filter((e) => e.name.startsWith('OEBPS/images/'))
    expect(images).toHaveLength(pictureCount)
    expect(new Set(images.map((e) => e.name)).size).toBe(pictureCount)
  })

  it('sets language and direction per chapter: Arabic and Hebrew right to left, Chinese and Japanese tagged', async () => {
    const entries = await readZip(join(out, 'world.epub'))
    const chapters = entries
      .filter((e) => e.name.startsWith('OEBPS/chapters/'))
      .map((e) => e.bytes.toString())
    const opening = (lang: string): string | undefined =>
      chapters.find((c) => c.includes(` lang="${lang}`))?.match(/<html[^>]*>/)?.[0]
    expect(opening('ar')).toContain('dir="rtl"')
    expect(opening('he')).toContain('dir="rtl"')
    expect(opening('zh')).toContain('dir="ltr"')
    expect(opening('ja')).toContain('xml:lang="ja"')
    expect(chapters.find((c) => c.includes('lang="ar"'))).toContain('افتتاح محطة جديدة لتحلية المياه')
  })

  it('gives each chapter its headline, correspondents, outlet and dates, and lists them in both tables of contents', async () => {
    const entries = await readZip(join(out, 'world.epub'))
    const text = (name: string): string => entries.find((e) => e.name === name)!.bytes.toString()
    const first = text('OEBPS/chapters/c00001.xhtml')
    expect(first).toContain('<h1>Crowds fill the capital in the largest protest in a decade</h1>')
    expect(first).toMatch(/<p class="correspondents">(By )?Anna Reporter<\/p>/)
    expect(first).toMatch(/Fixture News · Published 2024-05-01 · Saved \d{4}-\d{2}-\d{2}/)
    const nav = text('OEBPS/nav.xhtml')
    const ncx = text('OEBPS/toc.ncx')
    for (const title of ['Talks resume after a week of strikes', 'A page of broken structure']) {
      expect(nav).toContain(title)
      expect(ncx).toContain(title)
    }
    expect(text('OEBPS/content.opf')).toContain('<dc:title>World dossier</dc:title>')
  })

  it('runs a book right to left when most of its chapters do', async () => {
    const rtl = ids.slice(2, 4) // the Arabic and Hebrew pages
    const result = await exportEpub('rtl.epub', { kind: 'ids', ids: rtl })
    const opf = (await readZip(result.path!)).find((e) => e.name === 'OEBPS/content.opf')!.bytes.toString()
    expect(opf).toContain('page-progression-direction="rtl"')
    expect(opf).toContain('<dc:language>ar</dc:language>')
    const check = await epubcheck(result.path!)
    expect(check.code, check.output).toBe(0)
  }, 120_000)

  it('exports a collection in its own order, and refuses a path that is not an .epub', async () => {
    app.library.change((db) => {
      db.run(`INSERT INTO collections (name, created_at) VALUES ('Dossier', '2024-06-01T00:00:00.000Z')`)
      const collection = db.get<{ id: number }>(`SELECT id FROM collections WHERE name = 'Dossier'`)!.id
      // Second article first: the person's order, not the newest first.
      ;[ids[1]!, ids[0]!].forEach((id, position) =>
        db.run(
          'INSERT INTO collection_articles (collection, article, position, added_at) VALUES (?, ?, ?, ?)',
          [collection, app.library.articleRowid(id), position, '2024-06-01T00:00:00.000Z'],
        ),
      )
    })
    const result = await exportEpub('dossier.epub', { kind: 'collection', name: 'dossier' })
    expect(result.articles).toBe(2)
    const entries = await readZip(result.path!)
    expect(entries.find((e) => e.name === 'OEBPS/chapters/c00001.xhtml')!.bytes.toString()).toContain(
      'Talks resume after a week of strikes',
    )
    expect(entries.find((e) => e.name === 'OEBPS/content.opf')!.bytes.toString()).toContain(
      '<dc:title>Dossier</dc:title>',
    )
    const refused = await app.dispatch('export.write', {
      selection: { kind: 'collection', name: 'Dossier' },
      format: 'epub',
      destination: { kind: 'path', path: join(out, 'notes.txt') },
    })
    expect(refused.ok).toBe(false)
    await expect(readFile(join(out, 'notes.txt'))).rejects.toThrow()
  })
})
