import type { ExtractedArticle } from '@shared/article'
import { DatelineError } from '@shared/errors'
import type { ExtractRequest } from '../extractor-types'
import { extractFromHtml } from './extract-html'
import { extractFromText } from './plain-text'

export { extractFromHtml } from './extract-html'
export { extractFromText, readPlainText } from './plain-text'

/**
 * One extraction job, done on the calling thread; the worker and the inline extractor both call it.
 * Anything other than a DatelineError (a DOM library crash on odd markup, a bug) becomes
 * EXTRACTION_FAILED, so the person reads about the page, not about a stack.
 */
export function extractArticle(request: ExtractRequest): ExtractedArticle {
  try {
    return request.kind === 'html'
      ? extractFromHtml(request.html, request.url)
      : extractFromText(request.text, request.fileName)
  } catch (error) {
    if (error instanceof DatelineError) throw error
    const detail = error instanceof Error ? error.message : String(error)
    throw new DatelineError('EXTRACTION_FAILED', `Dateline could not read this page (${detail}).`, {
      cause: error,
    })
  }
}
