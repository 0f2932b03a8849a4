/**
 * The window's title while an article is open: "<headline> — Dateline". A print or a PDF takes
 * its default name from it, and the desktop app reads the headline back out of it.
 */
const SUFFIX = ' — Dateline'

export function windowTitleFor(headline: string | null): string {
  const trimmed = headline?.trim()
  return trimmed ? `${trimmed}${SUFFIX}` : 'Dateline'
}

export function articleTitleOfWindow(title: string): string | null {
  return title.endsWith(SUFFIX) ? title.slice(0, -SUFFIX.length) || null : null
}
