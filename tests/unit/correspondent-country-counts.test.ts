import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ArticleFilter } from '@shared/article-filter'
import type { SqlDatabase } from '../../src/main/library/database'
import { recountCorrespondentCountries } from '../../src/main/library/correspondent-country-counts'
import { LibraryStore } from '../../src/main/library/library-store'
import { databaseVersion, LATEST_DATABASE_VERSION } from '../../src/main/library/schema'
import { rewindToSchema2 } from '../helpers/schema-2-library'
import { seededRandom } from '../helpers/seeded-random'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * Schema 16 keeps, per correspondent and country, how many articles of each state they share, so
 * that a page filtered by a person, a country and a state gets its total without visiting every
 * article of the person. The counters must equal a recount after any sequence of changes.
 */

// Entries 1 and 4 are one person at two outlets (an agency and a staff byline of one name).
const PEOPLE = ['Anna Kowalska', 'Marta Novak', 'Ivan Petrenko', 'Anna Kowalska']
const OUTLETS = ['', '', '', 'reuters']
const COUNTRIES = ['UA', 'PL', 'LV', 'DE']

let dir: string
let store: LibraryStore

beforeEach(async () => {
  dir = await makeTempDir()
  store = await LibraryStore.open(dir)
  store.change((db) =>
    PEOPLE.forEach((name, i) =>
      db.run('INSERT INTO correspondents (id, name, name_key, outlet_key) VALUES (?, ?, ?, ?)', [
        i + 1,
        name,
        name.toLowerCase(),
        OUTLETS[i]!,
      ]),
    ),
  )
})

afterEach(async () => {
  await store.close()
  await removeDir(dir)
})

function addArticle(
  db: SqlDatabase,
  n: number,
  state: { read: boolean; starred: boolean; archived: boolean },
): number {
  const id = n.toString(16).padStart(16, '0')
  const at = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString()
  return Number(
    db.run(
      `INSERT INTO articles (id, source, title, excerpt, added_at, updated_at, word_count, reading_minutes, read, starred, archived)
       VALUES (?, 'url', ?, '', ?, ?, 1, 1, ?, ?, ?)`,
      [id, `Story ${n}`, at, at, state.read, state.starred, state.archived],
    ).lastInsertRowid,
  )
}

const addCountry = (db: SqlDatabase, rowid: number, code: string): void => {
  db.run(
    `INSERT INTO article_countries (code, article, name, role) VALUES (?, ?, ?, 'primary')
     ON CONFLICT (code, article) DO UPDATE SET role = 'mentioned'`,
    [code, rowid, code],
  )
}
const addPerson = (db: SqlDatabase, rowid: number, person: number): void => {
  db.run(
    `INSERT INTO article_correspondents (correspondent, article) VALUES (?, ?)
     ON CONFLICT (correspondent, article) DO UPDATE SET position = position + 1`,
    [person, rowid],
  )
}

type Row = [string, string, number, number, number, number]
function counterRows(db: SqlDatabase): Row[] {
  return db
    .all<{
      name_key: string
      code: string
      articles: number
      unread: number
      starred: number
      archived: number
    }>(
      `SELECT * FROM correspondent_country_counts
       WHERE articles != 0 OR unread != 0 OR starred != 0 OR archived != 0 ORDER BY name_key, code`,
    )
    .map((r) => [r.name_key, r.code, r.articles, r.unread, r.starred, r.archived])
}

/** The counters as the triggers left them, and as a recount from the relations gives them. */
function keptAndRecounted(): { kept: Row[]; recounted: Row[] } {
  const kept = store.query(counterRows)
  store.change((db) => recountCorrespondentCountries(db))
  return { kept, recounted: store.query(counterRows) }
}

