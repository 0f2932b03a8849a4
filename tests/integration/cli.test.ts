import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { articlePage, EUTODAY_TITLE } from '../helpers/article-page'
import { closedPort, html, image, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { makePng } from '../helpers/images'
import { makeTempDir, removeDir } from '../helpers/temp-library'
import { openApp } from '../../src/main/app'
import { startLocalEndpoint } from '../../src/main/serve/local-endpoint'

const REPO = resolve(__dirname, '../..')
const CLI = resolve(REPO, 'out/main/cli.js')
const built = existsSync(CLI)
if (!built) {
  console.warn(
    `Skipping the CLI tests: ${CLI} is missing. "npm test" builds it; or run "npx electron-vite build".`,
  )
}

interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs `node out/main/cli.js ...args` from the repository folder and collects what it printed. */
function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: REPO, env: { ...process.env, DATELINE_LIBRARY: '', ...env }, timeout: 45_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        done({ code, stdout: String(stdout), stderr: String(stderr) })
      },
    )
  })
}

/** The id from an "Added <id>  <title>" line. */
function addedId(run: CliRun): string {
  const id = /^(?:Added|Updated) ([0-9a-f]{16}) /m.exec(run.stdout)?.[1]
  if (!id) expect.fail(`no article id in the output of add:\n${run.stdout}\n${run.stderr}`)
  return id
}

interface ListJson {
  total: number
  items: { id: string; title: string }[]
}

let site: FixtureServer
let library: string

beforeAll(async () => {
  site = await startFixtureServer({
    '/world/protest': html(
      articlePage({
        middle: '<figure><img src="/img/a.png" alt="Square"><figcaption>The square</figcaption></figure>',
      }),
    ),
    '/img/a.png': image(makePng(2, 2), 'image/png'),
  })
})

afterAll(async () => {
  await site.close()
})

beforeEach(async () => {
  library = await makeTempDir()
})

afterEach(async () => {
  await removeDir(library)
})

