import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/article'
import type { SearchPage } from '@shared/contract'
import { openApp, type DatelineApp } from '../../src/main/app'
import { rebuildLibraryDatabase } from '../../src/main/library/database-builder'
import { libraryLayout } from '../../src/main/library/layout'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * `dateline rebuild` makes the full-text index in one go, from the article folders; the library's
 * own index was written article by article as they came. A person searching afterwards must find
 * the same articles in the same order: the ranking breaks ties, and orders phrases and common
 * words, by how recently each article came into the library.
 */

let dir: string
let app: DatelineApp

beforeEach(async () => {
  dir = await makeTempDir()
  app = await openApp({ libraryDir: dir, extraction: 'inline' })
})
afterEach(async () => {
  await app.close()
  await removeDir(dir)
})

const PASSAGES = [
  'Peace talks resumed in Geneva as the delegations met again.',
  'The harvest was late; grain prices rose and the peace talks stalled.',
  'Protesters filled the square before the parliament voted on the budget.',
  'The protest ended at dawn; the police said nothing about the arrests.',
  'Floods reached the lower town, and the river kept rising through the night.',
  '北京の会議で和平交渉が再開された。',
]
const PEOPLE = ['Ann Writer', 'Tomas Berg', 'Olena Koval']
const COUNTRIES = [
  { code: 'UA', name: 'Ukraine' },
  { code: 'PL', name: 'Poland' },
  { code: 'FR', name: 'France' },
]

/** Ids in no particular order, as captures give them, so the folders list them unlike their arrival. */
function idOf(n: number): string {
  return createHash('sha256').update(`article ${n}`).digest('hex').slice(0, 16)
}

async function storeLibrary(count: number): Promise<void> {
  for (let n = 0; n < count; n++) {
    const addedAt = new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString()
    const text = [PASSAGES[n % PASSAGES.length]!, PASSAGES[(n * 7 + 3) % PASSAGES.length]!].join('\n')
    const country = COUNTRIES[Math.floor(n / PASSAGES.length) % COUNTRIES.length]!
    const article: ArticleSummary = makeSummary({
      id: idOf(n),
      title: n % 4 === 0 ? 'Peace talks in the capital' : `Report ${n} from the region`,
      correspondents: [{ name: PEOPLE[n % PEOPLE.length]!, kind: 'person' }],
      countries: [{ ...country, role: 'primary', score: 0.9 }],
      excerpt: text.slice(0, 60),
      addedAt,
      updatedAt: addedAt,
    })
    await app.library.putArticle(article, { html: `<p>${text}</p>`, text })
  }
}

const QUERIES = [
  'peace',
  'peace talks',
  '"peace talks"',
  'prot',
  'talks -harvest',
  'grain',
  'river',
  'Tomas Berg',
  '和平',
  'report',
]

async function answers(): Promise<string[]> {
  const found: string[] = []
  for (const query of QUERIES) {
    for (const more of [{}, { country: 'UA' }, { offset: 5, limit: 5 }]) {
      const result = await app.dispatch('articles.search', { query, ...more })
      if (!result.ok) expect.fail(`search ${query} failed: ${result.error.message}`)
      const page = result.value as SearchPage
      found.push(
        `${query} ${JSON.stringify(more)}: ${page.total} ${page.items.map((i) => i.article.id).join(' ')}`,
      )
    }
  }
  return found
}

describe('dateline rebuild and search', () => {
  it('finds the same articles in the same order as the index written article by article', async () => {
    await storeLibrary(40)
    const before = await answers()
    // Something to find for each query, else the comparison proves little.
    expect(before.filter((line) => / 0 $/.test(line))).toEqual([])
    await app.close()
    const rebuilt = await rebuildLibraryDatabase(libraryLayout(dir), new Date('2025-03-01T00:00:00Z'))
    expect(rebuilt.articles).toBe(40)
    app = await openApp({ libraryDir: dir, extraction: 'inline' })
    expect(await answers()).toEqual(before)
  })
})
