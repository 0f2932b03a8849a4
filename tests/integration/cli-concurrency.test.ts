import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { articlePage } from '../helpers/article-page'
import { cliMissing, runBuiltCli, type CliRun } from '../helpers/built-cli'
import { html, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { makeTempDir, removeDir } from '../helpers/temp-library'
import { LibraryStore } from '../../src/main/library/library-store'

const built = cliMissing === null
if (!built) console.warn(`Skipping the concurrent CLI tests: ${cliMissing}`)

const PROCESSES = 4
const EACH = 25

let site: FixtureServer
let library: string

/** The CLI as a person runs it; 100 captures in four processes on two busy cores took over 60 s (the default test limit). */
function runCli(args: string[]): Promise<CliRun> {
  return runBuiltCli(args, {}, 180_000)
}

beforeAll(async () => {
  const routes: Record<string, ReturnType<typeof html>> = {}
  for (let i = 0; i < PROCESSES * EACH; i++) {
    routes[`/story/${i}`] = html(articlePage({ title: `Dispatch number ${i} from the border` }))
  }
  site = await startFixtureServer(routes)
  library = await makeTempDir()
})

afterAll(async () => {
  await site?.close()
  await removeDir(library)
})

describe.skipIf(!built)('several dateline commands on one library at once', () => {
  it(`stores all ${PROCESSES * EACH} articles of ${PROCESSES} adds started together, none failing`, async () => {
    const runs = await Promise.all(
      Array.from({ length: PROCESSES }, (_, p) =>
        runCli([
          '--library',
          library,
          'add',
          ...Array.from({ length: EACH }, (_, i) => site.url(`/story/${p * EACH + i}`)),
        ]),
      ),
    )
    for (const [p, run] of runs.entries()) expect(run.code, `process ${p}: ${run.stderr}`).toBe(0)
    expect(
      runs.some((run) => run.stderr.includes('waiting for it to finish')),
      'at least one waited its turn',
    ).toBe(true)

    const store = await LibraryStore.open(library, { readOnly: true })
    try {
      expect(store.counts().articles).toBe(PROCESSES * EACH)
      const titles = store
        .listArticles({ filter: { state: 'all' }, sort: 'newest', offset: 0, limit: 500 })
        .items.map((a) => a.title)
      expect(new Set(titles).size).toBe(PROCESSES * EACH)
    } finally {
      await store.close()
    }
  }, 200_000)

  it('lets state changes and deletes from several processes at once wait their turn too', async () => {
    const reader = await LibraryStore.open(library, { readOnly: true })
    const ids = reader
      .listArticles({ filter: { state: 'all' }, sort: 'newest', offset: 0, limit: 8 })
      .items.map((a) => a.id)
    await reader.close()
    const runs = await Promise.all([
      runCli(['--library', library, 'mark', 'read', ids[0]!, ids[1]!]),
      runCli(['--library', library, 'mark', 'star', ids[2]!]),
      runCli(['--library', library, 'mark', 'archive', ids[3]!]),
      runCli(['--library', library, 'delete', ids[4]!]),
    ])
    for (const run of runs) expect(run.code, run.stderr).toBe(0)
    const store = await LibraryStore.open(library, { readOnly: true })
    try {
      expect(store.get(ids[0]!)?.read).toBe(true)
      expect(store.get(ids[2]!)?.starred).toBe(true)
      expect(store.get(ids[3]!)?.archived).toBe(true)
      expect(store.get(ids[4]!)).toBeUndefined()
    } finally {
      await store.close()
    }
  })
})
