import { existsSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import type { CollectionInfo } from '@shared/collections'
import { openApp, type DatelineApp } from '../src/main/app'
import { SqlDatabase } from '../src/main/library/database'
import { libraryLayout } from '../src/main/library/layout'
import { newManifest, writeManifest } from '../src/main/library/manifest'
import { buildVocabulary, type Vocabulary } from './search-corpus'
import { seededRandom } from './synthetic-articles'
import { writeZipfLibrary } from './zipf-library'

/**
 * `npm run bench:collections [-- SIZE [DIR]]` (also the last step of `npm run bench`): collections
 * in a library of SIZE (100,000) synthetic articles (Zipf-distributed words, 14 countries, 6
 * correspondents, 30% read, 5% archived), written once into DIR and reused.
 *
 *   smart_count_ms      one smart collection's counts (articles, unread, archived) after a change,
 *                       per kind of saved search: median of 5
 *   list_cold_ms        collections.list after a state change (every smart count made again)
 *   list_warm_ms        collections.list with nothing changed (smart counts from the cache)
 *   page_ms             the first 100 articles of a collection in its order (1k and 10k members)
 *   coverage_ms         countries and correspondents of a collection page (plain 10k; smart)
 *   move_ms / add_ms    moving one article in a 10k collection; adding 1,000 at once
 */

async function build(dir: string, size: number, vocabulary: Vocabulary): Promise<void> {
  const layout = libraryLayout(dir)
  const db = SqlDatabase.open(layout.database)
  try {
    const shape = { words: 150, excerptWords: 25, site: (): string => 'News Example' }
    writeZipfLibrary(db, size, vocabulary, shape, 31, 20_000)
  } finally {
    db.close()
  }
  await writeManifest(layout, newManifest(new Date()))
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10
}

async function call<T>(app: DatelineApp, name: string, input: unknown): Promise<T> {
  const result = await app.dispatch(name, input)
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await work()
    times.push(performance.now() - start)
  }
  return median(times)
}

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 100_000)
  const dir = process.argv[3] ?? `/tmp/dateline-bench-collections-${size}`
  const vocabulary = buildVocabulary(60_000, seededRandom(12))
  if (!existsSync(libraryLayout(dir).manifest)) {
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    const started = performance.now()
    await build(dir, size, vocabulary)
    console.error(`  built in ${Math.round((performance.now() - started) / 1000)} s`)
  }
  const app = await openApp({ libraryDir: dir, extraction: 'inline', host: true })
  try {
    const ids = app.library.allIds()
    // At 100k: a collection of 1,000 and one of 10,000 (smaller libraries scale them down).
    const thousandSize = Math.min(1000, size / 10)
    const bigSize = Math.min(10_000, size / 4)
    // Start from no collections, so each run measures the same thing.
    for (const c of (await call<{ collections: CollectionInfo[] }>(app, 'collections.list', {}))
      .collections) {
      await call(app, 'collections.delete', { id: c.id })
    }
    const common = vocabulary.words[59]!
    const rare = vocabulary.words[19_999]!
    const smartKinds: Record<string, object> = {
      country: { country: 'BY' },
      'country+unread': { country: 'UA', state: 'unread' },
      correspondent: { correspondent: 'Marta Novak' },
      'dates+starred': { from: '2022-01-01', to: '2022-12-31', state: 'starred' },
      'common word': { query: common },
      'rare word': { query: rare },
      'word+country': { query: common, country: 'PL' },
    }
    const smartCount: Record<string, string> = {}
    let flip = false
    /** The median time of `work` just after a state change, so no smart count comes from the cache. */
    const afterChange = async (work: () => Promise<unknown>): Promise<number> => {
      const times: number[] = []
      for (let i = 0; i < 5; i++) {
        flip = !flip
        await call(app, 'articles.setStates', { ids: [ids[0]!], read: flip })
        const start = performance.now()
        await work()
        times.push(performance.now() - start)
      }
      return median(times)
    }
    for (const [kind, filter] of Object.entries(smartKinds)) {
      // Alone in the library, so collections.list after a change is this one's count.
      const made = await call<CollectionInfo>(app, 'collections.create', { name: `Smart ${kind}`, filter })
      const ms = await afterChange(() => call(app, 'collections.list', {}))
      smartCount[kind] = `${ms} ms (${made.articles} articles)`
      await call(app, 'collections.delete', { id: made.id })
    }
    const smart: Record<string, number> = {}
    for (const [kind, filter] of Object.entries(smartKinds)) {
      smart[kind] = (
        await call<CollectionInfo>(app, 'collections.create', { name: `Smart ${kind}`, filter })
      ).id
    }
    // Plain collections: 28 of ~1% of the library, one of 1,000, one of 10,000.
    const random = seededRandom(5)
    const pick = (n: number): string[] =>
      Array.from({ length: n }, () => ids[Math.floor(random() * ids.length)]!)
    for (let c = 1; c <= 28; c++) {
      const made = await call<CollectionInfo>(app, 'collections.create', { name: `Dossier ${c}` })
      await call(app, 'collections.add', { id: made.id, articles: pick(Math.ceil(size / 100)) })
    }
    const thousand = await call<CollectionInfo>(app, 'collections.create', { name: 'Thousand' })
    const addMs = await timed(1, () =>
      call(app, 'collections.add', { id: thousand.id, articles: ids.slice(0, thousandSize) }),
    )
    const big = await call<CollectionInfo>(app, 'collections.create', { name: 'Ten thousand' })
    for (let at = 0; at < bigSize; at += 5000) {
      const end = Math.min(bigSize, at + 5000)
      await call(app, 'collections.add', { id: big.id, articles: ids.slice(bigSize + at, bigSize + end) })
    }
    const listCold = await afterChange(() => call(app, 'collections.list', {}))
    const setState = await timed(5, () => {
      flip = !flip
      return call(app, 'articles.setStates', { ids: [ids[1]!], read: flip })
    })
    const listWarm = await timed(20, () => call(app, 'collections.list', {}))
    const page1k = await timed(10, () => call(app, 'collections.articles', { id: thousand.id, limit: 100 }))
    const page10k = await timed(10, () => call(app, 'collections.articles', { id: big.id, limit: 100 }))
    const deepPage = await timed(10, () =>
      call(app, 'collections.articles', { id: big.id, offset: Math.floor(bigSize * 0.9), limit: 100 }),
    )
    const smartPage = await timed(10, () =>
      call(app, 'collections.articles', { id: smart['country']!, limit: 100 }),
    )
    const coveragePlain = await timed(5, () => call(app, 'collections.get', { id: big.id }))
    const coverageSmart = await timed(5, () => call(app, 'collections.get', { id: smart['country']! }))
    const coverageWords = await timed(5, () => call(app, 'collections.get', { id: smart['common word']! }))
    const members = ids.slice(bigSize, 2 * bigSize)
    let turn = 0
    const moveMs = await timed(20, () => {
      turn++
      return call(app, 'collections.move', {
        id: big.id,
        articles: [members[(turn * 7919) % members.length]!],
        before: members[(turn * 104_729) % members.length]!,
      })
    })
    const listed = await call<{ collections: CollectionInfo[] }>(app, 'collections.list', {})
    console.log(
      JSON.stringify(
        {
          size,
          collections: listed.collections.length,
          smart_count_ms: smartCount,
          set_state_ms: setState,
          list_cold_ms: listCold,
          list_warm_ms: listWarm,
          page_ms: { '1k': page1k, '10k': page10k, '10k at 9,000': deepPage, 'smart (country)': smartPage },
          coverage_ms: {
            'plain 10k': coveragePlain,
            'smart country': coverageSmart,
            'smart common word': coverageWords,
          },
          move_ms: moveMs,
          add_1000_ms: addMs,
        },
        null,
        2,
      ),
    )
  } finally {
    await app.close()
  }
}

await main()
