import { DatelineError } from '@shared/errors'
import { decodeText } from '@shared/text-decoding'
import { failureCode, plainNetworkReason } from './network-failures'
import { readCappedBody } from './read-capped-body'
import { retryCutConnection } from './retry-cut-connection'

export type FetchFunction = typeof fetch

export interface FetchLimits {
  /** Whole operation, redirects included. */
  timeoutMs: number
  maxBytes: number
  maxRedirects: number
}

export const defaultPageLimits: FetchLimits = {
  timeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 8,
}

export interface FetchedPage {
  /** Where the page was finally found, after redirects. */
  finalUrl: string
  kind: 'html' | 'text'
  body: string
  contentType: string
}

/** Sites that see a plain bot agent often answer with a stub; identify honestly but browser-like. */
export const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 Dateline/0.1'

export function parseWebAddress(raw: string): URL {
  const trimmed = raw.trim()
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`)
  } catch {
    throw new DatelineError('BAD_URL', `"${truncate(trimmed, 80)}" is not a web address.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DatelineError(
      'BAD_URL',
      `Dateline only fetches web addresses (http:// or https://), not ${url.protocol.replace(':', '')}: links.`,
    )
  }
  if (url.username || url.password) {
    throw new DatelineError('BAD_URL', 'Web addresses with a user name or password in them are not fetched.')
  }
  return url
}

/** Fetches an article page with a time limit, a size cap, a redirect limit and a content-type check. */
export async function fetchPage(
  address: string,
  fetchFn: FetchFunction = fetch,
  limits: FetchLimits = defaultPageLimits,
): Promise<FetchedPage> {
  let url = parseWebAddress(address)
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs)
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await request(url, fetchFn, controller.signal)
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel()
        if (redirects >= limits.maxRedirects) {
          throw new DatelineError(
            'FETCH_FAILED',
            `${url.host} redirected more than ${limits.maxRedirects} times.`,
          )
        }
        url = parseWebAddress(new URL(location, url).href)
        continue
      }
      if (!response.ok) {
        await response.body?.cancel()
        throw httpError(response.status, url)
      }
      const contentType = response.headers.get('content-type') ?? ''
      const kind = pageKind(contentType)
      if (!kind) {
        await response.body?.cancel()
        if (FEED_TYPES.has(mediaType(contentType))) {
          throw new DatelineError(
            'NOT_HTML',
            'This link is a feed, not an article. Add it under Feeds to have its articles arrive.',
          )
        }
        throw new DatelineError(
          'NOT_HTML',
          `This link is not a web page (it is ${mediaType(contentType) || 'of an unknown type'}). ` +
            'Dateline saves web articles, HTML files and text files.',
        )
      }
      const bytes = await readCappedBody(response, limits.maxBytes)
      if (!bytes) {
        throw new DatelineError(
          'TOO_LARGE',
          `The page at ${url.host} is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB, so Dateline did not save it.`,
        )
      }
      return { finalUrl: url.href, kind, body: decodeText(bytes, contentType), contentType }
    }
  } catch (error) {
    if (controller.signal.aborted) {
      throw new DatelineError(
        'TIMEOUT',
        `${url.host} did not send the page within ${Math.round(limits.timeoutMs / 1000)} seconds. Try again later.`,
      )
    }
    throw error
  } finally {
    clearTimeout(timer)
  }
}

async function request(url: URL, fetchFn: FetchFunction, signal: AbortSignal): Promise<Response> {
  try {
    return await retryCutConnection(fetchFn)(url.href, {
      redirect: 'manual',
      signal,
      headers: {
        'user-agent': USER_AGENT,
        accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5',
        'accept-language': 'en;q=0.9,*;q=0.5',
      },
    })
  } catch (error) {
    if (signal.aborted) throw error
    const reason = plainNetworkReason(failureCode(error))
    throw new DatelineError(
      'FETCH_FAILED',
      `Dateline could not reach ${url.host}${reason ? `: ${reason}` : ''}. Check the address and your connection.`,
    )
  }
}

function httpError(status: number, url: URL): DatelineError {
  const where = url.host
  if (status === 404 || status === 410) {
    return new DatelineError(
      'HTTP_ERROR',
      `The page was not found on ${where} (${status}). Check the address.`,
    )
  }
  if (status === 401 || status === 402 || status === 403) {
    return new DatelineError(
      'HTTP_ERROR',
      `${where} refused to send the page (${status}). The article may be behind a paywall or need a login.`,
    )
  }
  if (status === 429) {
    return new DatelineError(
      'HTTP_ERROR',
      `${where} is asking for fewer requests (429). Try again in a while.`,
    )
  }
  return new DatelineError('HTTP_ERROR', `${where} answered with an error (${status}). Try again later.`)
}

/** A feed's own media types; text/xml is left out, as pages are served with it too. */
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json'])

function mediaType(contentType: string): string {
  return contentType.split(';')[0]?.trim().toLowerCase() ?? ''
}

function pageKind(contentType: string): 'html' | 'text' | null {
  const type = mediaType(contentType)
  if (type === '' || type === 'text/html' || type === 'application/xhtml+xml') return 'html'
  if (type === 'text/plain') return 'text'
  return null
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
