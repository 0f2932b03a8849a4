import { describe, expect, it } from 'vitest'
import { zipSync } from 'fflate'
import { parseBookmarksHtml } from '../../src/main/imports/formats/bookmarks-html'
import { parseOmnivoreZip } from '../../src/main/imports/formats/omnivore-zip'
import { parseUrlList } from '../../src/main/imports/formats/url-list'
import type { ImportRow } from '../../src/main/imports/import-row'
import { detectImportFormat, readExport } from '../../src/main/imports/read-export'
import { importFixture, omnivoreZip } from '../helpers/import-fixtures'

describe('a Pocket export', () => {
  const parsed = readExport(importFixture('pocket.csv'), 'ril_export.csv')

  it('is recognised by its header', () => {
    expect(parsed.format).toBe('pocket')
  })

  it('reads titles with quotes, commas and line breaks whole', () => {
    expect(parsed.rows.map((r) => r.title)).toContain('Belarus votes, again: "a foregone conclusion"')
    expect(parsed.rows.find((r) => r.url.includes('minsk-diary'))?.title).toBe('Minsk diary: day one')
  })

  it('keeps a row without a title, titled by nothing rather than by a neighbour', () => {
    const untitled = parsed.rows.find((r) => r.url === 'https://news.example/untitled-story')
    expect(untitled).toMatchObject({ title: null, line: 5 })
  })

  it('decodes a title saved in Windows-1252', () => {
    expect(parsed.rows.find((r) => r.url.includes('vilnius'))?.title).toBe('Café society in Vilnius')
  })

  it('reports the row without an address by its line, and reads the rows after it', () => {
    expect(parsed.broken).toEqual([{ line: 8, unit: 'line', reason: 'it has no web address' }])
    expect(parsed.rows.at(-1)).toMatchObject({ title: 'Kyiv, after the storm', line: 11 })
  })

  it('keeps tags, the archived state and the save date', () => {
    const vote = parsed.rows[0]!
    expect(vote).toMatchObject({ tags: ['belarus', 'elections'], archived: false, read: false })
    expect(vote.savedAt).toBe(new Date(1700000000 * 1000).toISOString())
    expect(parsed.rows[1]).toMatchObject({ archived: true, read: true, tags: ['belarus'] })
    expect(parsed.rows.at(-1)?.tags).toEqual(['ukraine', 'weekend reading'])
  })

  it('reports an unclosed quote at the line it opens and keeps the rows before it', () => {
    const text =
      'title,url,time_added,tags,status\nFine,https://a.example/1,1700000000,,unread\n"Never closed,https://a.example/2,1,,unread\nhttps://a.example/3\n'
    const result = readExport(new TextEncoder().encode(text), 'x.csv', 'pocket')
    expect(result.rows.map((r) => r.url)).toEqual(['https://a.example/1'])
    expect(result.broken[0]).toMatchObject({ line: 3, unit: 'line' })
    expect(result.broken[0]?.reason).toMatch(/never closed/)
  })
})

describe("Pocket's ZIP export (2025)", () => {
  it('reads every CSV part in order, and names the part a broken row is in', () => {
    const zip = zipSync({
      'part_000001.csv': new TextEncoder().encode(
        'title,url,time_added,cursor,tags,status\nSecond,https://a.example/2,1700000100,2,,archive\nNo link,,1,3,,unread\n',
      ),
      'part_000000.csv': new TextEncoder().encode(
        'title,url,time_added,cursor,tags,status\nFirst,https://a.example/1,1700000000,1,dossier,unread\n',
      ),
      'annotations/part_000000.json': new TextEncoder().encode('[]'),
    })
    const parsed = readExport(zip, 'pocket.zip')
    expect(parsed.format).toBe('pocket')
    expect(parsed.rows.map((r) => [r.title, r.tags, r.archived])).toEqual([
      ['First', ['dossier'], false],
      ['Second', [], true],
    ])
    expect(parsed.broken).toEqual([
      { line: 3, unit: 'line', reason: 'part_000001.csv: it has no web address' },
    ])
  })
})

