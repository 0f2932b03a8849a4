import type { ExtractedArticle } from '@shared/article'

/** One extraction job: a page's HTML with its address, or a plain-text article. */
export type ExtractRequest =
  { kind: 'html'; html: string; url: string | null } | { kind: 'text'; text: string; fileName: string | null }

/**
 * Turns a page into an article. The HTML it returns is NOT yet safe to store: capture passes it
 * through the sanitiser. Its links and image `src` attributes are absolute URLs (the best `srcset`
 * candidate and lazy-load attributes such as `data-src` already folded into `src`).
 */
export interface Extractor {
  extract(request: ExtractRequest): Promise<ExtractedArticle>
  /**
   * Readies the extractor for a first page that is not here yet (a worker is started and loads),
   * so that page waits only for itself; settles when ready, never rejects. Optional: an extractor
   * with nothing to ready has no such method.
   */
  prepare?(): Promise<void>
  close(): Promise<void>
}
