import type { ExtractedArticle } from '@shared/article'
import { withCorrespondents } from './credit-extracted'
import { extractArticleAndPage } from './extract'
import type { ExtractRequest } from './extractor-types'
import { withCountries } from './tag-extracted'

/**
 * One page's whole job as the extraction worker does it: the article, who wrote it, the countries
 * it is about. On the calling thread; the worker runs it, and the benchmark times it in-process.
 */
export function runExtractionJob(request: ExtractRequest): ExtractedArticle {
  const { article, page } = extractArticleAndPage(request)
  return withCountries(withCorrespondents(article, request, page))
}
