import type { ExtractedArticle } from '@shared/article'
import { creditCorrespondents } from '../correspondents'
import type { ExtractRequest } from './extractor-types'
import type { DomDocument } from './extract/dom'
import { readPageTree } from './extract/page-tree'

/**
 * Adds who wrote an extracted article. Runs where extraction runs (the worker, or the inline
 * extractor in tests). The page is read again as served, because Readability rewrites the tree it
 * extracts from and drops the byline elements: from `page`, the copy the extraction kept, when
 * given. A failure costs the correspondents, never the article.
 */
export function withCorrespondents(
  article: ExtractedArticle,
  request: ExtractRequest,
  page?: DomDocument | null,
): ExtractedArticle {
  try {
    const document = request.kind === 'html' ? (page ?? readPageTree(request.html).document) : null
    const correspondents = creditCorrespondents({
      document,
      url: request.kind === 'html' ? (article.canonicalUrl ?? request.url) : null,
      byline: article.byline,
      text: article.text,
      siteName: article.siteName,
    })
    return { ...article, correspondents }
  } catch {
    return { ...article, correspondents: [] }
  }
}
