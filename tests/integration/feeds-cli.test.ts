import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { articleRoutes, rss2 } from '../fixtures/feeds/feed-documents'
import { cliMissing, runBuiltCli, type CliRun } from '../helpers/built-cli'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { makeTempDir, removeDir } from '../helpers/temp-library'

const run = (args: string[]): Promise<CliRun> => runBuiltCli(args)

let dir: string
let files: string
let site: FixtureServer

beforeEach(async () => {
  dir = await makeTempDir()
  files = await makeTempDir()
  site = await startFixtureServer(articleRoutes(4))
  site.route('/world.xml', {
    headers: { 'content-type': 'application/rss+xml' },
    body: rss2(site.origin, [{ n: 1 }, { n: 2 }]),
  })
})

afterEach(async () => {
  await site.close()
  await removeDir(dir)
  await removeDir(files)
})

describe.skipIf(cliMissing !== null)('dateline feed, refresh and opml', () => {
  it('subscribes, refreshes with one JSON line per feed, imports and exports OPML, lists and unsubscribes', async () => {
    const lib = ['--library', dir]
    const added = await run(['feed', 'add', site.url('/world.xml'), '--folder', 'World', ...lib])
    expect(added.stdout, added.stderr).toMatch(/^Subscribed 1 {2}Fixture World/m)
    await writeFile(
      join(files, 'broken.opml'),
      `<opml><body><outline text="Gone" xmlUrl="${site.url('/gone.xml')}"/></body></opml>`,
    )
    const opmlFile = join(files, 'broken.opml')
    expect((await run(['opml', 'import', opmlFile, ...lib])).stdout).toContain('1 feeds added')

    const refreshed = await run(['refresh', '--json', ...lib])
    expect(refreshed.code, 'a feed failed, so the exit code says so').toBe(1)
    const lines = refreshed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toHaveLength(2)
    expect(lines.find((l) => l.feed === 1)).toMatchObject({ new: 2, updated: 0, errors: 0, error: null })
    expect(lines.find((l) => l.feed === 2)).toMatchObject({ new: 0, error: 'not found (404)' })
    expect(typeof lines[0]!.ms).toBe('number')

    const listed = JSON.parse((await run(['feed', 'list', '--json', ...lib])).stdout) as {
      title: string
      unread: number
      folder: string | null
    }[]
    expect(listed.map((f) => [f.title, f.folder, f.unread])).toEqual([
      ['Fixture World', 'World', 2],
      ['Gone', null, 0],
    ])
    const out = join(files, 'out.opml')
    expect((await run(['opml', 'export', out, ...lib])).code).toBe(0)
    expect(await readFile(out, 'utf8')).toMatch(/<outline text="World"[^>]*>\s*<outline text="Fixture World"/)

    expect((await run(['feed', 'remove', '1', ...lib])).stdout).toContain('its articles are kept')
    const articles = JSON.parse((await run(['list', '--json', ...lib])).stdout) as { total: number }
    expect(articles.total).toBe(2)
    expect((await run(['feed', 'remove', 'x', ...lib])).code).toBe(2)
  }, 120_000)
})
