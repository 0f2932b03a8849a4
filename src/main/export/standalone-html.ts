import { safeFileStem } from './file-names'
import type { Article } from '@shared/article'
import { escapeHtml } from '@shared/html'
import { imageContentTypes, rewriteStoredImageSources } from '@shared/media'

/** Replaces stored-image references with the bytes themselves, so one file carries the whole article. */
export async function inlineImages(
  html: string,
  readImage: (mediaPath: string) => Promise<Uint8Array | null>,
): Promise<string> {
  const paths = new Set<string>()
  rewriteStoredImageSources(html, (path) => {
    paths.add(path)
    return null
  })
  const images = new Map<string, Uint8Array | null>()
  for (const path of paths) images.set(path, await readImage(path))
  return rewriteStoredImageSources(html, (path) => {
    const bytes = images.get(path)
    if (!bytes) return null
    const type = imageContentTypes[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream'
    return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`
  })
}

/**
 * A self-contained HTML file for one article: readable in any browser, offline, with no script
 * and a policy that forbids loading anything from the network.
 */
export function standaloneHtml(article: Article, bodyHtml: string): string {
  const about = [article.byline, article.siteName, article.publishedAt?.slice(0, 10)]
    .filter((part): part is string => Boolean(part))
    .map(escapeHtml)
  const source = article.url
    ? `<p class="source"><a href="${escapeHtml(article.url)}">${escapeHtml(article.url)}</a></p>`
    : ''
  return `<!doctype html>
<html lang="${escapeHtml(article.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.title)}</title>
<style>
body { font: 18px/1.6 Georgia, 'Times New Roman', serif; max-width: 42em; margin: 3em auto; padding: 0 1em; color: #222; }
h1 { line-height: 1.2; } .about, .source { color: #666; font: 14px system-ui, sans-serif; }
img { max-width: 100%; height: auto; } figcaption { color: #666; font-size: 0.85em; }
</style>
</head>
<body>
<article>
<h1>${escapeHtml(article.title)}</h1>
<p class="about">${about.join(' · ')}</p>
${source}
${bodyHtml}
</article>
</body>
</html>
`
}

/**
 * One article's file name: its headline in its own script (made safe for every file system by
 * safeFileStem), then the start of its id so two articles of one headline never share a file.
 */
export function exportFileName(article: Article, extension: string): string {
  return `${safeFileStem(article.title, 'Article')} ${article.id.slice(0, 6)}.${extension}`
}
