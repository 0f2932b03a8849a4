import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { articlePage, EUTODAY_TITLE } from '../helpers/article-page'
import { closedPort, html, image, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { makePng } from '../helpers/images'
import { cliMissing, runBuiltCli, type CliRun } from '../helpers/built-cli'
import { makeTempDir, removeDir } from '../helpers/temp-library'
import { openApp } from '../../src/main/app'
import { startLocalEndpoint } from '../../src/main/serve/local-endpoint'

const built = cliMissing === null
if (!built) console.warn(`Skipping the CLI tests: ${cliMissing}`)

function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runBuiltCli(args, env, 45_000)
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
  it('lists each command once in its help, with every export format', async () => {
    const help = await runCli(['--help'])
    expect(help.code).toBe(0)
    const commands = [...help.stdout.matchAll(/^ {2}([a-z][a-z-]*)(?= )/gm)].map((m) => m[1]!)
    const twice = commands.filter(
      (name, i) => commands.indexOf(name) !== i && !/^(trash|feed|opml|sync|stories|collection)$/.test(name),
    )
    expect(twice, 'a command described twice').toEqual([])
    expect(help.stdout).toMatch(/--format epub\|md\|html\|txt\|json/)
  })

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

  it('filters the list, searches, and archives and stars a selection', async () => {
    const webId = addedId(await runCli(['--library', library, 'add', site.url('/world/protest')]))
    const fileId = addedId(
      await runCli(['--library', library, 'add', './tests/fixtures/eutoday-belarus-russia.txt']),
    )
    const ids = async (...args: string[]): Promise<string[]> => {
      const run = await runCli(['--library', library, ...args, '--json'])
      expect(run.code, run.stderr).toBe(0)
      return (JSON.parse(run.stdout) as ListJson).items.map((a) => a.id)
    }
    expect(await ids('search', 'Lukashenko')).toEqual([fileId])
    expect(await ids('list', '--site', 'Fixture News')).toEqual([webId])
    expect(await ids('list', '--limit', '1', '--offset', '1')).toEqual([webId])

    const marked = await runCli(['--library', library, 'mark', 'archive', webId, fileId])
    expect(marked.code, marked.stderr).toBe(0)
    expect(await ids('list'), 'archived leave the list').toEqual([])
    expect((await ids('list', '--archived')).sort()).toEqual([webId, fileId].sort())
    expect(await ids('search', 'Lukashenko'), 'and stay searchable').toEqual([fileId])
    await runCli(['--library', library, 'mark', 'star', webId])
    expect(await ids('list', '--starred')).toEqual([webId])

    const bad = await runCli(['--library', library, 'list', '--country', 'Belarus'])
    expect(bad.code, 'a filter it cannot use is a usage error').toBe(2)
    expect(bad.stderr).toContain('two-letter code')
    const badMark = await runCli(['--library', library, 'mark', 'shred', webId])
    expect(badMark.code).toBe(2)
    const twoStates = await runCli(['--library', library, 'list', '--unread', '--starred'])
    expect(twoStates.code, 'two states are refused, not one silently dropped').toBe(2)
    expect(twoStates.stderr).toContain('--unread, --starred')
  })

  it('says there is no library at a mistyped --library, instead of listing an empty one', async () => {
    const typo = `${library}-typo`
    for (const command of [['list'], ['search', 'Minsk'], ['show', 'a'.repeat(16)]]) {
      const run = await runCli(['--library', typo, ...command])
      expect(run.code, command.join(' ')).toBe(1)
      expect(run.stderr).toContain(`There is no Dateline library at ${typo}`)
    }
    expect(existsSync(typo), 'nothing is created by a reading command').toBe(false)
  })

  it('searches with snippets, filters and pages, and rebuilds the search index with reindex', async () => {
    const fileId = addedId(
      await runCli(['--library', library, 'add', './tests/fixtures/eutoday-belarus-russia.txt']),
    )
    type SearchJson = ListJson & {
      totalIsLowerBound: boolean
      items: {
        id: string
        match: { snippet: { text: string; highlights: { start: number; end: number }[] } }
      }[]
    }
    const search = async (...args: string[]): Promise<SearchJson> => {
      const run = await runCli(['--library', library, 'search', ...args, '--json'])
      expect(run.code, run.stderr).toBe(0)
      return JSON.parse(run.stdout) as SearchJson
    }
    const found = await search('lukashenk')
    expect(found.items.map((a) => a.id)).toEqual([fileId])
    const { snippet } = found.items[0]!.match
    const marks = snippet.highlights.map((r) => snippet.text.slice(r.start, r.end).toLowerCase())
    expect(marks.length).toBeGreaterThan(0)
    expect(marks.every((m) => m.startsWith('lukashenk'))).toBe(true)
    expect((await search('lukashenko', '--country', 'FR')).items).toEqual([])
    expect((await search('"no such phrase here"')).total).toBe(0)
    // Typed in a shell as the usage shows it: a word to leave out is not taken for an option.
    expect((await search('lukashenko', '-belarus')).items, 'left out').toEqual([])
    expect((await search('lukashenko', '-nosuchword')).items.map((a) => a.id)).toEqual([fileId])
    const mistyped = await runCli(['--library', library, 'search', 'lukashenko', '--contry', 'FR'])
    expect(mistyped.code, 'a mistyped option is still an error').toBe(2)
    const nothingTyped = await runCli(['--library', library, 'search', '--', '*'])
    expect(nothingTyped.code, nothingTyped.stderr).toBe(0)
    expect(nothingTyped.stderr, 'told what to type, as in the window').toContain('Type a word to search for.')

    const text = await runCli(['--library', library, 'search', 'Lukashenko'])
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toContain(fileId)
    expect(text.stdout.split('\n')[1]).toMatch(/^ {4}.*Lukashenko/)
    expect(text.stderr).toContain('1–1 of 1 found')

    const reindexed = await runCli(['--library', library, 'reindex', '--json'])
    expect(reindexed.code, reindexed.stderr).toBe(0)
    expect(JSON.parse(reindexed.stdout)).toMatchObject({ articles: 1 })
    expect((await search('lukashenko')).items.map((a) => a.id)).toEqual([fileId])
    const withProgress = await runCli(['--library', library, 'reindex'])
    expect(withProgress.stderr).toContain('Indexing the text of 1 of 1 articles (100%)')
    expect(withProgress.stdout).toMatch(/Indexed 1 article for search/)
  })

  it('rebuilds the database from the article files, and restores the states from a backup', async () => {
    const fileId = addedId(
      await runCli(['--library', library, 'add', './tests/fixtures/eutoday-belarus-russia.txt']),
    )
    await runCli(['--library', library, 'mark', 'star', fileId])
    expect((await runCli(['--library', library, 'backup'])).stdout).toContain('Backed up')
    await writeFile(join(library, 'library.db'), Buffer.alloc(8192, 0x5a))

    const refused = await runCli(['--library', library, 'list'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('dateline restore-backup')

    const rebuilt = await runCli(['--library', library, 'rebuild'])
    expect(rebuilt.code, rebuilt.stderr).toBe(0)
    expect(rebuilt.stdout).toContain('1 article.')
    const afterRebuild = JSON.parse((await runCli(['--library', library, 'list', '--json'])).stdout) as {
      items: { id: string; starred: boolean }[]
    }
    expect(
      afterRebuild.items.map((a) => [a.id, a.starred]),
      'the article is back, its star was only in the database',
    ).toEqual([[fileId, false]])

    const listed = await runCli(['--library', library, 'restore-backup', '--list'])
    expect(listed.stdout).toMatch(/\d{4}-\d{2}-\d{2}/)
    const restored = await runCli(['--library', library, 'restore-backup'])
    expect(restored.code, restored.stderr).toBe(0)
    const afterRestore = JSON.parse(
      (await runCli(['--library', library, 'list', '--starred', '--json'])).stdout,
    ) as ListJson
    expect(afterRestore.items.map((a) => a.id)).toEqual([fileId])
  })

  it('reads through the Dateline that holds the library, whose database stays locked to it', async () => {
    const running = await openApp({ libraryDir: library, extraction: 'inline', host: true })
    const endpoint = await startLocalEndpoint(running, running.library.layout)
    try {
      const added = await running.dispatch('articles.add', {
        kind: 'text',
        text: 'Held story\n\nA story about the held library.',
      })
      expect(added.ok).toBe(true)
      const listed = await runCli(['--library', library, 'list', '--json'])
      expect(listed.code, listed.stderr).toBe(0)
      expect((JSON.parse(listed.stdout) as ListJson).items.map((a) => a.title)).toEqual(['Held story'])
      const found = await runCli(['--library', library, 'search', 'held', '--unread', '--json'])
      expect(found.code, found.stderr).toBe(0)
      expect((JSON.parse(found.stdout) as ListJson).items.map((a) => a.title)).toEqual(['Held story'])
    } finally {
      await endpoint.close()
      await running.close()
    }
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

  it('waits for a Dateline it cannot reach, then says which process holds the library', async () => {
    const running = await openApp({ libraryDir: library, extraction: 'inline' })
    try {
      const added = await runCli(
        ['--library', library, 'add', './tests/fixtures/eutoday-belarus-russia.txt'],
        {
          DATELINE_LOCK_WAIT_SECONDS: '1',
        },
      )
      expect(added.code).toBe(1)
      expect(added.stderr).toContain(`another Dateline (process ${process.pid})`)
      expect(added.stderr, 'it waited its turn first').toContain('waiting for it to finish')
      expect(added.stderr).toContain('gave up and changed nothing')
    } finally {
      await running.close()
    }
  })
})
