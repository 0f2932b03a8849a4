import { describe, expect, it } from 'vitest'
import type { ArticleFilter } from '@shared/contract'
import { SqlDatabase } from '../../src/main/library/database'
import { libraryLayout } from '../../src/main/library/layout'
import { databaseVersion, LATEST_DATABASE_VERSION } from '../../src/main/library/schema'
import { createStory, putInStory, storyOfArticle } from '../../src/main/stories/story-store'
import { recountStoryFolds } from '../../src/main/stories/story-fold-counts'
import { seededRandom } from '../helpers/seeded-random'
import { makeSummary } from '../helpers/temp-library'
import { storeForEachTest } from '../helpers/store-for-each-test'

/**
 * The folded list's total comes from counters kept by triggers (schema 17). After random changes
 * of every kind a person or the grouping makes, it must equal the rows the folded list holds and
 * a count from the definition (distinct stories, else the article, among the filtered articles),
 * and the counters must equal a recount from the memberships.
 */

const COUNTRIES = ['BY', 'UA', 'RU', 'FR']
const PEOPLE = ['Ann Writer', 'Oleg Reporter']
const STATES = ['all', 'unread', 'starred', 'archived'] as const

const library = storeForEachTest()

interface Row {
  rowid: number
  read: number
  starred: number
  archived: number
  story: number | null
  codes: string | null
  people: string | null
}

/** The folded total by its definition, from the tables themselves. */
function countedByDefinition(db: SqlDatabase, filter: ArticleFilter): number {
  const rows = db.all<Row>(`SELECT a.rowid AS rowid, a.read, a.starred, a.archived,
      (SELECT story FROM story_articles s WHERE s.article = a.rowid) AS story,
      (SELECT group_concat(code) FROM article_countries c WHERE c.article = a.rowid) AS codes,
      (SELECT group_concat(q.name) FROM article_correspondents r JOIN correspondents q ON q.id = r.correspondent
        WHERE r.article = a.rowid) AS people
    FROM articles a`)
  const rowsShown = new Set<string>()
  for (const row of rows) {
    const state = filter.state ?? 'all'
    if (state === 'all' && row.archived) continue
    if (state === 'unread' && (row.read || row.archived)) continue
    if (state === 'starred' && !row.starred) continue
    if (state === 'archived' && !row.archived) continue
    if (filter.country && !(row.codes ?? '').split(',').includes(filter.country)) continue
    if (filter.correspondent && !(row.people ?? '').split(',').includes(filter.correspondent)) continue
    rowsShown.add(row.story === null ? `article ${row.rowid}` : `story ${row.story}`)
  }
  return rowsShown.size
}

function counters(db: SqlDatabase): unknown[] {
  return [
    db.all('SELECT * FROM story_state_counts ORDER BY story, code'),
    db.all('SELECT * FROM story_fold_counts WHERE articles + unread + starred + archived > 0 ORDER BY code'),
  ]
}

const FILTERS: ArticleFilter[] = STATES.flatMap((state) => [
  { state },
  ...COUNTRIES.map((country) => ({ state, country })),
  // Counted, not from the counters: a correspondent, alone and with a country.
  { state, correspondent: PEOPLE[1]! },
  { state, correspondent: PEOPLE[0]!, country: 'UA' },
])

function expectExactTotals(): void {
  for (const filter of FILTERS) {
    const page = library
      .store()
      .listWithCounts({ filter, sort: 'newest', offset: 0, limit: 1000, foldStories: true })
    const expected = library.store().query((db) => countedByDefinition(db, filter))
    expect({ filter, total: page.total }).toEqual({ filter, total: expected })
    expect({ filter, rows: page.items.length }).toEqual({ filter, rows: expected })
  }
}

