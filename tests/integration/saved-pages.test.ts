import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp, type DatelineApp } from '../../src/main/app'
import { harbourWebarchive } from '../helpers/saved-pages'
import { makeTempDir, removeDir } from '../helpers/temp-library'

const HARBOUR_PATH = fileURLToPath(new URL('../fixtures/saved-pages/harbour-chromium.mhtml', import.meta.url))
const HARBOUR = readFileSync(HARBOUR_PATH)
const CLI = resolve(__dirname, '../../out/main/cli.js')

let root: string
let app: DatelineApp
let fetched: string[]

beforeEach(async () => {
  root = await makeTempDir()
  fetched = []
  app = await openApp({
    libraryDir: join(root, 'library'),
    extraction: 'inline',
    // Offline: anything asked of the network fails, so a picture stored came from the file.
    fetch: async (input) => {
      fetched.push(String(input))
      throw new TypeError('fetch failed: offline')
    },
  })
})

afterEach(async () => {
  await app.close()
  await removeDir(root)
})

describe('a page saved by Chromium as a single file (MHTML)', () => {
  it('becomes the article of its address, with both pictures taken from inside the file, offline', async () => {
    const result = await app.dispatch('extension.addSavedPage', {
      fileName: 'The harbour reopens.mhtml',
      content: HARBOUR.toString('latin1'),
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const { article, warnings } = result.value as {
      article: { id: string; url: string; title: string }
      warnings: string[]
    }
    expect(article.title).toBe('The harbour reopens after the winter storms')
    expect(article.url).toBe('https://coast-gazette.example/world/harbour')
    expect(warnings).toEqual([])
    expect(fetched).toEqual([])
    const stored = await app.services['articles.get']({ id: article.id })
    expect(stored.html.match(/src="media\//g)).toHaveLength(2)
    expect(stored.text).toContain('Les équipes de pêche')
    expect(stored.text).toContain('By the afternoon the first trawler')
  })

  it('reads a Safari web archive the same way, pictures from inside it', async () => {
    const result = await app.dispatch('extension.addSavedPage', {
      fileName: 'The harbour reopens.webarchive',
      content: harbourWebarchive().toString('latin1'),
    })
    expect(result).toMatchObject({ ok: true, value: { warnings: [] } })
    if (!result.ok) return
    const { article } = result.value as { article: { id: string; url: string } }
    expect(article.url).toBe('https://coast-gazette.example/world/harbour')
    expect(fetched).toEqual([])
    const stored = await app.services['articles.get']({ id: article.id })
    expect(stored.html.match(/src="media\//g)).toHaveLength(2)
  })

  it('says plainly when the file is not MHTML', async () => {
    const result = await app.dispatch('extension.addSavedPage', {
      fileName: 'x.mhtml',
      content: '<p>hello</p>',
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_HTML', message: expect.stringContaining('MHTML') },
    })
  })
})

describe.skipIf(!existsSync(CLI))('dateline add with an MHTML file', () => {
  it('adds the page with the pictures inside the file', async () => {
    // The test's own library is open (and locked) by this process; the CLI gets another.
    const libraryDir = join(root, 'cli-library')
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
      execFile(
        process.execPath,
        [CLI, 'add', '--library', libraryDir, '--create', '--json', HARBOUR_PATH],
        { timeout: 45_000 },
        (error, stdout, stderr) => done({ code: error ? 1 : 0, stdout, stderr }),
      ),
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const [added] = JSON.parse(run.stdout) as { article: { title: string; leadImage: string | null } }[]
    expect(added!.article.title).toBe('The harbour reopens after the winter storms')
    expect(added!.article.leadImage).toMatch(/^media\//)
  })
})
