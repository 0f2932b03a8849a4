import type { ExtractedArticle } from '@shared/article'
import { prepareTagger, tagCountries } from '../countries'

/**
 * Adds the countries an extracted article is about. Runs where extraction runs (the worker, or the
 * inline extractor in tests), so tagging never blocks the main thread. A tagger failure costs the
 * tags, never the article.
 */
export function withCountries(article: ExtractedArticle): ExtractedArticle {
  try {
    const countries = tagCountries({
      title: article.title,
      text: article.text,
      lang: article.lang,
      siteName: article.siteName,
      url: article.canonicalUrl ?? article.url,
    })
    return { ...article, countries }
  } catch {
    return { ...article, countries: [] }
  }
}

/** Loads the tagger's data ahead of the first article; a failure here surfaces as empty tags later. */
export function prepareCountryTagging(): void {
  try {
    prepareTagger()
  } catch {
    // withCountries will meet the same failure and store the article without tags.
  }
}
