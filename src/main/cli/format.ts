import { readableText } from '../export/plain-text'
import type { ArticleSummary } from '@shared/article'
import { bylineBesideSite } from '@shared/outlet-name'

/**
 * Text from a page, made safe to print to a terminal: C0 and C1 control characters (ESC starts the
 * sequences that clear the screen, retitle the window or fake a prompt), DEL and the bidirectional
 * overrides that reorder what is shown go; line breaks and tabs stay. `--json` output is left as it
 * is: JSON escapes control characters itself.
 */
export function terminalSafe(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE_FOR_TERMINALS, '')
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_FOR_TERMINALS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/**
 * One line per article, for people reading a terminal. The day shown is the day saved: the one
 * the list is sorted by and --from/--to choose (the window's "Saved between"), so a story
 * published last month and saved today is listed, and found, under today.
 */
export function formatListLine(article: ArticleSummary): string {
  const unread = article.read ? ' ' : '•'
  const date = article.addedAt.slice(0, 10)
  const site = article.siteName ?? article.fileName ?? ''
  return terminalSafe(
    `${unread} ${article.id}  ${date}  ${oneLine(article.title)}${site ? `  — ${oneLine(site)}` : ''}`,
  )
}

/** What a person reads: headline, who and where from, then the text. Also used for `extract`. */
export function formatArticle(article: {
  title: string
  byline: string | null
  siteName: string | null
  publishedAt: string | null
  url: string | null
  text: string
  /** The stored HTML: when given, the text is read from it with the pictures' captions. */
  html?: string
}): string {
  const lines = [article.title]
  const byline = bylineBesideSite(article.byline, article.siteName)
  const about = [byline, article.siteName, article.publishedAt?.slice(0, 10)].filter(Boolean)
  if (about.length > 0) lines.push(about.join(' · '))
  if (article.url) lines.push(article.url)
  lines.push('', article.html === undefined ? article.text : readableText(article.html) || article.text)
  return terminalSafe(lines.join('\n'))
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ')
}