describe('an Instapaper export', () => {
  const parsed = readExport(importFixture('instapaper.csv'), 'instapaper-export.csv')

  it('is recognised by its header', () => {
    expect(parsed.format).toBe('instapaper')
  })

  it('turns Archive and Starred into states and its own folders into collections', () => {
    const byUrl = (part: string): ImportRow | undefined => parsed.rows.find((r) => r.url.includes(part))
    expect(byUrl('tbilisi')).toMatchObject({ archived: true, read: true, starred: false, tags: [] })
    expect(byUrl('yerevan')).toMatchObject({ starred: true, archived: false, title: null })
    expect(byUrl('chisinau')).toMatchObject({ tags: ['Moldova desk'], title: 'Crème brûlée diplomacy' })
    expect(byUrl('riga-port')).toMatchObject({ tags: ['baltics'], title: "Riga's port, quietly busy" })
  })

  it('keeps a title broken over two lines and the lines after it counted right', () => {
    expect(parsed.rows.find((r) => r.url.includes('tbilisi'))?.title).toBe('Tbilisi at night (part 2)')
    expect(parsed.rows.find((r) => r.url.includes('yerevan'))?.line).toBe(5)
    expect(parsed.broken).toEqual([{ line: 8, unit: 'line', reason: '"not a link" is not a web address' }])
  })

  it('keeps both rows of a link saved twice (the queue merges them)', () => {
    expect(parsed.rows.filter((r) => r.url.includes('riga-port'))).toHaveLength(2)
  })
})

describe('a wallabag export', () => {
  const parsed = readExport(importFixture('wallabag.json'), 'wallabag-export.json')

  it('carries the article text, author and dates of what wallabag stored', () => {
    expect(parsed.format).toBe('wallabag')
    const first = parsed.rows[0]!
    expect(first).toMatchObject({
      url: 'https://vanished.example/belarus-streets',
      title: 'Belarus votes, and the streets stay quiet',
      tags: ['belarus', 'dossier'],
      archived: true,
      read: true,
      starred: true,
      savedAt: '2023-10-30T17:04:11.000Z',
    })
    expect(first.content).toMatchObject({ kind: 'html', byline: 'Anna Kowalczyk' })
    expect(first.content?.body).toContain('Polling stations across Belarus')
  })

  it('leaves an entry with no text to be fetched, and reports one with no address by its number', () => {
    expect(parsed.rows[1]).toMatchObject({ url: 'https://news.example/kyiv-storm', content: null })
    expect(parsed.broken).toEqual([{ line: 3, unit: 'entry', reason: 'it has no web address' }])
  })

  it("fetches an entry whose content is wallabag's notice that it could not read the page", () => {
    const entry = {
      url: 'https://news.example/x',
      title: 'X',
      content:
        '<p>wallabag can\'t retrieve contents for this article. Please <a href="https://doc.wallabag.org">troubleshoot this issue</a>.</p>',
    }
    const result = readExport(new TextEncoder().encode(JSON.stringify([entry])), 'export.json')
    expect(result.rows[0]).toMatchObject({ url: 'https://news.example/x', content: null })
  })
})

