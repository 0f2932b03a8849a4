import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { escapeHtml } from '@shared/html'
import type { CorrespondentKind } from '@shared/article'
import { withCorrespondents } from '../../src/main/ingest/credit-extracted'
import { extractArticle } from '../../src/main/ingest/extract'

/** One page of tests/fixtures/correspondents/pages.json, and who a careful reader credits on it. */
export interface CorrespondentPage {
  id: string
  note: string
  lang: string
  url: string
  site: string
  head: string
  byline: string
  paragraphs: string[]
  after: string
  /** Markup inside the article after the paragraphs (a signature, a labelled credit). */
  end?: string
  /** The <body>'s class (themes name their layout there). */
  bodyClass?: string
  /** The class of a block around the headline and the byline (a header module). */
  headerClass?: string
  expected: { name: string; kind: CorrespondentKind }[]
}

export function readCorrespondentPages(set: 'pages' | 'held-out' = 'pages'): CorrespondentPage[] {
  const file = resolve(__dirname, `../fixtures/correspondents/${set}.json`)
  return (JSON.parse(readFileSync(file, 'utf8')) as { pages: CorrespondentPage[] }).pages
}

/** The page as a site would serve it: its head, a headline, the byline, the story, what follows. */
export function pageHtml(page: CorrespondentPage): string {
  const paragraphs = page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')
  return `<!doctype html><html lang="${page.lang}"><head><meta charset="utf-8">
<title>Talks run late | ${escapeHtml(page.site)}</title>${page.head}</head>
<body${page.bodyClass === undefined ? '' : ` class="${escapeHtml(page.bodyClass)}"`}><header><a href="/">${escapeHtml(page.site)}</a></header>
<main><article>${header(page)}
${paragraphs}
${page.end ?? ''}</article>${page.after}</main><footer>© ${escapeHtml(page.site)}</footer></body></html>`
}

function header(page: CorrespondentPage): string {
  const inner = `<h1>Talks run late into the night</h1>${page.byline}`
  return page.headerClass === undefined
    ? inner
    : `<div class="${escapeHtml(page.headerClass)}">${inner}</div>`
}

/** The correspondents Dateline credits on a labelled page, as names and kinds (what is compared). */
export function creditedOn(page: CorrespondentPage): { name: string; kind: CorrespondentKind }[] {
  const request = { kind: 'html' as const, html: pageHtml(page), url: page.url }
  return withCorrespondents(extractArticle(request), request).correspondents.map(({ name, kind }) => ({
    name,
    kind,
  }))
}
