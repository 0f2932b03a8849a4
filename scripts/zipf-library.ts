import type { ArticleSummary } from '@shared/article'
import { readingMinutes } from '@shared/article'
import { writeArticleRow } from '../src/main/library/article-rows'
import type { SqlDatabase } from '../src/main/library/database'
import { migrateDatabase } from '../src/main/library/schema'
import { zipfBody, zipfSentence, type Vocabulary } from './search-corpus'
import { seededRandom } from './synthetic-articles'

/**
 * The synthetic library of the search and collections benchmarks: Zipf-distributed words, 14
 * countries (skewed), 6 correspondents, 30% read, 2% starred, 5% archived, one article every 25
 * minutes from 2021. Written straight into a database (rows and index, no files), in transactions
 * of 1,000.
 */
const COUNTRIES = ['UA', 'BY', 'PL', 'LT', 'GE', 'DE', 'FR', 'TR', 'MD', 'LV', 'US', 'CN', 'JP', 'GB']
const NAMES = ['Anna Kowalska', 'Olena Petrenko', 'James Hart', 'Marta Novak', 'Luc Bernard', 'Sofia Rossi']

/** What differs between the benchmarks' libraries. */
export interface ZipfShape {
  words: number
  excerptWords: number
  site: (random: () => number) => string
}

export function zipfArticle(
  vocabulary: Vocabulary,
  random: () => number,
  index: number,
  shape: ZipfShape,
): { article: ArticleSummary; body: string } {
  const addedAt = new Date(Date.UTC(2021, 0, 1) + index * 25 * 60_000).toISOString()
  const id = (0x1000000000000000n + BigInt(index) * 0x9e3779b97f4an).toString(16).slice(-16)
  const name = NAMES[Math.floor(random() * NAMES.length)]!
  const country = COUNTRIES[Math.floor(random() * random() * COUNTRIES.length)]!
  const body = zipfBody(vocabulary, random, shape.words)
  return {
    article: {
      id,
      source: 'url',
      url: `https://news.example/${index}`,
      canonicalUrl: `https://news.example/${index}`,
      fileName: null,
      title: zipfSentence(vocabulary, random, 9).slice(0, -1),
      byline: name,
      correspondents: [{ name, kind: 'person' }],
      countries: [{ code: country, name: country, role: 'primary', score: 1 }],
      siteName: shape.site(random),
      lang: 'en',
      excerpt: zipfSentence(vocabulary, random, shape.excerptWords),
      publishedAt: addedAt,
      addedAt,
      updatedAt: addedAt,
      wordCount: shape.words,
      readingMinutes: readingMinutes(shape.words),
      leadImage: null,
      read: random() < 0.3,
      starred: random() < 0.02,
      archived: random() < 0.05,
    },
    body,
  }
}

/** Fills a new database with `size` such articles, saying how far it got every `reportEvery`. */
export function writeZipfLibrary(
  db: SqlDatabase,
  size: number,
  vocabulary: Vocabulary,
  shape: ZipfShape,
  seed: number,
  reportEvery: number,
): void {
  db.exec('PRAGMA synchronous = OFF')
  migrateDatabase(db)
  const random = seededRandom(seed)
  for (let at = 0; at < size; at += 1000) {
    db.transaction(() => {
      for (let i = at; i < Math.min(size, at + 1000); i++) {
        const { article, body } = zipfArticle(vocabulary, random, i, shape)
        writeArticleRow(db, article, body)
      }
    })
    if ((at + 1000) % reportEvery === 0) console.error(`  ${at + 1000} of ${size} articles written`)
  }
  db.run("INSERT INTO article_fts (article_fts) VALUES ('optimize')")
}
