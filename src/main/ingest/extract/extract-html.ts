import { isProbablyReaderable, Readability } from '@mozilla/readability'
import type { ExtractedArticle } from '@shared/article'
import { DatelineError } from '@shared/errors'
import { neutraliseEmbeds, removeBoilerplate } from './boilerplate'
import { parseDocument, textOf, toArray, type DomDocument, type DomElement } from './dom'
import { readJsonLd } from './json-ld'
import { absolutiseUrls, foldLazyImages } from './lazy-images'
import { baseUrlOf, cleanByline, readMetadata } from './metadata'
import { paragraphsHtml } from './plain-text'
import { CAPTION_MARK, postClean, stripPresentation } from './post-clean'
import { countWords, paragraphsOf, textOfParagraphs } from './text'
import { chooseBody } from './choose-body'
import { makeExcerpt, LITTLE_TEXT_WARNING, NOT_AN_ARTICLE_MESSAGE } from './wording'
import { resolveUrl } from './urls'

/** Fewer words than this and the copy is probably a teaser, a gallery or a paywall stub. */
const FEW_WORDS = 120

interface ReadabilityResult {
  content: string
  title: string | null
  byline: string | null
  siteName: string | null
}

/** A web page's HTML in, the article in it out. Pure: no I/O, same input gives the same output. */
export function extractFromHtml(html: string, url: string | null): ExtractedArticle {
  const document = parseDocument(html)
  const jsonLd = readJsonLd(document)
  const metadata = readMetadata(document, url, jsonLd)
  const base = baseUrlOf(document, url)
  const readerable = isReaderable(document)

  const body = document.body
  if (body !== null) {
    foldLazyImages(body)
    removeBoilerplate(body)
    neutraliseEmbeds(body)
  }
  const readability = runReadability(document)
  const content = readability === null ? null : parseDocument(readability.content).body
  if (content !== null) postClean(content)

  const chosen = chooseBody(content, jsonLd.articleBody)
  const root = chosen.kind === 'html' ? content : null
  let paragraphs = chosen.paragraphs
  if (root !== null) {
    dropLeadingTitle(root, metadata.title ?? readability?.title ?? null)
    paragraphs = paragraphsOf(root, CAPTION_MARK)
  }
  if (paragraphs.length === 0) throw new DatelineError('NOT_AN_ARTICLE', NOT_AN_ARTICLE_MESSAGE)

  let articleHtml = paragraphsHtml(paragraphs)
  if (root !== null) {
    absolutiseUrls(root, base)
    stripPresentation(root)
    articleHtml = root.innerHTML.trim()
  }
  const text = textOfParagraphs(paragraphs)
  const wordCount = countWords(text)
  const warnings: string[] = []
  if (!readerable || wordCount < FEW_WORDS) warnings.push(LITTLE_TEXT_WARNING)

  const firstImage = content === null ? null : firstImageUrl(content, base)
  return {
    title: metadata.title ?? readability?.title ?? paragraphs[0] ?? 'Untitled',
    byline: metadata.byline ?? cleanByline(readability?.byline),
    correspondents: [],
    countries: [],
    siteName: metadata.siteName ?? readability?.siteName ?? null,
    publishedAt: metadata.publishedAt,
    lang: metadata.lang,
    excerpt: makeExcerpt(metadata.description, paragraphs),
    wordCount,
    text,
    html: articleHtml,
    url,
    canonicalUrl: metadata.canonicalUrl,
    leadImageUrl: metadata.leadImageUrl ?? firstImage,
    readerable,
    warnings,
  }
}

function isReaderable(document: DomDocument): boolean {
  try {
    return isProbablyReaderable(document as never)
  } catch {
    return false
  }
}

function runReadability(document: DomDocument): ReadabilityResult | null {
  // keepClasses: post-clean reads class names to find furniture Readability let through.
  const parsed = new Readability(document as never, { keepClasses: true, charThreshold: 300 }).parse()
  if (parsed === null || typeof parsed.content !== 'string') return null
  return {
    content: parsed.content,
    title: parsed.title ?? null,
    byline: parsed.byline ?? null,
    siteName: parsed.siteName ?? null,
  }
}

/** The headline is shown above the body, so a copy of it as the body's first line is dropped. */
function dropLeadingTitle(root: DomElement, title: string | null): void {
  if (title === null) return
  const first = toArray(root.querySelectorAll('h1,h2,h3,p')).find((element) => textOf(element) !== '')
  if (first !== undefined && textOf(first).toLowerCase() === title.toLowerCase()) first.remove()
}

function firstImageUrl(root: DomElement, base: string | null): string | null {
  for (const image of toArray(root.querySelectorAll('img[src]'))) {
    const url = resolveUrl(image.getAttribute('src'), base)
    if (url !== null) return url
  }
  return null
}
