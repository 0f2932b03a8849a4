/**
 * The extension's calls to Dateline on this machine (src/main/extension/extension-routes.ts):
 * loopback only, the extension's token in the Authorization header, and every answer turned into
 * one of four outcomes the popup and the queue can act on.
 */
export const DEFAULT_PORT = 4417

export interface Connection {
  port: number
  token: string
}

export type Outcome<T> =
  | { kind: 'ok'; value: T }
  /** Nothing answers on the port: Dateline is not running (the save waits in the queue). */
  | { kind: 'unreachable' }
  /** Dateline answered but does not know this extension (never paired, or revoked). */
  | { kind: 'unpaired'; message: string }
  /** Dateline refused this one call, with its reason (not an article, too large, …). */
  | { kind: 'failed'; message: string }

export type Route = 'pair' | 'status' | 'save-page' | 'save-link' | 'show'

export interface SavedArticle {
  article: { id: string; title: string; url: string | null }
  updated: boolean
  warnings: string[]
  collection: { id: number; name: string } | null
}

export interface Status {
  collections: { id: number; name: string }[]
}

interface Answer<T> {
  ok?: boolean
  value?: T
  error?: { message?: string }
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

export function validPort(value: unknown): number | null {
  const port = typeof value === 'number' ? value : Number(String(value).trim())
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : null
}

export async function callDateline<T>(
  port: number,
  route: Route,
  body: unknown,
  token: string | null,
  fetchFn: FetchLike = (url, init) => fetch(url, init),
): Promise<Outcome<T>> {
  let response: Response
  try {
    response = await fetchFn(`http://127.0.0.1:${port}/extension/v1/${route}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    })
  } catch {
    return { kind: 'unreachable' }
  }
  let answer: Answer<T> | null
  try {
    answer = (await response.json()) as Answer<T> | null
  } catch {
    answer = null
  }
  if (response.ok && answer?.ok) return { kind: 'ok', value: answer.value as T }
  const message =
    answer?.error?.message ??
    `Something else answers on port ${port} (HTTP ${response.status}): check the port Dateline shows.`
  if (response.status === 401 && route !== 'pair') return { kind: 'unpaired', message }
  return { kind: 'failed', message }
}

/** What this extension calls itself when pairing, so the person recognises it in Dateline's list. */
export function browserName(userAgent: string): string {
  const browser = /Firefox\//.test(userAgent)
    ? 'Firefox'
    : /Edg\//.test(userAgent)
      ? 'Edge'
      : /OPR\//.test(userAgent)
        ? 'Opera'
        : /Chrome\//.test(userAgent)
          ? /Chromium/.test(userAgent)
            ? 'Chromium'
            : 'Chrome'
          : 'Browser'
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /Mac OS X|Macintosh/.test(userAgent)
      ? 'macOS'
      : /CrOS/.test(userAgent)
        ? 'ChromeOS'
        : /Linux/.test(userAgent)
          ? 'Linux'
          : null
  return system ? `${browser} on ${system}` : browser
}
