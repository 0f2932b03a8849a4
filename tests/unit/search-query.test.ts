import fc from 'fast-check'
import { Database } from 'node-sqlite3-wasm'
import { afterAll, describe, expect, it } from 'vitest'
import { textForIndex } from '../../src/main/search/index-text'
import { MAX_QUERY_TERMS, parseQuery } from '../../src/main/search/query-parser'

/** A small index with the production table definition, to run parsed queries against. */
const db = new Database(':memory:')
db.exec(`CREATE VIRTUAL TABLE article_fts USING fts5(title, correspondents, site, excerpt, body,
  content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6')`)
const ARTICLES = [
  'Zelenskyí meets European leaders in Kyiv',
  'Peace talks resume in Geneva after a week of tension',
  'Sanctions on energy exports hit the economy',
  'Talks about peace and sanctions stall',
  '国务院总理在北京会见德国总理',
  '東京都庁で記者会見が行われました',
  'Київ готується до зими',
]
ARTICLES.forEach((title, i) =>
  db.run(
    'INSERT INTO article_fts(rowid, title, correspondents, site, excerpt, body) VALUES (?, ?, ?, ?, ?, ?)',
    [i + 1, textForIndex(title), '', '', '', ''],
  ),
)
afterAll(() => db.close())

function found(input: string): number[] {
  const { match } = parseQuery(input)
  if (match === null) return []
  return db
    .all('SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid', [match])
    .map((row) => Number(row.rowid))
}

describe('turning what a person types into a search', () => {
  it('finds every word anywhere, folding diacritics both ways', () => {
    expect(found('zelenskyi kyiv ')).toEqual([1])
    expect(found('Zelenskyí')).toEqual([1])
    expect(found('ZELENSKYI ')).toEqual([1])
  })

  it('keeps the Cyrillic letters that are letters of their own', () => {
    expect(found('київ ')).toEqual([7])
    expect(found('киів ')).toEqual([])
  })

  it('matches the last word as a prefix while typing, and only the last', () => {
    expect(found('geneva ta')).toEqual([2])
    expect(found('ta geneva')).toEqual([])
    expect(found('sanct')).toEqual([3, 4])
    expect(found('sanct ')).toEqual([])
  })

  it('does not expand a single letter into every word that starts with it', () => {
    expect(parseQuery('t').include[0]!.prefix).toBe(false)
  })

  it('finds "quoted phrases" only with the words side by side', () => {
    expect(found('"peace talks"')).toEqual([2])
    expect(found('peace talks ')).toEqual([2, 4])
    expect(found('"talks about pea')).toEqual([4])
  })

  it('leaves out articles with an -excluded word', () => {
    expect(found('talks -sanctions')).toEqual([2])
    expect(found('talks -"peace and"')).toEqual([2])
  })

  it('describes a query of exclusions only so the caller can list everything else', () => {
    const query = parseQuery('-sanctions -geneva')
    expect(query.match).toBeNull()
    expect(query.excludeOnly).toBe('"sanctions" OR "geneva"')
  })

  it('finds Chinese and Japanese words inside unspaced text', () => {
    expect(found('北京 ')).toEqual([5])
    expect(found('国务院')).toEqual([5])
    expect(found('記者会見 ')).toEqual([6])
    expect(found('東京')).toEqual([6])
  })

  it('treats FTS5 syntax as plain words', () => {
    expect(found('peace AND NOT talks')).toEqual([])
    expect(found('title:peace ')).toEqual([])
    expect(found('peace* OR')).toEqual([])
    // Searched as the words "near" and "title", which no article has.
    expect(found('NEAR(peace talks)')).toEqual([])
    expect(found('{title}: peace')).toEqual([])
    expect(found('(peace) "talks')).toEqual([2, 4])
  })

  it('keeps at most the first words of a pasted paragraph and says so', () => {
    const query = parseQuery('peace '.repeat(5000))
    expect(query.include).toHaveLength(MAX_QUERY_TERMS)
    expect(query.notice).toMatch(/first 24 words/)
    expect(found('peace '.repeat(5000))).toEqual([2, 4])
  })

  it('never throws and always yields an expression FTS5 accepts, whatever is typed', () => {
    const fragments = fc.constantFrom(
      '"',
      '-',
      '+',
      '*',
      ':',
      '(',
      ')',
      '^',
      '{',
      '}',
      'AND',
      'OR',
      'NOT',
      'NEAR',
      ' ',
      '\u0301',
      '東京',
      'peace',
      'é',
      '\u0000',
      '\uD800',
      "'",
      ',',
      '\t',
    )
    const input = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.array(fragments, { maxLength: 30 }).map((a) => a.join('')),
      fc.string({ unit: 'binary', maxLength: 40 }),
    )
    fc.assert(
      fc.property(input, (text) => {
        const query = parseQuery(text)
        for (const expression of [query.match, query.excludeOnly]) {
          if (expression !== null)
            db.all('SELECT rowid FROM article_fts WHERE article_fts MATCH ?', [expression])
        }
      }),
      { seed: 12, numRuns: 3000 },
    )
  })
})
