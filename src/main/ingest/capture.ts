import {
  readingMinutes,
  type ArticleSource,
  type ArticleSummary,
  type ExtractedArticle,
} from '@shared/article'
import type { AddArticleResult, CaptureProgress } from '@shared/contract'
import { DatelineError, toErrorInfo } from '@shared/errors'
import type { LibraryStore } from '../library/library-store'
import {
  articleIdForContent,
  articleIdForUrl,
  chooseCanonicalUrl,
  normaliseArticleUrl,
} from './article-identity'
import { looksBinary } from './binary-content'
import { contentKey } from './content-key'
import { findByContentKey, rememberContentKey } from './content-key-store'
import { downloadImages, type ImageLimits } from './download-images'
import type { ExtractRequest, Extractor } from './extractor-types'
import { fetchPage, type FetchFunction, type FetchLimits } from './fetch-page'
import { collectImageUrls, sanitizeArticleHtml } from './sanitize'
import { savedPageAddress } from './saved-page-address'

export type CaptureSource =
  | { kind: 'url'; url: string }
  | {
      kind: 'html'
      html: string
      baseUrl?: string
      fileName?: string
      /** A feed item's own content stands for the page at baseUrl: its source is that link. */
      origin?: ArticleSource
    }
  | { kind: 'text'; text: string; fileName?: string }

export interface CaptureDependencies {
  library: LibraryStore
  extractor: Extractor
  fetch: FetchFunction
  now: () => Date
  progress: (event: Omit<CaptureProgress, 'captureId'>) => void
  pageLimits?: FetchLimits
  imageLimits?: ImageLimits
}

const EXCERPT_LENGTH = 300
/** A live blog or a photo gallery can carry hundreds of pictures; past this many they stay placeholders. */
export const MAX_IMAGES_PER_ARTICLE = 60

/**
 * Link, file or paste in; a stored article out: fetch, extract (in the worker), sanitise, store the
 * pictures, then the article itself. Nothing already in the library changes unless every step
 * before the final write succeeded.
 */
export async function captureArticle(
  source: CaptureSource,
  deps: CaptureDependencies,
): Promise<AddArticleResult> {
  try {
    const result = await capture(source, deps)
    deps.progress({ stage: 'done' })
    return result
  } catch (error) {
    deps.progress({ stage: 'failed', message: toErrorInfo(error).message })
    throw error
  }
}

/** Extraction alone, for `dateline extract`: nothing is stored and no picture is downloaded. */
export async function extractOnly(
  source: CaptureSource,
  deps: Pick<CaptureDependencies, 'extractor' | 'fetch' | 'pageLimits'>,
): Promise<ExtractedArticle> {
  const { request } = await loadSource(source, deps)
  const extracted = await deps.extractor.extract(request)
  const html = sanitizeArticleHtml(extracted.html, { baseUrl: extracted.url, storedImage: (url) => url })
  return { ...extracted, html }
}

