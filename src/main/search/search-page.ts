import type { ParsedInputOf, SearchPage } from '@shared/contract'
import type { LibraryStore } from '../library/library-store'

/**
 * A page of `articles.search` as a person sees it, in the window and in `dateline search` alike:
 * the articles found, why each was found (headline and snippet marked), and a sentence when the
 * query asked for nothing or part of it was set aside.
 */
export async function searchPage(
  library: LibraryStore,
  { offset, limit, sort, ...filter }: ParsedInputOf<'articles.search'>,
): Promise<SearchPage> {
  const page = library.searchArticles({ filter, sort, offset, limit })
  const matches = await library.searchMatches(page)
  const nothingAsked = page.query.include.length === 0 && page.query.exclude.length === 0
  return {
    total: page.total,
    totalIsLowerBound: page.totalIsLowerBound,
    offset,
    items: page.items.map((article, i) => ({ article, match: matches[i]! })),
    notice: nothingAsked ? 'Type a word to search for.' : page.query.notice,
  }
}
