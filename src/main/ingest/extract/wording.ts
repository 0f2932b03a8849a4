/** The sentences a person reads when extraction goes wrong or finds little. */
export const NOT_AN_ARTICLE_MESSAGE = 'This page is not an article: it has no readable text.'
export const LITTLE_TEXT_WARNING =
  'This page may not be an article: Dateline found little readable text on it, so the copy may be incomplete.'

const EXCERPT_LIMIT = 300

/** The page's own description when it has one, else the start of the first real paragraph. */
export function makeExcerpt(description: string | null, paragraphs: string[]): string {
  const source = description ?? paragraphs.find((p) => p.split(' ').length >= 8) ?? paragraphs[0] ?? ''
  if (source.length <= EXCERPT_LIMIT) return source
  const cut = source.slice(0, EXCERPT_LIMIT - 1)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > EXCERPT_LIMIT / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, '')}…`
}

/** How the article's text was found: the usual reading, or one of the fallbacks, in the order tried. */
export type ReadingPath =
  'usual' | 'plain-readability' | 'json-ld' | 'hydration-data' | 'article-element' | 'largest-block'

/** What the person is told when the usual reading missed the story and a fallback found it. */
export const FALLBACK_WARNINGS: Record<ReadingPath, string | null> = {
  usual: null,
  'plain-readability':
    'Dateline read this page without its usual clean-up, which found no story on it; the copy may include some of the page’s furniture.',
  'json-ld':
    'Dateline took this article’s text from the data the page gives about itself (its JSON-LD articleBody), so pictures and links are missing.',
  'hydration-data':
    'Dateline took this article’s text from the data the page keeps for its scripts, as the page itself shows only part of it (or nothing) without them; check that the copy is the story.',
  'article-element':
    'Dateline took this article’s text from the part the page marks as its article, without its usual reading; the copy may include some of the page’s furniture.',
  'largest-block':
    'Dateline took this article’s text from the largest block of text on the page, as it found no article otherwise; check that the copy is the story.',
}

export const FLATTENED_WARNING =
  'This page’s markup is nested unusually deeply, so Dateline flattened it to read it; some of its layout may be lost.'

/** Steps are named in the person's words ("removing page furniture"), in the order they were skipped. */
export function skippedStepsWarning(steps: string[]): string {
  return `Dateline could not finish every step of reading this page (it skipped ${steps.join(', ')}), so the copy may be less tidy than usual.`
}
