import { escapeHtml } from '@shared/html'
import type { ExtractedArticle } from '@shared/article'
import { DatelineError } from '@shared/errors'
import { boilerplateRules, isBoilerplateLine, isTailStart } from './boilerplate'
import { cleanByline } from './metadata'
import { countWords, textOfParagraphs } from './text'
import { makeExcerpt, NOT_AN_ARTICLE_MESSAGE } from './wording'

/** A line this short without closing punctuation reads as a label (a name, a heading), not prose. */
const LABEL_MAX_WORDS = 6

/** What a person reads in a plain-text article: the headline, the story, and who wrote it. */
export interface PlainTextArticle {
  title: string | null
  byline: string | null
  paragraphs: string[]
}

/**
 * Reads plain text as a person would: the first non-empty line is the headline, blank lines
 * separate paragraphs, and the furniture copied along from the end of a web page (social calls,
 * "Related posts", the author's name and bio) is not the story; the name becomes the byline.
 */
export function readPlainText(source: string): PlainTextArticle {
  const blocks = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0)

  let title: string | null = null
  const first = blocks[0]
  if (first !== undefined) {
    title = first.shift() ?? null
    if (first.length === 0) blocks.shift()
  }
  const paragraphs = blocks.map((lines) => lines.join(' ').replace(/\s+/g, ' '))

  let byline: string | null = null
  const leading = paragraphs[0]
  if (leading !== undefined && /^by\s+\S/i.test(leading) && isLabel(leading)) {
    byline = cleanByline(leading)
    paragraphs.shift()
  }
  const trailing = trimTrailingMatter(paragraphs)
  return { title, byline: byline ?? trailing, paragraphs }
}

/** Removes trailing matter from `paragraphs` in place; returns the author named there, if any. */
function trimTrailingMatter(paragraphs: string[]): string | null {
  let byline: string | null = null
  while (paragraphs.length > 1) {
    const last = paragraphs[paragraphs.length - 1] ?? ''
    const lower = last.toLowerCase()
    if (
      isTailStart(last) ||
      (isLabel(last) && isBoilerplateLine(last)) ||
      boilerplateRules.socialCalls.test(lower)
    ) {
      paragraphs.pop()
      continue
    }
    if (boilerplateRules.bioStarts.test(lower) && isLabel(paragraphs[paragraphs.length - 2] ?? '')) {
      paragraphs.pop()
      byline = popNameLines(paragraphs) ?? byline
      continue
    }
    if (isLabel(last) && looksLikeName(last)) {
      byline = popNameLines(paragraphs) ?? byline
      continue
    }
    break
  }
  return byline
}

/** Pops the name line at the end, and its repeats (pages often print the name twice: link and heading). */
function popNameLines(paragraphs: string[]): string | null {
  const name = paragraphs.pop()
  if (name === undefined) return null
  while (paragraphs.length > 1 && paragraphs[paragraphs.length - 1] === name) paragraphs.pop()
  return cleanByline(name)
}

function isLabel(text: string): boolean {
  return text !== '' && countWords(text) <= LABEL_MAX_WORDS && !/[.!?"”»)]$/.test(text)
}

function looksLikeName(text: string): boolean {
  const words = text.split(/\s+/)
  if (words.length < 2) return false
  return words.every((word) => /^[\p{Lu}\p{N}&]/u.test(word) || /^(and|de|van|von|la|le|da|of)$/i.test(word))
}

/** Paragraphs as escaped <p> elements. */
export function paragraphsHtml(paragraphs: string[]): string {
  return paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')
}

export function extractFromText(source: string, fileName: string | null): ExtractedArticle {
  const article = readPlainText(source)
  if (article.paragraphs.length === 0 && article.title === null) {
    throw new DatelineError('NOT_AN_ARTICLE', NOT_AN_ARTICLE_MESSAGE)
  }
  // A one-line text is all headline and no story; show it as the body too rather than lose it.
  const paragraphs = article.paragraphs.length > 0 ? article.paragraphs : [article.title ?? '']
  const text = textOfParagraphs(paragraphs)
  return {
    title: article.title ?? fileName ?? 'Untitled',
    byline: article.byline,
    correspondents: [],
    countries: [],
    siteName: null,
    publishedAt: null,
    lang: null,
    excerpt: makeExcerpt(null, paragraphs),
    wordCount: countWords(text),
    text,
    html: paragraphsHtml(paragraphs),
    url: null,
    canonicalUrl: null,
    leadImageUrl: null,
    readerable: true,
    warnings: [],
  }
}
