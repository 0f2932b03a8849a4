import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeArticleRow } from '../../src/main/library/article-rows'
import { setAsideForBulkLoad } from '../../src/main/library/bulk-load'
import { SqlDatabase } from '../../src/main/library/database'
import { migrateDatabase } from '../../src/main/library/schema'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * A draft database (migration, `dateline rebuild`) is filled with the indexes of `articles` and the
 * counters' triggers set aside, then they are put back: the result must be the database the same
 * rows give when written with everything live — same schema, same counters, same answers.
 */

let dir: string
beforeEach(async () => {
  dir = await makeTempDir()
})
afterEach(async () => {
  await removeDir(dir)
})

const PEOPLE = ['Anna Kowalska', 'Marta Novak', 'Ivan Petrenko']
const COUNTRIES = [
  { code: 'UA', name: 'Ukraine' },
  { code: 'PL', name: 'Poland' },
  { code: 'BY', name: 'Belarus' },
]

function fill(db: SqlDatabase): void {
  db.transaction(() => {
    for (let i = 0; i < 60; i++) {
      writeArticleRow(
        db,
        makeSummary({
          id: (i + 1).toString(16).padStart(16, 'a'),
          addedAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
          siteName: i % 3 === 0 ? 'Reuters' : 'AP',
          read: i % 3 === 0,
          starred: i % 7 === 0,
          archived: i % 11 === 0,
          correspondents: [{ name: PEOPLE[i % 3]!, kind: 'person' }],
          countries: COUNTRIES.slice(0, 1 + (i % 3)).map((c) => ({ ...c, role: 'primary', score: 0.9 })),
        }),
        `Story ${i} body`,
      )
    }
  })
}

function snapshot(db: SqlDatabase): unknown {
  return {
    schema: db.all(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    ),
    sidebar: db.all('SELECT * FROM sidebar_counts ORDER BY kind, key'),
    people: db.all('SELECT * FROM correspondent_country_counts ORDER BY name_key, code'),
    page: db.all(
      "SELECT a.id FROM articles a WHERE a.read = 0 AND a.archived = 0 AND a.site_name = 'AP' ORDER BY a.added_at DESC, a.id LIMIT 5",
    ),
  }
}

describe('a bulk load with the indexes and counters set aside', () => {
  it('gives the same database as writing with everything live', () => {
    const live = SqlDatabase.open(join(dir, 'live.db'))
    const bulk = SqlDatabase.open(join(dir, 'bulk.db'))
    try {
      migrateDatabase(live)
      fill(live)
      migrateDatabase(bulk)
      const putBack = setAsideForBulkLoad(bulk)
      expect(bulk.all("SELECT name FROM sqlite_master WHERE name = 'articles_unread'")).toEqual([])
      fill(bulk)
      putBack()
      const made = snapshot(bulk) as { sidebar: unknown[]; people: unknown[] }
      expect(made.sidebar.length).toBeGreaterThan(6)
      expect(made.people.length).toBeGreaterThan(6)
      expect(made).toEqual(snapshot(live))
      expect(bulk.get<{ quick_check: string }>('PRAGMA quick_check')?.quick_check).toBe('ok')
      // The triggers are back: a state change moves the counters as in the live database.
      for (const db of [live, bulk]) db.run("UPDATE articles SET read = 1 WHERE site_name = 'AP'")
      expect(snapshot(bulk)).toEqual(snapshot(live))
    } finally {
      live.close()
      bulk.close()
    }
  })
})
