import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExportResult, ImportArchiveResult } from '@shared/export'
import { openApp } from '../../src/main/app'
import { articlePage } from '../helpers/article-page'
import { cliMissing, runBuiltCli, type CliRun } from '../helpers/built-cli'
import { epubcheck } from '../helpers/export-library'
import { html, image, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { makePng } from '../helpers/images'
import { makeTempDir, removeDir } from '../helpers/temp-library'

if (cliMissing) throw new Error(cliMissing)

const runCli = (args: string[]): Promise<CliRun> => runBuiltCli(args)

let site: FixtureServer
let work: string
let library: string

beforeAll(async () => {
  site = await startFixtureServer({
    '/world/protest': html(
      articlePage({
        middle: '<figure><img src="/img/a.png" alt="Square"><figcaption>The square</figcaption></figure>',
      }),
    ),
    '/world/talks': html(articlePage({ title: 'Talks resume after a week of strikes' })),
    '/img/a.png': image(makePng(2, 2), 'image/png'),
  })
  work = await makeTempDir('dateline-export-cli-')
  library = join(work, 'library')
  for (const path of ['/world/protest', '/world/talks']) {
    // A new library at a path not there yet: --create (a mistyped --library is an error).
    const added = await runCli(['--library', library, '--create', 'add', site.url(path)])
    expect(added.code, added.stderr).toBe(0)
  }
  // The collection is made directly: the collection commands are another feature's.
  const app = await openApp({ libraryDir: library, extraction: 'inline' })
  app.library.change((db) => {
    db.run(`INSERT INTO collections (name, created_at) VALUES ('Weekend reading', '2024-06-01T00:00:00Z')`)
    db.run(
      `INSERT INTO collection_articles (collection, article, position, added_at)
       SELECT 1, rowid, 0, '2024-06-01T00:00:00Z' FROM articles WHERE title LIKE 'Talks%'`,
    )
  })
  await app.close()
}, 90_000)

afterAll(async () => {
  await site?.close()
  await removeDir(work)
})

describe('dateline export and import-archive', () => {
  it('exports a collection as an EPUB that epubcheck passes', async () => {
    const out = join(work, 'weekend.epub')
    const run = await runCli([
      '--library',
      library,
      'export',
      '--collection',
      'Weekend reading',
      '--format',
      'epub',
      '--out',
      out,
      '--json',
    ])
    expect(run.code, run.stderr).toBe(0)
    const result = JSON.parse(run.stdout) as ExportResult
    expect(result).toMatchObject({ status: 'done', articles: 1, path: out })
    const check = await epubcheck(out)
    expect(check.code, check.output).toBe(0)
  }, 90_000)

  it('exports the library as Markdown into a new folder', async () => {
    const out = join(work, 'notes')
    const run = await runCli(['--library', library, 'export', '--format', 'md', '--out', out])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^Wrote 2 articles \(1 pictures\) to /m)
    expect((await readdir(out)).sort()).toEqual([
      'Crowds fill the capital in the largest protest in a decade.md',
      'Talks resume after a week of strikes.md',
      'pictures',
    ])
  })

  it('carries the library to another through a Dateline archive', async () => {
    const archive = join(work, 'all.dateline.zip')
    const exported = await runCli(['--library', library, 'export', '--format', 'json', '--out', archive])
    expect(exported.code, exported.stderr).toBe(0)
    const other = join(work, 'other')
    const imported = await runCli(['--library', other, '--create', 'import-archive', archive, '--json'])
    expect(imported.code, imported.stderr).toBe(0)
    expect(JSON.parse(imported.stdout) as ImportArchiveResult).toMatchObject({
      articlesAdded: 2,
      collectionsAdded: 1,
    })
    const listed = await runCli(['--library', other, 'list', '--collection', 'Weekend reading', '--json'])
    expect((JSON.parse(listed.stdout) as { items: { title: string }[] }).items.map((a) => a.title)).toEqual([
      'Talks resume after a week of strikes',
    ])
  }, 90_000)

  it('says what is wrong with a format it does not know', async () => {
    const run = await runCli(['--library', library, 'export', '--format', 'pdf'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--format is epub, md, html, txt or json')
  })
})