describe("a correspondent's articles per country", () => {
  it('are kept right by every change: memberships either way round, states, deletions', () => {
    const random = seededRandom(16)
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!
    const rowids: number[] = []
    const changes: ((db: SqlDatabase) => void)[] = []
    // 40 transactions of 10 changes each (a commit waits for the disk).
    for (let step = 0; step < 400; step++) {
      const roll = random()
      const change = (db: SqlDatabase): void => {
        if (roll < 0.3 || rowids.length < 5) {
          const rowid = addArticle(db, step, {
            read: random() < 0.3,
            starred: random() < 0.1,
            archived: random() < 0.1,
          })
          // Countries before the person or after: both triggers count the pair.
          if (random() < 0.5) addCountry(db, rowid, pick(COUNTRIES))
          addPerson(db, rowid, 1 + Math.floor(random() * PEOPLE.length))
          addCountry(db, rowid, pick(COUNTRIES))
          rowids.push(rowid)
        } else if (roll < 0.45) addCountry(db, pick(rowids), pick(COUNTRIES))
        else if (roll < 0.55) addPerson(db, pick(rowids), 1 + Math.floor(random() * PEOPLE.length))
        else if (roll < 0.62)
          db.run('DELETE FROM article_countries WHERE article = ? AND code = ?', [
            pick(rowids),
            pick(COUNTRIES),
          ])
        else if (roll < 0.68) db.run('DELETE FROM article_correspondents WHERE article = ?', [pick(rowids)])
        else if (roll < 0.9) {
          const column = pick(['read', 'starred', 'archived'])
          db.run(`UPDATE articles SET ${column} = 1 - ${column} WHERE rowid = ?`, [pick(rowids)])
        } else {
          const rowid = rowids.splice(Math.floor(random() * rowids.length), 1)[0]!
          db.run('DELETE FROM articles WHERE rowid = ?', [rowid])
        }
      }
      changes.push(change)
      if (changes.length === 10) store.change((db) => changes.splice(0).forEach((c) => c(db)))
    }
    // A correspondent removed takes its memberships, and its counts, with it; a renamed one moves.
    store.change((db) => db.run('DELETE FROM correspondents WHERE id = 3'))
    store.change((db) => db.run("UPDATE correspondents SET name_key = 'marta novak' WHERE id = 4"))
    const { kept, recounted } = keptAndRecounted()
    expect(recounted.length).toBeGreaterThan(4)
    expect(kept).toEqual(recounted)
  })

  it("give the total of a person's page in a country and a state, exactly", () => {
    const made: { rowid: number; read: boolean; archived: boolean; person: number; code: string }[] = []
    store.change((db) => {
      for (let n = 0; n < 120; n++) {
        const state = { read: n % 3 === 0, starred: n % 11 === 0, archived: n % 13 === 0 }
        const rowid = addArticle(db, n, state)
        const person = 1 + (n % 2)
        const code = n % 5 === 0 ? 'PL' : 'UA'
        addPerson(db, rowid, person)
        // Anna at her other outlet, on some of her articles alone and on some twice.
        if (person === 1 && n % 4 === 1) addPerson(db, rowid, 4)
        if (person === 1 && n % 8 === 1)
          db.run('DELETE FROM article_correspondents WHERE correspondent = 1 AND article = ?', [rowid])
        addCountry(db, rowid, code)
        made.push({ rowid, ...state, person, code })
      }
    })
    for (const [name, person] of [
      ['marta  NOVAK', 2],
      ['Anna Kowalska', 1],
    ] as const) {
      for (const country of ['UA', undefined]) {
        for (const state of ['all', 'unread', 'archived'] as const) {
          const input = { correspondent: name, country, state }
          const want = made.filter(
            (a) =>
              a.person === person &&
              (!country || a.code === country) &&
              (state === 'unread' ? !a.read && !a.archived : state === 'archived' ? a.archived : !a.archived),
          )
          const page = store.listArticles({
            filter: ArticleFilter.parse(input),
            sort: 'newest',
            offset: 0,
            limit: 100,
          })
          expect(page.total, JSON.stringify(input)).toBe(want.length)
          expect(page.items.length, JSON.stringify(input)).toBe(want.length)
        }
      }
    }
    // The total is read from the counter row, not counted: a row set wrong shows in the total.
    store.change((db) =>
      db.run(
        "UPDATE correspondent_country_counts SET unread = 999 WHERE name_key = 'marta novak' AND code = 'UA'",
      ),
    )
    const filter = ArticleFilter.parse({ correspondent: 'Marta Novak', country: 'UA', state: 'unread' })
    expect(store.listArticles({ filter, sort: 'newest', offset: 0, limit: 10 }).total).toBe(999)
  })

  it('count a person with entries merged into them once per article, with all of them', () => {
    store.change((db) => {
      // Ivan's second entry (another outlet) merged into the first: one person in the list.
      db.run(
        "INSERT INTO correspondents (id, name, name_key, outlet_key, merged_into) VALUES (5, 'I. Petrenko', 'i. petrenko', 'ap', 3)",
      )
      for (let n = 0; n < 30; n++) {
        const rowid = addArticle(db, n, { read: false, starred: false, archived: false })
        addPerson(db, rowid, n % 3 === 0 ? 5 : 3)
        if (n % 6 === 0) addPerson(db, rowid, 3)
        addCountry(db, rowid, 'UA')
      }
    })
    for (const input of [
      { correspondent: 'Ivan Petrenko' },
      { correspondent: 'Ivan Petrenko', country: 'UA', state: 'unread' },
    ]) {
      const page = store.listArticles({
        filter: ArticleFilter.parse(input),
        sort: 'newest',
        offset: 0,
        limit: 50,
      })
      expect(page.items.length, JSON.stringify(input)).toBe(30)
      expect(page.total, JSON.stringify(input)).toBe(30)
    }
  })

  it('are counted for a library made before schema 16, when it is opened', async () => {
    store.change((db) => {
      for (let n = 0; n < 40; n++) {
        const rowid = addArticle(db, n, { read: n % 2 === 0, starred: false, archived: n % 9 === 0 })
        addPerson(db, rowid, 1 + (n % 3))
        addCountry(db, rowid, COUNTRIES[n % 4]!)
        if (n % 5 === 0) addCountry(db, rowid, 'DE')
      }
    })
    const made = store.query(counterRows)
    await store.close()
    await rewindToSchema2(dir)
    store = await LibraryStore.open(dir)
    expect(store.query((db) => databaseVersion(db))).toBe(LATEST_DATABASE_VERSION)
    expect(made.length).toBeGreaterThan(6)
    expect(store.query(counterRows)).toEqual(made)
  })
})
