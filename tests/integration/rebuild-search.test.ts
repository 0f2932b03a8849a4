import { createHash } from 'node:crypto'
import { cp, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/article'
import type { SearchPage } from '@shared/contract'
import { rebuildLibraryDatabase } from '../../src/main/library/database-builder'
import { articleDir, articleTextPath, libraryLayout } from '../../src/main/library/layout'
import { appForEachTest } from '../helpers/app-for-each-test'
import { symlinksUnavailable } from '../helpers/file-system-features'
import { makeSummary } from '../helpers/temp-library'

/**
 * `dateline rebuild` makes the full-text index in one go, from the article folders; the library's
 * own index was written article by article as they came. A person searching afterwards must find
 * the same articles in the same order: the ranking breaks ties, and orders phrases and common
 * words, by how recently each article came into the library.
 */

const { app, dir, close, reopen } = appForEachTest()

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
    await app().library.putArticle(article, { html: `<p>${text}</p>`, text })
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
      const result = await app().dispatch('articles.search', { query, ...more })
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
    await close()
    const rebuilt = await rebuildLibraryDatabase(libraryLayout(dir()), new Date('2025-03-01T00:00:00Z'))
    expect(rebuilt.articles).toBe(40)
    await reopen()
    expect(await answers()).toEqual(before)
  })
})

describe('dateline rebuild and links in the library folder', () => {
  it('takes nothing through a linked article folder or a linked text file', async (context) => {
    if (symlinksUnavailable) context.skip()
    await storeLibrary(3)
    const second = app().library.get(idOf(1))!
    await close()
    const layout = libraryLayout(dir())
    const outside = join(dir(), '..', `${idOf(0)}-outside`)
    await mkdir(outside, { recursive: true })
    // The first article's folder moved out and replaced by a link to it.
    await cp(articleDir(layout, idOf(0)), outside, { recursive: true })
    await rm(articleDir(layout, idOf(0)), { recursive: true })
    await symlink(outside, articleDir(layout, idOf(0)), 'dir')
    // The second article's text replaced by a link to a file outside the library.
    const secret = join(outside, 'secret.txt')
    await writeFile(secret, 'Quartermaster ledger of someone else')
    const text = articleTextPath(layout, second)
    await rename(text, `${text}.moved`)
    await symlink(secret, text, 'file')
    try {
      const rebuilt = await rebuildLibraryDatabase(layout, new Date('2025-03-01T00:00:00Z'))
      expect(rebuilt).toEqual({ articles: 2, skipped: 1 })
      await reopen()
      const found = await app().dispatch('articles.search', { query: 'quartermaster' })
      expect(found.ok && (found.value as SearchPage).total).toBe(0)
      expect(app().library.get(idOf(0))).toBeUndefined()
      expect(app().library.get(idOf(1))?.title).toBe(second.title)
    } finally {
      await rm(outside, { recursive: true, force: true })
    }
  })
})