describe('the folded list total kept by counters', () => {
  it('equals a full recount after random adds, deletes, state changes, moves, merges and splits', async () => {
    const next = seededRandom(19)
    const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!
    const ids: string[] = []
    const trashed: string[] = []
    let serial = 0
    const stories = (): number[] =>
      library.store().query((db) => db.all<{ id: number }>('SELECT id FROM stories').map((r) => r.id))
    const member = (id: string): { rowid: number; at: number } => ({
      rowid: library.store().articleRowid(id),
      at: 0,
    })

    const add = async (): Promise<void> => {
      serial++
      const id = `f${serial.toString(16).padStart(15, '0')}`
      const countries = COUNTRIES.filter(() => next() < 0.35).map((code) => ({
        code,
        name: code,
        role: 'primary' as const,
        score: 0.9,
      }))
      const people = PEOPLE.filter(() => next() < 0.5).map((name) => ({ name, kind: 'person' as const }))
      const day = String(1 + Math.floor(next() * 28)).padStart(2, '0')
      const summary = makeSummary({
        id,
        countries,
        correspondents: people,
        addedAt: `2026-11-${day}T10:00:00.000Z`,
        read: next() < 0.4,
        starred: next() < 0.2,
        archived: next() < 0.15,
      })
      await library.store().putArticle(summary, { html: '<p>Body</p>', text: 'Body' })
      ids.push(id)
      const known = stories()
      const roll = next()
      if (roll < 0.5 && known.length > 0) {
        const story = pick(known)
        library.store().change((db) => putInStory(db, member(id), story, 'auto', 0.5))
      } else if (roll < 0.85) {
        library
          .store()
          .change((db) => putInStory(db, member(id), createStory(db, 0, new Date()), 'auto', 0.5))
      }
    }

    for (let i = 0; i < 30; i++) await add()
    expectExactTotals()

    const operations: Record<string, () => Promise<void> | void> = {
      add,
      delete: async () => {
        const id = ids.splice(Math.floor(next() * ids.length), 1)[0]!
        await library.store().deleteArticle(id)
        trashed.push(id)
      },
      // Restored, an article is in no story until it is grouped again.
      restore: async () => {
        const id = trashed.pop()
        if (!id) return
        await library.store().restoreArticle(id)
        ids.push(id)
      },
      state: () => {
        const column = pick(['read', 'starred', 'archived'] as const)
        library.store().setStates([pick(ids)], { [column]: next() < 0.5 })
      },
      // Moved to another story (putInStory into its own story would empty and drop a story of one).
      move: () => {
        const id = pick(ids)
        const own = library.store().query((db) => storyOfArticle(db, library.store().articleRowid(id))?.story)
        const others = stories().filter((story) => story !== own)
        if (others.length > 0)
          library.store().change((db) => putInStory(db, member(id), pick(others), 'person', 1))
      },
      // Merged: every article of one story moved into another, as stories.merge does.
      merge: () => {
        const known = stories()
        if (known.length < 2) return
        const [from, into] = [pick(known), pick(known)]
        if (from === into) return
        library.store().change((db) => {
          const members = db.all<{ article: number }>('SELECT article FROM story_articles WHERE story = ?', [
            from,
          ])
          for (const { article } of members) putInStory(db, { rowid: article, at: 0 }, into, 'person', 1)
        })
      },
      split: () => {
        const known = stories()
        if (known.length === 0) return
        const story = pick(known)
        library.store().change((db) => {
          const members = db.all<{ article: number }>('SELECT article FROM story_articles WHERE story = ?', [
            story,
          ])
          const created = createStory(db, 0, new Date())
          for (const { article } of members.filter(() => next() < 0.5))
            putInStory(db, { rowid: article, at: 0 }, created, 'person', 1)
        })
      },
      ungroup: () => {
        library
          .store()
          .change((db) =>
            db.run('DELETE FROM story_articles WHERE article = ?', [library.store().articleRowid(pick(ids))]),
          )
      },
      country: () => {
        const rowid = library.store().articleRowid(pick(ids))
        const code = pick(COUNTRIES)
        library.store().change((db) => {
          const has = db.get('SELECT 1 AS one FROM article_countries WHERE code = ? AND article = ?', [
            code,
            rowid,
          ])
          if (has) db.run('DELETE FROM article_countries WHERE code = ? AND article = ?', [code, rowid])
          else
            db.run(`INSERT INTO article_countries (code, article, name, role) VALUES (?, ?, ?, 'primary')`, [
              code,
              rowid,
              code,
            ])
        })
      },
    }
    const names = Object.keys(operations)
    for (let round = 0; round < 300; round++) {
      if (ids.length < 5) await add()
      else await operations[pick(names)]!()
      if (round % 20 === 19) expectExactTotals()
    }
    expectExactTotals()

    const kept = library.store().query(counters)
    library.store().change((db) => recountStoryFolds(db))
    expect(library.store().query(counters)).toEqual(kept)
    expect(stories().length).toBeGreaterThan(3)
  })

  it('are counted for a library made before schema 17, when it is opened', async () => {
    for (let n = 0; n < 24; n++) {
      const summary = makeSummary({
        id: `e${n.toString(16).padStart(15, '0')}`,
        countries: [{ code: COUNTRIES[n % 4]!, name: 'x', role: 'primary', score: 0.9 }],
        read: n % 3 === 0,
        archived: n % 7 === 0,
      })
      await library.store().putArticle(summary, { html: '<p>Body</p>', text: 'Body' })
      library.store().change((db) => {
        const story =
          n % 4 === 0
            ? createStory(db, 0, new Date())
            : Number(db.get<{ id: number }>('SELECT max(id) AS id FROM stories')?.id)
        putInStory(db, { rowid: library.store().articleRowid(summary.id), at: 0 }, story, 'auto', 0.5)
      })
    }
    const made = library.store().query(counters)
    const totals = FILTERS.map((filter) => library.store().query((db) => countedByDefinition(db, filter)))
    await library.close()
    const db = SqlDatabase.open(libraryLayout(library.dir()).database)
    db.transaction(() => {
      for (const { name } of db.all<{ name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%fold%'`,
      ))
        db.exec(`DROP TRIGGER "${name}"`)
      db.exec('DROP TABLE story_state_counts')
      db.exec('DROP TABLE story_fold_counts')
      db.exec('PRAGMA user_version = 16')
    })
    db.close()
    await library.reopen()
    expect(library.store().query((d) => databaseVersion(d))).toBe(LATEST_DATABASE_VERSION)
    expect(library.store().query(counters)).toEqual(made)
    const listed = FILTERS.map(
      (filter) =>
        library.store().listWithCounts({ filter, sort: 'newest', offset: 0, limit: 1, foldStories: true })
          .total,
    )
    expect(listed).toEqual(totals)
    expect(totals[0]).toBe(6)
  })
})
