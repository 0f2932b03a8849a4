import type { ArticleSummary } from '@shared/article'

/** One line per article, for people reading a terminal. */
export function formatListLine(article: ArticleSummary): string {
  const unread = article.read ? ' ' : '•'
  const date = (article.publishedAt ?? article.addedAt).slice(0, 10)
  const site = article.siteName ?? article.fileName ?? ''
  return `${unread} ${article.id}  ${date}  ${article.title}${site ? `  — ${site}` : ''}`
}

/** What a person reads: headline, who and where from, then the text. Also used for `extract`. */
export function formatArticle(article: {
  title: string
  byline: string | null
  siteName: string | null
  publishedAt: string | null
  url: string | null
  text: string
}): string {
  const lines = [article.title]
  const about = [article.byline, article.siteName, article.publishedAt?.slice(0, 10)].filter(Boolean)
  if (about.length > 0) lines.push(about.join(' · '))
  if (article.url) lines.push(article.url)
  lines.push('', article.text)
  return lines.join('\n')
}
