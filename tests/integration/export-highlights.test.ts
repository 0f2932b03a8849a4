import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SearchPage } from '@shared/contract'
import type { ExportResult, ImportArchiveResult } from '@shared/export'
import type { AnchoredHighlight } from '@shared/highlights'
import { openApp } from '../../src/main/app'
import { appForEachTest } from '../helpers/app-for-each-test'
import { call, epubcheck } from '../helpers/export-library'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'
import { readZip } from '../helpers/zip-entries'

const { app } = appForEachTest()
let out: string

const ID = 'c0ffee0000000001'
const PARAGRAPHS = [
  'The night trains kept running through the <em>coldest</em> winter in a decade.',
  'Conductors said the trains were full every night.',
  'In Lviv, the station was quiet by morning & the kiosks < 6 were shut.',
]

const ESCAPED_NOTE = /Ask the city &(lt|#60);council&(gt|#62); about it/

async function put(paragraphs: string[], updatedAt: string): Promise<void> {
  await app().library.putArticle(makeSummary({ id: ID, title: 'Night trains', lang: 'en', updatedAt }), {
    html: paragraphs.map((p) => `<p>${p}</p>`).join('\n'),
    text: paragraphs.join('\n\n').replace(/<\/?em>/g, ''),
  })
}

async function exportTo(format: string, path: string): Promise<ExportResult> {
  return call<ExportResult>(app(), 'export.write', {
    selection: { kind: 'ids', ids: [ID] },
    format,
    destination: { kind: 'path', path },
  })
}

beforeEach(async () => {
  out = await makeTempDir('dateline-export-highlights-')
  await put([...PARAGRAPHS, 'A paragraph the re-capture drops.'], '2026-11-01T00:00:00.000Z')
  // One across the <em>, one with a note and characters to escape, one that a re-capture orphans.
  await call<AnchoredHighlight>(app(), 'highlights.add', {
    articleId: ID,
    exact: 'through the coldest winter',
  })
  await call<AnchoredHighlight>(app(), 'highlights.add', {
    articleId: ID,
    exact: 'the kiosks < 6 were shut',
    note: 'Ask the city <council> about it',
  })
  await call<AnchoredHighlight>(app(), 'highlights.add', { articleId: ID, exact: 'the re-capture drops' })
  await put(PARAGRAPHS, '2026-11-02T00:00:00.000Z')
})

afterEach(() => removeDir(out))

describe('exports with highlights', () => {
  it('mark the passages in Markdown as ==…== and list them with their notes', async () => {
    await exportTo('markdown', join(out, 'vault'))
    const [file] = (await readdir(join(out, 'vault'))).filter((f) => f.endsWith('.md'))
    const markdown = await readFile(join(out, 'vault', file!), 'utf8')
    // turndown puts the spaces at a mark's edges outside it.
    expect(markdown).toContain('==through the== *==coldest==* ==winter==')
    expect(markdown).toContain('==the kiosks < 6 were shut==')
    expect(markdown).toContain('## Highlights and notes')
    expect(markdown).toContain('Ask the city <council> about it')
    expect(markdown).toContain('the re-capture drops')
    expect(markdown).toContain('No longer in the text of this copy.')
  })

  it('mark them in HTML files, escaped, with the notes at the end', async () => {
    await exportTo('html', join(out, 'pages'))
    const [file] = await readdir(join(out, 'pages'))
    const html = await readFile(join(out, 'pages', file!), 'utf8')
    expect(html).toMatch(/<mark [^>]*>the kiosks &(lt|#60); 6 were shut<\/mark>/)
    expect(html).toMatch(ESCAPED_NOTE)
    expect(html).not.toContain('<council>')
    expect(html.indexOf('Highlights and notes')).toBeGreaterThan(html.indexOf('station was quiet'))
  })

  it('mark them in an EPUB that epubcheck still passes', async () => {
    const result = await exportTo('epub', join(out, 'book.epub'))
    const chapter = (await readZip(result.path!))
      .find((e) => e.name === 'OEBPS/chapters/c00001.xhtml')!
      .bytes.toString()
    expect(chapter).toMatch(/<mark[^>]*>through the <\/mark><em><mark[^>]*>coldest<\/mark><\/em>/)
    expect(chapter).toContain('Highlights and notes')
    expect(chapter).toMatch(ESCAPED_NOTE)
    const check = await epubcheck(result.path!)
    expect(check.output).not.toMatch(/\bERROR\b|\bFATAL\b/)
    expect(check.code, check.output).toBe(0)
  }, 120_000)
})

describe('the Dateline archive', () => {
  it('carries highlights and notes to another library, once however often it is imported', async () => {
    const archive = await call<ExportResult>(app(), 'export.write', {
      selection: { kind: 'library' },
      format: 'archive',
      destination: { kind: 'path', path: join(out, 'library.dateline.zip') },
    })
    const original = await call<{ highlights: AnchoredHighlight[] }>(app(), 'highlights.list', {
      articleId: ID,
    })
    const other = await openApp({ libraryDir: join(out, 'other'), extraction: 'inline' })
    try {
      // The other library has the article already, without highlights: they join it.
      await other.library.putArticle(makeSummary({ id: ID, title: 'Night trains', lang: 'en' }), {
        html: PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n'),
        text: 'Night trains',
      })
      for (let round = 0; round < 2; round++) {
        await call<ImportArchiveResult>(other, 'archive.import', { path: archive.path! })
        const restored = await call<{ highlights: AnchoredHighlight[] }>(other, 'highlights.list', {
          articleId: ID,
        })
        expect(restored.highlights).toEqual(original.highlights)
      }
      const found = await call<SearchPage>(other, 'articles.search', { query: 'council' })
      expect(found.items.map((i) => i.article.id)).toEqual([ID])

      // Into an empty library: the article comes with them.
      const empty = await openApp({ libraryDir: join(out, 'empty'), extraction: 'inline' })
      try {
        await call<ImportArchiveResult>(empty, 'archive.import', { path: archive.path! })
        const restored = await call<{ highlights: AnchoredHighlight[] }>(empty, 'highlights.list', {
          articleId: ID,
        })
        expect(restored.highlights).toEqual(original.highlights)
        const search = await call<SearchPage>(empty, 'articles.search', { query: 'council' })
        expect(search.items.map((i) => i.article.id)).toEqual([ID])
      } finally {
        await empty.close()
      }
    } finally {
      await other.close()
    }
  })
})
