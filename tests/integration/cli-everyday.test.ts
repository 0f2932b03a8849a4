import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { articlePage } from '../helpers/article-page'
import { readdir, readFile } from 'node:fs/promises'
import { makePng } from '../helpers/images'
import { readZip } from '../helpers/zip-entries'
import { html, image, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { cliMissing, runBuiltCli, type CliRun } from '../helpers/built-cli'
import { makeTempDir, removeDir } from '../helpers/temp-library'
import { articleIdForUrl } from '../../src/main/ingest/article-identity'

/** The CLI of issue 17: a mistyped --library, shortened ids (as git's), and the trash. */

const built = cliMissing === null
if (!built) console.warn(`Skipping the everyday CLI tests: ${cliMissing}`)

const runCli = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => runBuiltCli(args, env)

/** Each story differs in headline and words, so none is taken for a copy of another. */
function story(n: number): string {
  return articlePage({
    title: `Story number ${n} about the river crossing`,
    paragraphs: [1, 2, 3, 4].map(
      (p) =>
        `Story ${n}, paragraph ${p}: the ferry across the river carried ${n * 7 + p} passengers on its ` +
        'first morning, and the people of both banks came down to watch it cross in the early light.',
    ),
  })
}

let site: FixtureServer
let library: string

beforeAll(async () => {
  site = await startFixtureServer({
    '/ru/snow': html(
      articlePage({
        title: 'Погода: в Москве выпал первый снег',
        middle:
          '<figure><img src="/img/snow.png" alt="Снег"><figcaption>Первый снег на Красной площади</figcaption></figure>',
      }),
    ),
    '/img/snow.png': image(makePng(3, 2), 'image/png'),
    '/story': (request) => html(story(Number(new URL(request.url ?? '/', 'http://x').searchParams.get('n')))),
  })
})
afterAll(async () => site.close())
beforeEach(async () => {
  library = await makeTempDir()
})
afterEach(async () => removeDir(library))

/** Two story addresses whose ids start with the same four digits (found by trying, as a birthday search). */
function twoWithSharedPrefix(): [string, string] {
  const seen = new Map<string, string>()
  for (let n = 1; ; n++) {
    const url = `${site.url('/story')}?n=${n}`
    const start = articleIdForUrl(url).slice(0, 4)
    const earlier = seen.get(start)
    if (earlier) return [earlier, url]
    seen.set(start, url)
  }
}

describe.skipIf(!built)('dateline CLI, everyday use', () => {
  it('says no library is at a mistyped --library for every command, and starts one only with --create', async () => {
    const typo = join(library, 'librray')
    for (const command of [
      ['add', site.url('/story?n=1')],
      ['mark', 'read', 'abcd'],
      ['trash'],
      ['delete', 'abcd'],
    ]) {
      const run = await runCli(['--library', typo, ...command])
      expect(run.code, command.join(' ')).toBe(1)
      expect(run.stderr).toContain(`There is no Dateline library at ${typo}`)
      expect(run.stderr).toContain('--create')
    }
    expect(existsSync(typo), 'nothing was created').toBe(false)

    const notes = join(library, 'notes')
    await writeFile(join(library, 'notes.txt'), 'not a library')
    const other = await runCli(['--library', library, 'add', site.url('/story?n=1')])
    expect(other.code, 'a folder that holds other files is not taken over').toBe(1)
    expect(other.stderr).toContain('holds other files')

    const created = await runCli(['--library', notes, '--create', 'add', site.url('/story?n=1')])
    expect(created.code, created.stderr).toBe(0)
    const listed = await runCli(['--library', notes, 'list', '--json'])
    expect((JSON.parse(listed.stdout) as { total: number }).total).toBe(1)
    const env = await runCli(['list'], { DATELINE_LIBRARY: join(library, 'typo-in-env') })
    expect(env.code, 'DATELINE_LIBRARY is checked as --library is').toBe(1)
  }, 240_000)

  it('takes any unique start of an id in every command, and lists the candidates of an ambiguous one', async () => {
    const [first, second] = twoWithSharedPrefix()
    const added = await runCli(['--library', library, 'add', first, second, '--json'])
    expect(added.code, added.stderr).toBe(0)
    const [a, b] = (JSON.parse(added.stdout) as { article: { id: string } }[]).map((r) => r.article.id)
    expect(a).toBe(articleIdForUrl(first))
    expect(b!.slice(0, 4)).toBe(a!.slice(0, 4))
    const shared = a!.slice(0, 4)
    let unique = 5
    while (a!.slice(0, unique) === b!.slice(0, unique)) unique++
    const short = a!.slice(0, unique).toUpperCase() // case does not matter, as in git

    const ambiguous = await runCli(['--library', library, 'show', shared])
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr).toContain(`The id ${shared} is ambiguous`)
    expect(ambiguous.stderr).toContain(a)
    expect(ambiguous.stderr).toContain(b)
    const unknown = await runCli(['--library', library, 'show', 'ffffffffffffffff'.replace(shared, '')])
    expect(unknown.code).toBe(1)
    const tooShort = await runCli(['--library', library, 'show', 'ab'])
    expect(tooShort.code, 'fewer than 4 digits is a usage error').toBe(2)

    const shown = await runCli(['--library', library, 'show', short, '--json'])
    expect(shown.code, shown.stderr).toBe(0)
    expect((JSON.parse(shown.stdout) as { id: string }).id).toBe(a)
    expect((await runCli(['--library', library, 'mark', 'star', short])).code).toBe(0)
    const starred = JSON.parse(
      (await runCli(['--library', library, 'list', '--starred', '--json'])).stdout,
    ) as {
      items: { id: string }[]
    }
    expect(starred.items.map((item) => item.id)).toEqual([a])
    expect((await runCli(['--library', library, 'tag', short, '+UA'])).code).toBe(0)
    const out = await makeTempDir('dateline-export-')
    try {
      const exported = await runCli([
        '--library',
        library,
        'export',
        short,
        '--format',
        'md',
        '--out',
        join(out, 'a.zip'),
      ])
      expect(exported.code, exported.stderr).toBe(0)
      expect(exported.stdout).toContain('Wrote 1 article')
    } finally {
      await removeDir(out)
    }

    // The trash: delete by prefix, list, restore by prefix, empty.
    const deleted = await runCli(['--library', library, 'delete', short, b!.slice(0, unique)])
    expect(deleted.code, deleted.stderr).toBe(0)
    const trash = await runCli(['--library', library, 'trash', 'list', '--json'])
    const inTrash = JSON.parse(trash.stdout) as { total: number; items: { id: string; title: string }[] }
    expect(inTrash.total).toBe(2)
    const text = await runCli(['--library', library, 'trash'])
    expect(text.stdout).toContain('Story number')
    const restored = await runCli(['--library', library, 'trash', 'restore', short, '--json'])
    expect(restored.code, restored.stderr).toBe(0)
    expect(JSON.parse(restored.stdout)).toEqual({ restored: [a] })
    const ids = JSON.parse((await runCli(['--library', library, 'list', '--json'])).stdout) as {
      items: { id: string }[]
    }
    expect(ids.items.map((item) => item.id)).toEqual([a])
    const emptied = await runCli(['--library', library, 'trash', 'empty', '--json'])
    expect(JSON.parse(emptied.stdout)).toEqual({ removed: 1 })
    expect((await runCli(['--library', library, 'trash'])).stdout).toContain('The trash is empty.')
  }, 400_000)

  it('exports json with the pictures it points at, names txt files by their Cyrillic headline, and keeps captions', async () => {
    const added = await runCli(['--library', library, 'add', site.url('/ru/snow'), '--json'])
    expect(added.code, added.stderr).toBe(0)
    const [{ article }] = JSON.parse(added.stdout) as [{ article: { id: string } }]
    const out = await makeTempDir('dateline-export-')
    try {
      const archive = join(out, 'snow.json.zip')
      const json = await runCli(['--library', library, 'export', '--format', 'json', '--out', archive])
      expect(json.code, json.stderr).toBe(0)
      const entries = await readZip(archive)
      const names = new Set(entries.map((entry) => entry.name))
      const stored = entries.find((entry) => entry.name === `articles/${article.id}.json`)
      const pointed = [
        ...(stored?.bytes.toString('utf8') ?? '').matchAll(/media\/[0-9a-f]{2}\/[0-9a-f]{64}\.\w+/g),
      ]
      expect(pointed.length, 'the article points at its picture').toBeGreaterThan(0)
      for (const [path] of pointed) expect(names.has(path), `${path} is in the archive`).toBe(true)

      const txt = await runCli([
        '--library',
        library,
        'export',
        article.id.slice(0, 6),
        '--format',
        'txt',
        '--out',
        out,
      ])
      expect(txt.code, txt.stderr).toBe(0)
      const files = (await readdir(out)).filter((name) => name.endsWith('.txt'))
      expect(files).toEqual([`Погода в Москве выпал первый снег ${article.id.slice(0, 6)}.txt`])
      const text = await readFile(join(out, files[0]!), 'utf8')
      expect(text).toContain('[Picture: Первый снег на Красной площади]')
    } finally {
      await removeDir(out)
    }
    const shown = await runCli(['--library', library, 'show', article.id.slice(0, 8)])
    expect(shown.stdout).toContain('[Picture: Первый снег на Красной площади]')
  }, 240_000)
})
