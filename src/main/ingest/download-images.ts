import type { MediaStore } from '../library/media-store'
import { parseWebAddress, USER_AGENT, type FetchFunction } from './fetch-page'
import { readCappedBody } from './read-capped-body'
import { imageExtension } from './image-type'

export interface ImageLimits {
  timeoutMs: number
  maxBytes: number
  concurrency: number
}

export const defaultImageLimits: ImageLimits = {
  timeoutMs: 20_000,
  maxBytes: 15 * 1024 * 1024,
  concurrency: 4,
}

export interface DownloadImagesOptions {
  fetch: FetchFunction
  media: MediaStore
  limits?: ImageLimits
  /** Called after each image, stored or not. */
  onProgress?: (done: number, total: number) => void
  /** Sent as Referer: many image hosts refuse hot-linked requests without it. */
  referer?: string | null
}

/**
 * Stores each picture in the library and returns where it went; a picture that cannot be had
 * (offline, 404, not an image, too large) maps to null and becomes a placeholder.
 */
export async function downloadImages(
  urls: string[],
  options: DownloadImagesOptions,
): Promise<Map<string, string | null>> {
  const limits = options.limits ?? defaultImageLimits
  const stored = new Map<string, string | null>()
  let done = 0
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const url = urls[next++]!
      stored.set(url, await storeImage(url, options, limits).catch(() => null))
      options.onProgress?.(++done, urls.length)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limits.concurrency, urls.length) }, worker))
  return stored
}

async function storeImage(
  url: string,
  options: DownloadImagesOptions,
  limits: ImageLimits,
): Promise<string | null> {
  const bytes = url.startsWith('data:')
    ? decodeDataUrl(url, limits.maxBytes)
    : await fetchImage(url, options, limits)
  if (!bytes) return null
  const extension = imageExtension(bytes)
  if (!extension) return null
  return options.media.store(bytes, extension)
}

async function fetchImage(
  url: string,
  options: DownloadImagesOptions,
  limits: ImageLimits,
): Promise<Uint8Array | null> {
  const address = parseWebAddress(url)
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'image/*,*/*;q=0.5' }
  if (options.referer) headers.referer = options.referer
  const response = await options.fetch(address.href, {
    signal: AbortSignal.timeout(limits.timeoutMs),
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
