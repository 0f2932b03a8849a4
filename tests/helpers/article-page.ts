import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const EUTODAY_PATH = fileURLToPath(new URL('../fixtures/eutoday-belarus-russia.txt', import.meta.url))
export const EUTODAY_TITLE = 'Belarus: Russia prepared to offer "military assistance" to Lukashenko'

export function eutodayText(): string {
  return readFileSync(EUTODAY_PATH, 'utf8')
}

const PARAGRAPHS = [
  'Thousands of people gathered in the centre of the capital on Sunday for the largest protest the country has seen in a decade, filling the squares and the avenues that lead to them.',
  'The demonstrators, many of them carrying flags and handwritten signs, marched peacefully past the government buildings while police watched from side streets and nearby courtyards.',
  'Officials said the gathering had not been authorised, but made no attempt to stop it. Organisers said they would return every weekend until their demands were heard by the authorities.',
  'Correspondents at the scene described a calm, determined crowd of all ages. Several speakers addressed the marchers from a makeshift stage near the river embankment in the late afternoon.',
  'The government has so far refused to negotiate, saying the protests are organised from abroad. Neighbouring countries have called for restraint and for an independent inquiry into the election.',
  'Economists warn that the standoff is already hurting businesses, with several large factories reporting strikes and the national currency falling to a record low against the euro this week.',
]

export interface ArticlePageOptions {
  title?: string
  /** Extra HTML placed after the second paragraph (pictures, figures). */
  middle?: string
  canonical?: string
  paragraphs?: string[]
}

/** A plausible news article page, long enough for Readability to treat it as one. */
export function articlePage(options: ArticlePageOptions = {}): string {
  const title = options.title ?? 'Crowds fill the capital in the largest protest in a decade'
  const paragraphs = (options.paragraphs ?? PARAGRAPHS).map((p) => `<p>${p}</p>`)
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title} | Fixture News</title>
  <meta property="og:title" content="${title}">
  <meta property="og:site_name" content="Fixture News">
  <meta name="author" content="Anna Reporter">
  <meta property="article:published_time" content="2024-05-01T09:30:00Z">
  ${options.canonical ? `<link rel="canonical" href="${options.canonical}">` : ''}
  <script>window.tracker = 1</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <main>
    <article>
      <h1>${title}</h1>
      <p class="byline">By Anna Reporter</p>
      ${paragraphs.slice(0, 2).join('\n      ')}
      ${options.middle ?? ''}
      ${paragraphs.slice(2).join('\n      ')}
    </article>
  </main>
  <footer><p>© Fixture News</p></footer>
</body>
</html>`
}
