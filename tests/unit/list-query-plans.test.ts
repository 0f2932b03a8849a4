import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArticleFilter } from '@shared/article-filter'
import type { ArticleSort } from '@shared/contract'
import type { SqlDatabase } from '../../src/main/library/database'
import { LibraryStore } from '../../src/main/library/library-store'
import { plannedListQuery } from '../../src/main/library/list-plan'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * Every combination of the list's filters (src/shared/article-filter.ts), on a library whose
 * groups differ in size: each page and total must be the one a plain reading of the filters gives,
 * and none may read the whole articles table or sort the whole list. Which way a page starts
 * (the list's index, or a small group's members) is the planner's choice; both are checked.
 */

const SIZE = 2000

interface Made {
  id: string
  addedAt: string
  read: boolean
  starred: boolean
  archived: boolean
  countries: string[]
  correspondent: string | null
  collection: boolean
  feed: boolean
  site: string
}

function made(i: number): Made {
  const countries = [i % 2 === 0 ? 'UA' : null, i % 100 === 1 ? 'LV' : null, i % 5 === 0 ? 'PL' : null]
  return {
    id: i.toString(16).padStart(16, '0'),
    addedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
    read: i % 3 === 0,
    starred: i % 50 === 0,
    archived: i % 20 === 0,
    countries: countries.filter((c): c is string => c !== null),
    correspondent: i % 7 === 0 ? 'Anna Kowalska' : i % 7 === 1 ? 'Marta Novak' : null,
    collection: i % 97 === 0,
    feed: i % 10 === 0,
    site: i % 200 === 3 ? 'Tiny Gazette' : i % 4 === 0 ? 'Reuters' : 'AP',
  }
}

const articles = Array.from({ length: SIZE }, (_, i) => made(i))

function fill(db: SqlDatabase): void {
  db.run("INSERT INTO collections (id, name, created_at) VALUES (1, 'Dossier', '2025-01-01')")
  db.run("INSERT INTO feeds (id, url, added_at) VALUES (1, 'https://feed.example/rss', '2025-01-01')")
  // One person as two entries (an agency and a staff byline share the name): counted once.
  db.run(
    "INSERT INTO correspondents (id, name, name_key, outlet_key) VALUES (1, 'Anna Kowalska', 'anna kowalska', 'reuters'), (2, 'Anna Kowalska', 'anna kowalska', ''), (3, 'Marta Novak', 'marta novak', '')",
  )
  articles.forEach((a, i) => {
    const rowid = db.run(
      `INSERT INTO articles (id, source, title, excerpt, site_name, added_at, updated_at, word_count, reading_minutes, read, starred, archived)
       VALUES (?, 'url', ?, '', ?, ?, ?, 1, 1, ?, ?, ?)`,
      [a.id, `Story ${i}`, a.site, a.addedAt, a.addedAt, a.read, a.starred, a.archived],
    ).lastInsertRowid
    for (const code of a.countries) {
      db.run("INSERT INTO article_countries (code, article, name, role) VALUES (?, ?, ?, 'primary')", [
        code,
        rowid,
        code,
      ])
    }
    if (a.correspondent) {
      const entry = a.correspondent === 'Marta Novak' ? 3 : i % 2 === 0 ? 1 : 2
      db.run('INSERT INTO article_correspondents (correspondent, article) VALUES (?, ?)', [entry, rowid])
      if (i % 14 === 0 && entry === 1) {
        db.run('INSERT INTO article_correspondents (correspondent, article) VALUES (2, ?)', [rowid])
      }
    }
    if (a.collection) {
      db.run(
        "INSERT INTO collection_articles (collection, article, position, added_at) VALUES (1, ?, ?, '2025-01-01')",
        [rowid, i],
      )
    }
    if (a.feed) {
      db.run("INSERT INTO feed_items (feed, guid, article, seen_at) VALUES (1, ?, ?, '2025-01-01')", [
        `guid-${i}`,
        rowid,
      ])
    }
  })
}

const key = (name: string | null): string => (name ?? '').toLowerCase().replace(/\s+/g, ' ')

function expected(filter: ArticleFilter, sort: ArticleSort): Made[] {
  const kept = articles.filter(
    (a) =>
      (filter.state === 'unread'
        ? !a.read && !a.archived
        : filter.state === 'starred'
          ? a.starred
          : filter.state === 'archived'
            ? a.archived
            : !a.archived) &&
      (!filter.country || a.countries.includes(filter.country)) &&
      (!filter.correspondent || key(a.correspondent) === key(filter.correspondent)) &&
      (!filter.collection || a.collection) &&
      (filter.feed === undefined || a.feed) &&
      (!filter.site || a.site === filter.site) &&
      (!filter.from || a.addedAt >= filter.from) &&
      (!filter.to || a.addedAt <= `${filter.to}\uffff`),
  )
  const newest = [...kept].sort((x, y) => (x.addedAt < y.addedAt ? 1 : -1))
  return sort === 'oldest' ? newest.reverse() : newest
}