async function capture(source: CaptureSource, deps: CaptureDependencies): Promise<AddArticleResult> {
  if (source.kind === 'url') deps.progress({ stage: 'fetching' })
  const { request, origin, address } = await loadSource(source, deps)

  deps.progress({ stage: 'extracting' })
  const extracted = await deps.extractor.extract(request)

  // A saved page names its own address (saved-page-address.ts): that is its identity and its
  // "Open original", so the file and the link make one article.
  const ownAddress =
    address ?? (request.kind === 'html' ? savedPageAddress(request.html, extracted.canonicalUrl) : null)
  const canonicalUrl = ownAddress ? chooseCanonicalUrl(ownAddress, extracted.canonicalUrl) : null
  const key = contentKey(extracted.title, extracted.text)
  const byAddress = findExisting(deps.library, [
    address,
    canonicalUrl,
    source.kind === 'url' ? source.url : null,
  ])
  const byContentId = byAddress || !key ? null : findByContentKey(deps.library, key, extracted.siteName)
  const existing = byAddress ?? (byContentId ? deps.library.get(byContentId) : undefined)
  // A copy taken from the page itself (with its pictures) is not replaced by a file or a paste.
  if (existing && address === null && existing.source === 'url') {
    return {
      article: existing,
      updated: true,
      kept: true,
      warnings: ['This article is already in your library from its link; that copy was kept.'],
    }
  }

  const baseUrl = extracted.url ?? address
  const allImageUrls = collectImageUrls(extracted.html, baseUrl)
  const imageUrls = allImageUrls.slice(0, MAX_IMAGES_PER_ARTICLE)
  const leadImageUrl =
    extracted.leadImageUrl && !extracted.leadImageUrl.startsWith('data:') ? extracted.leadImageUrl : null
  const wanted = leadImageUrl && !imageUrls.includes(leadImageUrl) ? [...imageUrls, leadImageUrl] : imageUrls
  deps.progress({ stage: 'images', done: 0, total: wanted.length })
  const { stored, stoppedAtDeadline } = await downloadImages(wanted, {
    fetch: deps.fetch,
    media: deps.library.media,
    referer: address,
    onProgress: (done, total) => deps.progress({ stage: 'images', done, total }),
    ...(deps.imageLimits ? { limits: deps.imageLimits } : {}),
  })
  const html = sanitizeArticleHtml(extracted.html, { baseUrl, storedImage: (url) => stored.get(url) ?? null })

  deps.progress({ stage: 'saving' })
  const warnings = [...extracted.warnings]
  // Counted over the same pictures as the progress ("Saving pictures 6 of 7"), the lead picture
  // included, so the notice and the progress agree; a gallery past the cap says so.
  const known = [...new Set([...allImageUrls, ...wanted])]
  const missing = known.filter((url) => !stored.get(url)).length
  if (missing > 0) {
    const why = stoppedAtDeadline
      ? ' (the picture server was too slow)'
      : known.length > wanted.length
        ? ` (only the first ${MAX_IMAGES_PER_ARTICLE} are kept)`
        : ''
    warnings.push(
      `${missing} of ${known.length} pictures could not be saved${why}; they show as placeholders.`,
    )
  }
  const id =
    existing?.id ??
    (canonicalUrl
      ? articleIdForUrl(canonicalUrl)
      : articleIdForContent(`${extracted.title}\n${extracted.text}`))
  const now = deps.now().toISOString()
  const previous = existing ?? deps.library.get(id)
  const article: ArticleSummary = {
    id,
    source: origin,
    url: address,
    canonicalUrl,
    fileName: source.kind === 'url' ? null : (source.fileName ?? null),
    title: extracted.title || (source.kind === 'url' ? null : source.fileName) || 'Untitled article',
    byline: extracted.byline,
    correspondents: extracted.correspondents,
    countries: extracted.countries,
    siteName: extracted.siteName,
    lang: extracted.lang,
    excerpt: clip(extracted.excerpt || extracted.text, EXCERPT_LENGTH),
    publishedAt: extracted.publishedAt,
    addedAt: previous?.addedAt ?? now,
    updatedAt: now,
    wordCount: extracted.wordCount,
    readingMinutes: readingMinutes(extracted.wordCount),
    leadImage: (leadImageUrl && stored.get(leadImageUrl)) || firstStored(imageUrls, stored),
    read: previous?.read ?? false,
    starred: previous?.starred ?? false,
    archived: previous?.archived ?? false,
  }
  const saved = await deps.library.putArticle(article, { html, text: extracted.text })
  if (key) rememberContentKey(deps.library, saved.id, key, saved.siteName)
  return { article: saved, updated: previous !== undefined, warnings }
}

interface LoadedSource {
  request: ExtractRequest
  origin: ArticleSource
  /** The page's address after redirects, or the base URL given with pasted HTML. */
  address: string | null
}

async function loadSource(
  source: CaptureSource,
  deps: Pick<CaptureDependencies, 'fetch' | 'pageLimits'>,
): Promise<LoadedSource> {
  const loaded = await readSource(source, deps)
  const content = loaded.request.kind === 'html' ? loaded.request.html : loaded.request.text
  if (looksBinary(content)) {
    throw new DatelineError(
      'NOT_HTML',
      'This is not a web page or a text: its contents look like a binary file (a picture, a PDF or an archive).',
    )
  }
  return loaded
}

async function readSource(
  source: CaptureSource,
  deps: Pick<CaptureDependencies, 'fetch' | 'pageLimits'>,
): Promise<LoadedSource> {
  if (source.kind === 'url') {
    const page = await fetchPage(source.url, deps.fetch, deps.pageLimits)
    const request: ExtractRequest =
      page.kind === 'text'
        ? { kind: 'text', text: page.body, fileName: null }
        : { kind: 'html', html: page.body, url: page.finalUrl }
    return { request, origin: 'url', address: normaliseArticleUrl(page.finalUrl) }
  }
  const origin: ArticleSource =
    source.kind === 'html' && source.origin ? source.origin : source.fileName ? 'file' : 'paste'
  if (source.kind === 'text') {
    return {
      request: { kind: 'text', text: source.text, fileName: source.fileName ?? null },
      origin,
      address: null,
    }
  }
  const baseUrl = source.baseUrl ? validBaseUrl(source.baseUrl) : null
  return { request: { kind: 'html', html: source.html, url: baseUrl }, origin, address: baseUrl }
}

function validBaseUrl(raw: string): string {
  try {
    const url = new URL(raw)
    if (url.protocol === 'http:' || url.protocol === 'https:') return normaliseArticleUrl(url.href)
  } catch {
    // fall through to the error below
  }
  throw new DatelineError('BAD_URL', `"${raw}" is not a web address (http:// or https://).`)
}

function findExisting(library: LibraryStore, urls: (string | null)[]): ArticleSummary | undefined {
  for (const url of urls) {
    if (!url) continue
    const found = library.findByUrl(url) ?? safeFind(library, url)
    if (found) return found
  }
  return undefined
}

function safeFind(library: LibraryStore, url: string): ArticleSummary | undefined {
  try {
    return library.findByUrl(normaliseArticleUrl(url))
  } catch {
    return undefined
  }
}

function firstStored(urls: string[], stored: Map<string, string | null>): string | null {
  for (const url of urls) {
    const path = stored.get(url)
    if (path) return path
  }
  return null
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`
}