describe.skipIf(!built)('dateline CLI', () => {
  it('adds a web page and a text file, lists, shows and deletes them', async () => {
    const fromWeb = await runCli(['--library', library, 'add', site.url('/world/protest')])
    expect(fromWeb.code, fromWeb.stderr).toBe(0)
    const webId = addedId(fromWeb)

    const fromFile = await runCli([
      '--library',
      library,
      'add',
      './tests/fixtures/eutoday-belarus-russia.txt',
    ])
    expect(fromFile.code, fromFile.stderr).toBe(0)
    const fileId = addedId(fromFile)
    expect(fromFile.stdout).toContain(EUTODAY_TITLE)

    const listed = await runCli(['--library', library, 'list', '--json'])
    expect(listed.code, listed.stderr).toBe(0)
    const list = JSON.parse(listed.stdout) as ListJson
    expect(list.total).toBe(2)
    expect(
      list.items.map((a) => a.id),
      'newest first',
    ).toEqual([fileId, webId])

    const shown = await runCli(['--library', library, 'show', fileId, '--json'])
    expect(shown.code, shown.stderr).toBe(0)
    const article = JSON.parse(shown.stdout) as {
      title: string
      text: string
      countries: { code: string; role: string }[]
    }
    expect(article.title).toBe(EUTODAY_TITLE)
    expect(article.text).toContain('NATO troops are at our gates')
    // Tagged at capture, in the extraction worker.
    expect(article.countries.find((tag) => tag.code === 'BY')?.role).toBe('primary')
    expect(article.countries.map((tag) => tag.code)).toEqual(
      expect.arrayContaining(['RU', 'LT', 'LV', 'PL', 'UA']),
    )

    const deleted = await runCli(['--library', library, 'delete', webId])
    expect(deleted.code, deleted.stderr).toBe(0)
    const after = JSON.parse((await runCli(['--library', library, 'list', '--json'])).stdout) as ListJson
    expect(
      after.items.map((a) => a.id),
      'after delete',
    ).toEqual([fileId])
  })

  it('prints one JSON object with the public fields for extract --json, storing nothing', async () => {
    const run = await runCli(['--library', library, 'extract', site.url('/world/protest'), '--json'])
    expect(run.code, run.stderr).toBe(0)
    const extracted = JSON.parse(run.stdout) as Record<string, unknown>
    for (const key of ['title', 'byline', 'siteName', 'publishedAt', 'lang', 'excerpt', 'text', 'html']) {
      expect(extracted, `key ${key}`).toHaveProperty(key)
    }
    expect(Array.isArray(extracted.correspondents), 'correspondents is an array').toBe(true)
    // The story names no country ("the capital", "neighbouring countries"), so it gets no tag.
    expect(extracted.countries, 'countries').toEqual([])
    expect(typeof extracted.wordCount).toBe('number')
    expect(extracted.title).toBe('Crowds fill the capital in the largest protest in a decade')
    expect(extracted.text).toContain('largest protest the country has seen')
    expect(extracted.html).not.toContain('<script')
  })

  it('exits non-zero with a one-line reason when the page cannot be reached', async () => {
    const port = await closedPort()
    const run = await runCli(['--library', library, 'add', `http://127.0.0.1:${port}/x`])
    expect(run.code).not.toBe(0)
    const lines = run.stderr.trim().split('\n')
    expect(lines, `stderr: ${run.stderr}`).toHaveLength(1)
    expect(lines[0]).toMatch(/could not reach 127\.0\.0\.1/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('exits 2 for an unknown command', async () => {
    const run = await runCli(['--library', library, 'frobnicate'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('unknown command "frobnicate"')
  })

  it('refuses to serve on 0.0.0.0 without --allow-remote, exiting 2 with a warning', async () => {
    const run = await runCli(['--library', library, 'serve', '--host', '0.0.0.0'])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/other machines/)
    expect(run.stderr).toContain('--allow-remote')
  })

  it('uses the DATELINE_LIBRARY folder when no --library is given', async () => {
    const added = await runCli(['add', './tests/fixtures/eutoday-belarus-russia.txt'], {
      DATELINE_LIBRARY: library,
    })
    expect(added.code, added.stderr).toBe(0)
    const id = addedId(added)

    const listed = JSON.parse((await runCli(['--library', library, 'list', '--json'])).stdout) as ListJson
    expect(listed.items.map((a) => a.id)).toEqual([id])
  })

  it('exports an article as one HTML file that carries its pictures and loads nothing from the network', async () => {
    const id = addedId(await runCli(['--library', library, 'add', site.url('/world/protest')]))
    const out = await makeTempDir('dateline-export-')
    try {
      const run = await runCli(['--library', library, 'export', id, '--out', out, '--json'])
      expect(run.code, run.stderr).toBe(0)
      const { written } = JSON.parse(run.stdout) as { written: string[] }
      expect(written).toHaveLength(1)
      const file = await readFile(written[0]!, 'utf8')
      expect(file).toContain('<img src="data:image/png;base64,')
      expect(file).not.toContain('src="media/')
      expect(file).toContain("default-src 'none'")
    } finally {
      await removeDir(out)
    }
  })

  it('sends add and delete to the Dateline that has the library open, whose window updates at once', async () => {
    const running = await openApp({ libraryDir: library, extraction: 'inline' })
    const endpoint = await startLocalEndpoint(running, running.library.layout)
    const changed: string[][] = []
    running.events.subscribe((event, payload) => {
      if (event === 'library.changed') changed.push((payload as { ids: string[] }).ids)
    })
    try {
      const added = await runCli(['--library', library, 'add', './tests/fixtures/eutoday-belarus-russia.txt'])
      expect(added.code, added.stderr).toBe(0)
      const id = addedId(added)
      expect(running.library.get(id)?.title).toBe(EUTODAY_TITLE)
      expect(changed).toContainEqual([id])

      const deleted = await runCli(['--library', library, 'delete', id])
      expect(deleted.code, deleted.stderr).toBe(0)
      expect(running.library.get(id)).toBeUndefined()
    } finally {
      await endpoint.close()
      await running.close()
    }
  })

  it('says which process holds the library when it cannot be reached', async () => {
    const running = await openApp({ libraryDir: library, extraction: 'inline' })
    try {
      const added = await runCli(['--library', library, 'add', './tests/fixtures/eutoday-belarus-russia.txt'])
      expect(added.code).toBe(1)
      expect(added.stderr).toContain(`open in another Dateline (process ${process.pid})`)
    } finally {
      await running.close()
    }
  })
})
