import { DatelineError } from '@shared/errors'
import { parseWebAddress, USER_AGENT, type FetchFunction, type FetchLimits } from '../ingest/fetch-page'
import { readCappedBody } from '../ingest/read-capped-body'
import { retryCutConnection } from '../ingest/retry-cut-connection'
import { FeedError } from './feed-error'

/** A feed is fetched within the same three bounds as a page, with its own defaults. */
export type FeedFetchLimits = FetchLimits

export const defaultFeedLimits: FeedFetchLimits = {
  timeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
}

export interface ConditionalHeaders {
  etag: string | null
  lastModified: string | null
}

export type FeedResponse =
  | {
      kind: 'fresh'
      bytes: Uint8Array
      contentType: string
      /** Where the document was found, after redirects. */
      finalUrl: string
      /** Set when every redirect on the way was permanent (301, 308): the feed has moved. */
      movedTo: string | null
      etag: string | null
      lastModified: string | null
    }
  | { kind: 'not-modified'; movedTo: string | null }

/**
 * One polite GET of a feed: conditional (ETag, Last-Modified), bounded in time, size and redirects,
 * and telling apart what the refresher must react to (a permanent move, "not modified", a server
 * asking us to slow down) from plain failures. Errors are FeedErrors with a phrase for the person.
 */
export async function fetchFeed(
  address: string,
  conditional: ConditionalHeaders,
  fetchFn: FetchFunction,
  limits: FeedFetchLimits = defaultFeedLimits,
  accept = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
): Promise<FeedResponse> {
  let url = webAddress(address)
  let permanent = true
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs)
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await request(url, conditional, accept, fetchFn, controller.signal)
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
        await response.body?.cancel()
        if (redirects >= limits.maxRedirects) {
          throw new FeedError(
            'redirects',
            `redirected more than ${limits.maxRedirects} times (a redirect loop?)`,
          )
        }
        permanent &&= response.status === 301 || response.status === 308
        url = webAddress(new URL(location, url).href)
        continue
      }
      const movedTo = permanent && redirects > 0 ? url.href : null
      if (response.status === 304) {
        await response.body?.cancel()
        return { kind: 'not-modified', movedTo }
      }
      if (!response.ok) {
        await response.body?.cancel()
        throw statusError(response)
      }
      const bytes = await readCappedBody(response, limits.maxBytes)
      if (!bytes) {
        throw new FeedError(
          'too-large',
          `larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB, so it was not read`,
        )
      }
      return {
        kind: 'fresh',
        bytes,
        contentType: response.headers.get('content-type') ?? '',
        finalUrl: url.href,
        movedTo,
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      }
    }
  } catch (error) {
    if (controller.signal.aborted) {
      throw new FeedError(
        'timeout',
        `timed out: no complete answer within ${Math.round(limits.timeoutMs / 1000)} seconds`,
      )
    }
    throw error
  } finally {
    clearTimeout(timer)
  }
}

function webAddress(raw: string): URL {
  try {
    return parseWebAddress(raw)
  } catch (error) {
    throw new FeedError('bad-url', error instanceof DatelineError ? error.message : 'not a web address')
  }
}

async function request(
  url: URL,
  conditional: ConditionalHeaders,
  accept: string,
  fetchFn: FetchFunction,
  signal: AbortSignal,
): Promise<Response> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept }
  if (conditional.etag) headers['if-none-match'] = conditional.etag
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified
  try {
    return await retryCutConnection(fetchFn)(url.href, { redirect: 'manual', signal, headers })
  } catch (error) {
    if (signal.aborted) throw error
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message
    throw new FeedError('unreachable', `could not reach ${url.host} (${reason})`)
  }
}

function statusError(response: Response): FeedError {
  const status = response.status
  if (status === 404 || status === 410) {
    return new FeedError(
      'not-found',
      status === 410 ? 'gone: the site removed this feed (410)' : 'not found (404)',
    )
  }
  if (status === 429 || status === 503) {
    const wait = retryAfterSeconds(response.headers.get('retry-after'))
    const asked = wait === null ? '' : `, asked to wait ${formatWait(wait)}`
    const what = status === 429 ? 'too many requests' : 'the server is unavailable'
    return new FeedError('rate-limited', `${what} (${status})${asked}`, wait)
  }
  if (status === 401 || status === 403)
    return new FeedError('http', `access refused by the server (${status})`)
  return new FeedError('http', `the server answered with an error (${status})`)
}

/** Retry-After is seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (!header) return null
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const at = Date.parse(trimmed)
  return Number.isFinite(at) ? Math.max(0, Math.round((at - now) / 1000)) : null
}

function formatWait(seconds: number): string {
  if (seconds < 120) return `${seconds} s`
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`
  return `${Math.round(seconds / 3600)} h`
}
