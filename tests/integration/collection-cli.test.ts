import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CollectionInfo } from '@shared/collections'
import { openApp } from '../../src/main/app'
import { cliMissing, runBuiltCli, type CliRun } from '../helpers/built-cli'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

const built = cliMissing === null
if (!built) console.warn(`Skipping the collection CLI tests: ${cliMissing}`)

let dir: string

function dateline(...args: string[]): Promise<CliRun> {
  return runBuiltCli(['--library', dir, ...args], {}, 45_000)
}

async function ok(...args: string[]): Promise<string> {
  const run = await dateline(...args)
  if (run.code !== 0) expect.fail(`dateline ${args.join(' ')} exited ${run.code}:\n${run.stderr}`)
  return run.stdout
}

const ids = ['c0000000000000a1', 'c0000000000000a2', 'c0000000000000a3']

beforeEach(async () => {
  dir = await makeTempDir()
  const app = await openApp({ libraryDir: dir, extraction: 'inline' })
  for (const [i, id] of ids.entries()) {
    await app.library.putArticle(
      makeSummary({
        id,
        title: `Story ${i + 1}`,
        addedAt: `2024-06-0${i + 1}T10:00:00.000Z`,
        countries: [{ code: i === 1 ? 'UA' : 'BY', name: 'x', role: 'primary', score: 1 }],
      }),
      { html: '<p>text</p>', text: 'text' },
    )
  }
  await app.close()
})

afterEach(() => removeDir(dir))

// Each step is a whole `dateline` process (about a second, far more on a loaded machine).
describe.skipIf(!built)('dateline collection', { timeout: 240_000 }, () => {
  it('creates, fills, lists, renames, empties and deletes a collection', async () => {
    expect(await ok('collection', 'list')).toMatch(/No collections yet/)
    expect(await ok('collection', 'create', 'Belarus dossier', '--description', 'For the piece')).toMatch(
      /Created collection “Belarus dossier”/,
    )
    expect(await ok('collection', 'add', 'belarus  DOSSIER', ids[2]!, ids[0]!)).toMatch(/Added 2 articles/)
    const listed = JSON.parse(await ok('collection', 'list', '--json')) as { collections: CollectionInfo[] }
    expect(listed.collections).toMatchObject([
      { name: 'Belarus dossier', articles: 2, description: 'For the piece' },
    ])

    const members = JSON.parse(await ok('list', '--collection', 'Belarus dossier', '--json')) as {
      total: number
      items: { id: string }[]
    }
    expect(members.items.map((a) => a.id)).toEqual([ids[2], ids[0]])

    await ok('collection', 'rename', 'Belarus dossier', 'Minsk')
    expect(await ok('collection', 'remove', 'Minsk', ids[0]!)).toMatch(
      /Removed 1 article from “Minsk” \(1 left\)/,
    )
    expect(await ok('collection', 'list')).toMatch(/^Minsk {2}\(1 article, 1 unread\)$/m)
    expect(await ok('collection', 'delete', 'Minsk')).toMatch(/its articles stay/)
    expect(JSON.parse(await ok('list', '--json')).total).toBe(3)
  })

  it('counts an archived article it adds or removes, which stays in the collection', async () => {
    await ok('mark', 'archive', ids[1]!)
    await ok('collection', 'create', 'Kyiv')
    expect(await ok('collection', 'add', 'Kyiv', ids[0]!, ids[1]!)).toMatch(
      /Added 2 articles to “Kyiv” \(1 in it, 1 archived\)/,
    )
    expect(await ok('collection', 'remove', 'Kyiv', ids[0]!)).toMatch(
      /Removed 1 article from “Kyiv” \(0 left, 1 archived\)/,
    )
  })

  it('makes a smart collection from the list filters, which `list --collection` follows', async () => {
    const made = JSON.parse(
      await ok('collection', 'create', 'Belarus', '--smart', '--country', 'BY', '--json'),
    )
    expect(made).toMatchObject({ name: 'Belarus', articles: 2, filter: { country: 'BY' } })
    await ok('mark', 'read', ids[0]!)
    const unread = JSON.parse(await ok('list', '--collection', 'Belarus', '--unread', '--json'))
    expect(unread.items.map((a: { id: string }) => a.id)).toEqual([ids[2]])
    expect(await ok('collection', 'list')).toMatch(
      /Belarus {2}\(2 articles, 1 unread\) {2}\[smart: country BY\]/,
    )
  })

  it('says what is wrong, with the usual exit codes', async () => {
    const missing = await dateline('collection', 'add', 'Nowhere', ids[0]!)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/no collection called “Nowhere”/)
    const usage = await dateline('collection', 'frobnicate')
    expect(usage.code).toBe(2)
    await ok('collection', 'create', 'Twice')
    const twice = await dateline('collection', 'create', 'twice')
    expect(twice.code).toBe(1)
    expect(twice.stderr).toMatch(/already a collection/)
  })
})
