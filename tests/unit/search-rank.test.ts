import { afterAll, describe, expect, it } from 'vitest'
import { SqlDatabase } from '../../src/main/library/database'
import { parseQuery } from '../../src/main/search/query-parser'
import { CANDIDATES, rankArticles } from '../../src/main/search/rank-articles'

/** The index alone, with the production definition: enough for queries without list filters. */
const db = SqlDatabase.open(':memory:')
db.exec(`CREATE VIRTUAL TABLE article_fts USING fts5(title, correspondents, site, excerpt, body,
  content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6')`)
afterAll(() => db.close())

function index(rowid: number, title: string, body: string): void {
  db.run(
    'INSERT INTO article_fts (rowid, title, correspondents, site, excerpt, body) VALUES (?, ?, ?, ?, ?, ?)',
    [rowid, title, '', '', '', body],
  )
}

const noFilter = { where: [], params: [] }
const ranked = (query: string, offset = 0, limit = 3): ReturnType<typeof rankArticles> =>
  rankArticles(db, parseQuery(query), noFilter, 'relevance', offset, limit)

describe('ranking what a query finds', () => {
  const many = CANDIDATES + 30
  db.transaction(() => {
    for (let rowid = 1; rowid <= many; rowid++) {
      index(
        rowid,
        rowid === many - 20 ? 'Rain in the headline' : `Story ${rowid}`,
        'Rain again over the hills.',
      )
    }
    index(many + 1, 'Hail', 'Hail and rain and hail, hail all day.')
    index(many + 2, 'Hail warning', 'Cold.')
    index(many + 3, 'Sleet', 'A little hail.')
    index(many + 4, 'Rainbow over the bay', 'Colours.')
  })

  it('ranks a selective query exactly by bm25, headline first, and counts it', () => {
    const page = ranked('hail ', 0, 10)
    expect(page.totalIsLowerBound).toBe(false)
    expect(page.total).toBe(3)
    expect(page.rowids[2]).toBe(many + 3)
    expect(page.rowids.slice(0, 2).sort()).toEqual([many + 1, many + 2])
  })

  it('orders a query matching very many articles by headline, then newest, with the total as a floor', () => {
    const page = ranked('rain ')
    expect(page.totalIsLowerBound).toBe(true)
    expect(page.total).toBeGreaterThan(3)
    expect(page.rowids).toEqual([many - 20, many + 1, many])
    // The next page goes on newest first, without the headline match again.
    expect(ranked('rain ', 3).rowids).toEqual([many - 1, many - 2, many - 3])
    expect(ranked('rain ', 20).rowids).toEqual([many - 18, many - 19, many - 21])
  })

  it('searches a common word typed in full as that word, and a rare one also as a prefix', () => {
    expect(ranked('rain').rowids).toEqual(ranked('rain ').rowids)
    expect(ranked('rainbo').rowids).toEqual([many + 4])
  })
})

describe('ranking a phrase whose words are in very many articles', () => {
  const phraseDb = SqlDatabase.open(':memory:')
  phraseDb.exec(`CREATE VIRTUAL TABLE article_fts USING fts5(title, correspondents, site, excerpt, body,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6')`)
  afterAll(() => phraseDb.close())
  const many = CANDIDATES + 500
  const add = (rowid: number, title: string, body: string): void => {
    phraseDb.run(
      'INSERT INTO article_fts (rowid, title, correspondents, site, excerpt, body) VALUES (?, ?, ?, ?, ?, ?)',
      [rowid, title, '', '', '', body],
    )
  }
  phraseDb.transaction(() => {
    for (let rowid = 1; rowid <= many; rowid++) {
      if (rowid === 10) add(rowid, 'An old story', 'Storms: the hills rain down stones.')
      else if (rowid === many - 100) add(rowid, 'Hills rain', 'Weather.')
      else if (rowid === many - 50) add(rowid, 'Weather', 'Where the hills rain, rivers rise.')
      else add(rowid, `Story ${rowid}`, 'Hills and rain.')
    }
  })
  const phrase = (offset: number, limit: number): ReturnType<typeof rankArticles> =>
    rankArticles(phraseDb, parseQuery('"hills rain" '), noFilter, 'relevance', offset, limit)

  it('finds every match, the headline first, also those older than the newest candidates', () => {
    expect(phrase(0, 10).rowids).toEqual([many - 100, many - 50, 10])
    expect(phrase(2, 10).rowids).toEqual([10])
  })

  it('gives a total of at least the matches it showed, never more than there are', () => {
    const page = phrase(0, 10)
    expect(page.total).toBeLessThanOrEqual(3)
    expect(page.total).toBeGreaterThanOrEqual(page.rowids.length)
    const first = phrase(0, 2)
    expect(first.rowids).toEqual([many - 100, many - 50])
    expect(first.total, 'more than the two shown').toBeGreaterThan(2)
  })
})