describe('an Omnivore export', () => {
  const parsed = parseOmnivoreZip(omnivoreZip())

  it('joins every metadata list with the saved HTML or Markdown of each article', () => {
    expect(parsed.rows.map((r) => r.url)).toEqual([
      'https://vanished.example/last-ferry-batumi',
      'https://vanished.example/moldova-winter',
      'https://news.example/riga-port',
    ])
    expect(parsed.rows[0]?.content).toMatchObject({ kind: 'html', byline: 'Nino Beridze' })
    expect(parsed.rows[1]?.content?.kind).toBe('markdown')
    expect(parsed.rows[2]?.content).toBeNull()
  })

  it('keeps labels (names or objects), the archived state, reading progress and the save date', () => {
    expect(parsed.rows[0]).toMatchObject({
      tags: ['georgia', 'Weekend reading'],
      archived: true,
      read: true,
      savedAt: '2024-02-11T08:30:00.000Z',
    })
    expect(parsed.rows[1]).toMatchObject({ tags: ['moldova'], archived: false, read: false })
  })

  it('is recognised by its ZIP signature', () => {
    expect(detectImportFormat(omnivoreZip(), 'omnivore-export.zip')).toBe('omnivore')
  })

  it('refuses an archive that would unpack past its limits before unpacking it', () => {
    const big = zipSync({
      'metadata_0_to_1.json': new TextEncoder().encode('[]'),
      'content/a.html': new Uint8Array(4096),
    })
    expect(() =>
      parseOmnivoreZip(big, { maxEntryBytes: 1024, maxTotalBytes: 1 << 20, maxEntries: 10 }),
    ).toThrow(/too large to import/)
  })

  it('says so when a ZIP is not an Omnivore export', () => {
    const other = zipSync({ 'readme.md': new TextEncoder().encode('# hello') })
    expect(() => parseOmnivoreZip(other)).toThrow(/not an Omnivore export/)
  })
})

describe('a bookmarks file', () => {
  const parsed = parseBookmarksHtml(new TextDecoder().decode(importFixture('bookmarks.html')))

  it('keeps nested folders as collection paths, leaving out the browser toolbar', () => {
    const tagsOf = (part: string): string[] | undefined => parsed.rows.find((r) => r.url.includes(part))?.tags
    expect(tagsOf('belarus-votes')).toEqual([])
    expect(tagsOf('minsk-diary')).toEqual(['News', 'diary', 'belarus'])
    expect(tagsOf('grodno')).toEqual(['News / Belarus'])
    expect(tagsOf('vilnius-cafe')).toEqual(['Weekend reading'])
    expect(tagsOf('loose')).toEqual([])
  })

  it('keeps titles and the date each was bookmarked, and reports a browser query by its line', () => {
    const diary = parsed.rows.find((r) => r.url.includes('minsk-diary'))
    expect(diary).toMatchObject({
      title: 'Minsk diary & notes',
      savedAt: new Date(1680000040000).toISOString(),
      line: 15,
    })
    expect(parsed.broken).toHaveLength(1)
    expect(parsed.broken[0]).toMatchObject({ line: 22 })
    expect(parsed.broken[0]?.reason).toMatch(/not a web page address/)
  })

  it('is recognised by its doctype', () => {
    expect(detectImportFormat(importFixture('bookmarks.html'))).toBe('bookmarks')
  })

  it('keeps a folder whose list follows its closed DT', () => {
    const closed = parseBookmarksHtml(
      '<DL><DT><H3>Dossier</H3></DT><DL><DT><A HREF="https://a.example/x">X</A></DL></DL>',
    )
    expect(closed.rows[0]?.tags).toEqual(['Dossier'])
  })
})

describe('a list of links', () => {
  const parsed = parseUrlList(new TextDecoder().decode(importFixture('urls.txt')))

  it('reads one link a line, finds a link among words, and reports what is not a web page', () => {
    expect(parsed.rows.map((r) => [r.line, r.url])).toEqual([
      [2, 'https://news.example/belarus-votes'],
      [4, 'https://news.example/minsk-diary'],
      [5, 'https://news.example/vilnius-cafe'],
      [7, 'https://news.example/minsk-diary'],
    ])
    expect(parsed.broken).toEqual([
      {
        line: 6,
        unit: 'line',
        reason: '"ftp://files.example/report.pdf" is not a web page address (http:// or https://)',
      },
    ])
  })

  it('is what a file with no other shape is read as', () => {
    expect(detectImportFormat(importFixture('urls.txt'), 'links.txt')).toBe('urls')
  })
})