/** Every combination: 4 states x 3 countries x 3 sites x correspondent, collection, feed, dates. */
function combinations(): Record<string, unknown>[] {
  const all: Record<string, unknown>[] = []
  for (const state of ['all', 'unread', 'starred', 'archived'])
    for (const country of [undefined, 'UA', 'LV'])
      for (const site of [undefined, 'Reuters', 'Tiny Gazette'])
        for (let bits = 0; bits < 16; bits++) {
          all.push({
            state,
            ...(country ? { country } : {}),
            ...(site ? { site } : {}),
            ...(bits & 1 ? { correspondent: 'anna  KOWALSKA' } : {}),
            ...(bits & 2 ? { collection: 'Dossier' } : {}),
            ...(bits & 4 ? { feed: 1 } : {}),
            ...(bits & 8 ? { from: '2024-01-20', to: '2024-02-10' } : {}),
          })
        }
  return all
}

let dir: string
let store: LibraryStore

beforeAll(async () => {
  dir = await makeTempDir()
  store = await LibraryStore.open(dir)
  store.change(fill)
})

afterAll(async () => {
  await store.close()
  await removeDir(dir)
})

function planOf(db: SqlDatabase, sql: string, params: unknown[]): string[] {
  return db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params as never).map((row) => row.detail)
}

describe('the list under every combination of its filters', () => {
  it('returns the right page and total, and never reads the whole table or sorts the whole list', () => {
    const checked = combinations()
    expect(checked.length).toBe(576)
    for (const input of checked) {
      const filter = ArticleFilter.parse(input)
      for (const [sort, offset] of [
        ['newest', 0],
        ['oldest', 3],
      ] as const) {
        const want = expected(filter, sort)
        const page = store.listArticles({ filter, sort, offset, limit: 10 })
        const label = `${JSON.stringify(input)} ${sort}`
        expect(
          page.items.map((a) => a.id),
          label,
        ).toEqual(want.slice(offset, offset + 10).map((a) => a.id))
        expect(page.total, label).toBe(want.length)

        store.query((db) => {
          const library = store.counts()
          const sql = plannedListQuery(db, { filter, sort, offset, limit: 10 }, library)
          const pagePlan = planOf(db, sql.page.replace('{columns}', 'a.id'), sql.pageParams)
          const countPlan = planOf(db, sql.count, sql.countParams)
          expect(db.get<{ total: number }>(sql.count, sql.countParams)?.total, label).toBe(want.length)
          for (const step of [...pagePlan, ...countPlan]) {
            expect(step, `${label}: a scan of the whole table`).not.toBe('SCAN a')
          }
          if (!sql.page.includes('CROSS JOIN')) {
            expect(pagePlan.join(' | '), `${label}: the walk of the list sorts`).not.toMatch(
              /TEMP B-TREE FOR (LAST TERM OF )?ORDER BY/,
            )
          }
        })
      }
    }
  })

  it('starts a page of a small group from its members, and walks the list for a large one', () => {
    store.query((db) => {
      const library = store.counts()
      const sqlOf = (input: Record<string, unknown>): string =>
        plannedListQuery(
          db,
          { filter: ArticleFilter.parse(input), sort: 'newest', offset: 0, limit: 50 },
          library,
        ).page
      // 21 articles of 2,000: walking the list would probe ~5,000 rows for 50 of them.
      expect(sqlOf({ collection: 'Dossier' })).toContain('FROM (SELECT article FROM collection_articles')
      expect(sqlOf({ country: 'LV', state: 'unread' })).toContain(
        'FROM (SELECT article FROM article_countries',
      )
      // Half of the library: 100 rows walked give 50.
      expect(sqlOf({ country: 'UA' })).toMatch(/^SELECT \{columns\} FROM articles a WHERE EXISTS/)
    })
  })

  it("counts a site's and a date range's articles in an index alone", () => {
    store.query((db) => {
      const library = store.counts()
      const countPlan = (input: Record<string, unknown>): string => {
        const sql = plannedListQuery(
          db,
          { filter: ArticleFilter.parse(input), sort: 'newest', offset: 0, limit: 50 },
          library,
        )
        return planOf(db, sql.count, sql.countParams).join(' | ')
      }
      expect(countPlan({ site: 'Reuters', state: 'unread' })).toContain(
        'COVERING INDEX articles_site_unread (site_name=?)',
      )
      expect(countPlan({ site: 'Reuters' })).toContain('COVERING INDEX articles_site_listed (site_name=?)')
      // Five days hold fewer articles than Poland: the count walks the dates and probes the country.
      expect(countPlan({ from: '2024-01-20', to: '2024-01-24', country: 'PL', state: 'unread' })).toMatch(
        /COVERING INDEX articles_unread \(added_at>\? AND added_at<\?\)/,
      )
    })
  })
})
