import type { MediaStore } from '../library/media-store'
import { parseWebAddress, USER_AGENT, type FetchFunction } from './fetch-page'
import { readCappedBody } from './read-capped-body'
import { imageExtension } from './image-type'
import { retryCutConnection } from './retry-cut-connection'
import { sanitizeSvg } from './sanitize-svg'

export interface ImageLimits {
  /** For one picture, from request to last byte. */
  timeoutMs: number
  /**
   * For all the pictures of an article: without it, 60 pictures served at a byte a second kept one
   * capture busy for five minutes. What is not in by then becomes a placeholder.
   */
  stageTimeoutMs: number
  maxBytes: number
  concurrency: number
}

export const defaultImageLimits: ImageLimits = {
  timeoutMs: 20_000,
  stageTimeoutMs: 60_000,
  maxBytes: 15 * 1024 * 1024,
  concurrency: 4,
}

export interface ImageDownloads {
  /** Each picture's library path, or null where it could not be had. */
  stored: Map<string, string | null>
  /** True when the stage's deadline stopped downloads that were still going or waiting. */
  stoppedAtDeadline: boolean
}

export interface DownloadImagesOptions {
  fetch: FetchFunction
  media: MediaStore
  limits?: ImageLimits
  /** Called after each image, stored or not. */
  onProgress?: (done: number, total: number) => void
  /** The article's address: many image hosts refuse hot-linked requests without a Referer. */
  referer?: string | null
}

/**
 * Stores each picture in the library and returns where it went; a picture that cannot be had
 * (offline, 404, not an image, too large) maps to null and becomes a placeholder.
 */
export async function downloadImages(
  urls: string[],
  options: DownloadImagesOptions,
): Promise<ImageDownloads> {
  const limits = options.limits ?? defaultImageLimits
  const fetching = { ...options, fetch: retryCutConnection(options.fetch) }
  const stored = new Map<string, string | null>()
  const deadline = AbortSignal.timeout(limits.stageTimeoutMs)
  let done = 0
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < urls.length && !deadline.aborted) {
      const url = urls[next++]!
      stored.set(url, await storeImage(url, fetching, limits, deadline).catch(() => null))
      options.onProgress?.(++done, urls.length)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limits.concurrency, urls.length) }, worker))
  for (const url of urls) if (!stored.has(url)) stored.set(url, null)
  return { stored, stoppedAtDeadline: deadline.aborted && hasMissing(stored) }
}

function hasMissing(stored: Map<string, string | null>): boolean {
  for (const path of stored.values()) if (path === null) return true
  return false
}

/**
 * What a browser sends by default (strict-origin-when-cross-origin): the full address to the
 * page's own site, only the origin to other hosts, which need no more to allow the picture and
 * should not learn what the person reads; nothing from an https page to an http picture.
 */
export function refererFor(pageUrl: string | null | undefined, imageUrl: string): string | null {
  if (!pageUrl) return null
  try {
    const page = new URL(pageUrl)
    const target = new URL(imageUrl)
    if (page.protocol === 'https:' && target.protocol !== 'https:') return null
    page.hash = ''
    return page.origin === target.origin ? page.href : `${page.origin}/`
  } catch {
    return null
  }
}

async function storeImage(
  url: string,
  options: DownloadImagesOptions,
  limits: ImageLimits,
  deadline: AbortSignal,
): Promise<string | null> {
  const bytes = url.startsWith('data:')
    ? decodeDataUrl(url, limits.maxBytes)
    : await fetchImage(url, options, limits, deadline)
  if (!bytes) return null
  const extension = imageExtension(bytes)
  if (!extension) return null
  if (extension === 'svg') {
    const clean = sanitizeSvg(new TextDecoder().decode(bytes))
    return clean ? options.media.store(new TextEncoder().encode(clean), 'svg') : null
  }
  return options.media.store(bytes, extension)
}

async function fetchImage(
  url: string,
  options: DownloadImagesOptions,
  limits: ImageLimits,
  deadline: AbortSignal,
): Promise<Uint8Array | null> {
  const address = parseWebAddress(url)
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'image/*,*/*;q=0.5' }
  const referer = refererFor(options.referer, address.href)
  if (referer) headers.referer = referer
  const response = await options.fetch(address.href, {
    signal: AbortSignal.any([AbortSignal.timeout(limits.timeoutMs), deadline]),
    headers,
    redirect: 'follow',
  })
  if (!response.ok || !response.body) {
    await response.body?.cancel()
    return null
  }
  return readCappedBody(response, limits.maxBytes)
}

function decodeDataUrl(url: string, maxBytes: number): Uint8Array | null {
  const match = /^data:image\/[\w.+-]+(;[\w=-]+)*?(;base64)?,(.*)$/is.exec(url)
  if (!match) return null
  const payload = match[3] ?? ''
  const bytes = match[2] ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'utf8')
  return bytes.byteLength > maxBytes ? null : new Uint8Array(bytes)
}
