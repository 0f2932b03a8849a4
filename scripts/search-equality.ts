import type { SqlDatabase } from '../src/main/library/database'
import { searchArticles } from '../src/main/search/search-library'

/**
 * Whether two databases of the same library answer searches alike: a mix of queries made from
 * the library's own headlines, excerpts, sites and correspondents (one word, two words, a phrase,
 * prefixes as typed, an exclusion, a name), each alone and with the commonest country, compared by
 * the articles found, in order, and their total. Used by `bench:rebuild` to check that a faster
 * build changed nothing a person would see.
 */

export interface SearchComparison {
  queries: number
  differing: string[]
}

export function searchMixOf(db: SqlDatabase, samples = 12): string[] {
  const count = db.get<{ n: number }>('SELECT count(*) AS n FROM articles')?.n ?? 0
  const queries: string[] = []
  for (let i = 0; i < samples && count > 0; i++) {
    const row = db.get<{ title: string; excerpt: string; site_name: string | null }>(
      'SELECT title, excerpt, site_name FROM articles ORDER BY rowid LIMIT 1 OFFSET ?',
      [Math.floor((i * 7919) % count)],
    )
    if (!row) continue
    const words = `${row.title} ${row.excerpt}`.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4)
    const [a, b, c] = [words[0], words[1], words[words.length - 1]]
    if (a) queries.push(a, a.slice(0, 3), a.slice(0, 5))
    if (a && b) queries.push(`${a} ${b}`, `"${a} ${b}"`, `${a} -${b}`)
    if (c) queries.push(c)
    if (row.site_name) queries.push(row.site_name)
  }
  for (const { name } of db.all<{ name: string }>('SELECT name FROM correspondents ORDER BY id LIMIT 3')) {
    queries.push(name)
  }
  return [...new Set(queries)]
}

/** CPU time of each search of the mix (alone and with the commonest country), one warm-up round first. */
export function timeSearches(db: SqlDatabase, rounds = 3): { p50: number; p95: number } {
  const queries = searchMixOf(db)
  const country = db.get<{ code: string }>(
    'SELECT code FROM article_countries GROUP BY code ORDER BY count(*) DESC, code LIMIT 1',
  )?.code
  const times: number[] = []
  for (let round = 0; round <= rounds; round++) {
    for (const query of queries) {
      for (const filter of [{ query }, ...(country ? [{ query, country }] : [])]) {
        const started = process.cpuUsage()
        db.read(() =>
          searchArticles(db, {
            filter: { state: 'all', ...filter },
            sort: 'relevance',
            offset: 0,
            limit: 50,
          }),
        )
        const spent = process.cpuUsage(started)
        if (round > 0) times.push((spent.user + spent.system) / 1000)
      }
    }
  }
  times.sort((a, b) => a - b)
  const at = (p: number): number =>
    Math.round(times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]! * 100) / 100
  return { p50: at(0.5), p95: at(0.95) }
}

export function compareSearches(before: SqlDatabase, after: SqlDatabase): SearchComparison {
  const queries = searchMixOf(before)
  const country = before.get<{ code: string }>(
    'SELECT code FROM article_countries GROUP BY code ORDER BY count(*) DESC, code LIMIT 1',
  )?.code
  const differing: string[] = []
  let asked = 0
  for (const query of queries) {
    for (const filter of [{ query }, ...(country ? [{ query, country }] : [])]) {
      for (const offset of [0, 50]) {
        const answer = (db: SqlDatabase): string => {
          const page = db.read(() =>
            searchArticles(db, { filter: { state: 'all', ...filter }, sort: 'relevance', offset, limit: 50 }),
          )
          return `${page.total}${page.totalIsLowerBound ? '+' : ''}: ${page.items.map((a) => a.id).join(' ')}`
        }
        asked++
        if (answer(before) !== answer(after)) differing.push(`${JSON.stringify(filter)} at ${offset}`)
      }
    }
  }
  return { queries: asked, differing }
}
