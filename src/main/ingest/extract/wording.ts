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
