import { createHash } from 'node:crypto'
import type { ArticleSummary } from '@shared/article'
import { readingMinutes } from '@shared/article'

export { seededRandom } from '../tests/helpers/seeded-random'

const WORDS = (
  'the government said on monday that talks with officials in the capital would resume after a week of ' +
  'tension along the border where troops have gathered since the election ministers warned of sanctions ' +
  'while protesters filled the central square demanding a new vote and the release of detained journalists ' +
  'analysts said the economy had slowed as energy prices rose and exports to europe fell sharply this year ' +
  'the president told reporters that the country would defend its sovereignty and seek support from allies'
).split(' ')
const PLACES = [
  'Kyiv',
  'Minsk',
  'Warsaw',
  'Vilnius',
  'Tbilisi',
  'Berlin',
  'Paris',
  'Ankara',
  'Chisinau',
  'Riga',
]
const SITES = [
  'EU Today',
  'The Guardian',
  'Reuters',
  'BBC News',
  'Le Monde',
  'Kyiv Independent',
  'Meduza',
  'Politico Europe',
]
const NAMES = [
  'Anna Kowalska',
  'Olena Petrenko',
  'James Hart',
  'Marta Novak',
  'Luc Bernard',
  'Sofia Rossi',
  'Tomas Berg',
]

/** Where the synthetic stories are about, as the country tagger would tag them. */
const COUNTRIES = [
  { code: 'UA', name: 'Ukraine' },
  { code: 'BY', name: 'Belarus' },
  { code: 'PL', name: 'Poland' },
  { code: 'LT', name: 'Lithuania' },
  { code: 'GE', name: 'Georgia' },
  { code: 'DE', name: 'Germany' },
  { code: 'FR', name: 'France' },
  { code: 'TR', name: 'Türkiye' },
  { code: 'MD', name: 'Moldova' },
  { code: 'LV', name: 'Latvia' },
  { code: 'RU', name: 'Russia' },
  { code: 'US', name: 'United States' },
]

/**
 * Words that occur in few articles, as names of people, villages and companies do in real news:
 * 3,000 made-up words, a few per article, so "a rare word" can be searched for.
 */
const SYLLABLES = [
  'ka',
  'ro',
  'vel',
  'mi',
  'tan',
  'zor',
  'lu',
  'dre',
  'pas',
  'ni',
  'gor',
  'eth',
  'sul',
  'bri',
]
export const RARE_WORDS = Array.from({ length: 3000 }, (_, i) => {
  const a = SYLLABLES[i % SYLLABLES.length]!
  const b = SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length]!
  const c = SYLLABLES[Math.floor(i / SYLLABLES.length ** 2) % SYLLABLES.length]!
  return `${a}${b}${c}${i % 7 === 0 ? 'sk' : ''}`
})

export function sentence(random: () => number, words = 18): string {
  const parts: string[] = []
  for (let i = 0; i < words; i++) {
    parts.push(
      random() < 0.004
        ? RARE_WORDS[Math.floor(random() * RARE_WORDS.length)]!
        : WORDS[Math.floor(random() * WORDS.length)]!,
    )
  }
  const text = parts.join(' ')
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`
}

/** About 800 words in 10 paragraphs, like a wire story. */
export function articleParagraphs(random: () => number, paragraphs = 10): string[] {
  return Array.from({ length: paragraphs }, () =>
    Array.from({ length: 4 + Math.floor(random() * 2) }, () =>
      sentence(random, 16 + Math.floor(random() * 6)),
    ).join(' '),
  )
}

export function syntheticSummary(random: () => number, index: number, now: number): ArticleSummary {
  // Real ids are SHA-256 prefixes, spread evenly over the 256 shards; so are these.
  const id = createHash('sha256').update(`bench-${index}`).digest('hex').slice(0, 16)
  const place = PLACES[Math.floor(random() * PLACES.length)]!
  const site = SITES[Math.floor(random() * SITES.length)]!
  const addedAt = new Date(now - Math.floor(random() * 5 * 365 * 24 * 3600 * 1000)).toISOString()
  const wordCount = 780 + Math.floor(random() * 60)
  const slug = `${place.toLowerCase()}-${index}`
  const byline = NAMES[Math.floor(random() * NAMES.length)]!
  return {
    id,
    source: 'url',
    url: `https://news.example/${slug}`,
    canonicalUrl: `https://news.example/${slug}`,
    fileName: null,
    title: `${place}: ${sentence(random, 9).slice(0, -1)}`,
    byline,
    correspondents: [{ name: byline, kind: 'person' }],
    countries: pickCountries(random),
    siteName: site,
    lang: 'en',
    excerpt: sentence(random, 34),
    publishedAt: addedAt,
    addedAt,
    updatedAt: addedAt,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    leadImage: null,
    read: random() < 0.3,
    starred: random() < 0.02,
    archived: random() < 0.05,
  }
}

/** One to three countries, the first primary; skewed so some countries hold a third of the library. */
function pickCountries(random: () => number): ArticleSummary['countries'] {
  const count = 1 + Math.floor(random() * 3)
  const chosen = new Set<number>()
  while (chosen.size < count) chosen.add(Math.floor(random() ** 2 * COUNTRIES.length))
  return [...chosen].map((i, n) => ({
    ...COUNTRIES[i]!,
    role: n === 0 ? 'primary' : 'mentioned',
    score: n === 0 ? 0.9 : 0.4,
  }))
}

export function articlePageHtml(title: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Bench News</title>
<meta property="og:site_name" content="Bench News"><meta name="author" content="Anna Kowalska">
<meta property="article:published_time" content="2026-11-20T08:00:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>${title}</h1><p class="byline">By Anna Kowalska</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article><aside><h2>Related posts</h2><ul><li><a href="/a">Another story</a></li></ul></aside></main>
<footer>© Bench News</footer></body></html>`
}
