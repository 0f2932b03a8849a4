import type { ExtractedArticle } from '@shared/article'
import { DatelineError } from '@shared/errors'
import type { ExtractRequest } from '../extractor-types'
import type { DomDocument } from './dom'
import { extractFromHtml, extractPageFromHtml } from './extract-html'
import { extractFromText } from './plain-text'

export { extractFromHtml, extractPageFromHtml } from './extract-html'
export { extractFromText, readPlainText } from './plain-text'

/**
 * One extraction job, done on the calling thread; the worker and the inline extractor both call it.
 * Anything other than a DatelineError (a DOM library crash on odd markup, a bug) becomes
 * EXTRACTION_FAILED, so the person reads about the page, not about a stack.
 */
export function extractArticle(request: ExtractRequest): ExtractedArticle {
  return failingClearly(() =>
    request.kind === 'html'
      ? extractFromHtml(request.html, request.url)
      : extractFromText(request.text, request.fileName),
  )
}

/**
 * The same, with the page's tree as served (null for plain text) for the steps that read the page
 * after extraction, so a page is parsed once per job rather than once per step.
 */
export function extractArticleAndPage(request: ExtractRequest): {
  article: ExtractedArticle
  page: DomDocument | null
} {
  return failingClearly(() =>
    request.kind === 'html'
      ? extractPageFromHtml(request.html, request.url)
      : { article: extractFromText(request.text, request.fileName), page: null },
  )
}

function failingClearly<T>(extract: () => T): T {
  try {
    return extract()
  } catch (error) {
    if (error instanceof DatelineError) throw error
    const detail = error instanceof Error ? error.message : String(error)
    throw new DatelineError('EXTRACTION_FAILED', `Dateline could not read this page (${detail}).`, {
      cause: error,
    })
  }
}
