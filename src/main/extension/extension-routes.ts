import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { toErrorInfo, type CallResult, type ErrorCode } from '@shared/errors'
import { MAX_PAGE_CHARS } from '@shared/extension'
import type { DatelineApp } from '../app'
import { bearerToken } from '../serve/auth'
import { readJsonBody } from '../serve/request-body'

/**
 * The browser extension's own door into Dateline, on the loopback port of `dateline serve` and of
 * the desktop app (extension-endpoint.ts). Separate from /api/ on purpose: an extension gets only
 * these few calls, never the whole library, and each one must come from an extension's origin
 * (chrome-extension://, moz-extension://) with that extension's own token. A web page's fetch
 * carries its own origin, which the browser sets and the page cannot change: it is refused, its
 * CORS preflight too, without a single CORS header, so the page cannot even read the refusal.
 */
export const EXTENSION_PATH = '/extension/v1/'

/** What an extension's origin looks like: its scheme and one host label (Chrome's id, Firefox's UUID). */
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]{1,64}$/

/** Small calls; a page is up to 10 MB of characters, up to 4 bytes each inside JSON. */
const SMALL_BODY_BYTES = 64 * 1024
const PAGE_BODY_BYTES = MAX_PAGE_CHARS * 4 + SMALL_BODY_BYTES

const PairInput = z
  .object({
    code: z.string().min(1, 'Type the code Dateline shows').max(64),
    name: z.string().max(200).default('Browser extension'),
  })
  .strict()

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  BAD_URL: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  TOO_LARGE: 413,
  INTERNAL: 500,
}

type Route = 'pair' | 'status' | 'save-page' | 'save-link' | 'show'
const ROUTES: readonly Route[] = ['pair', 'status', 'save-page', 'save-link', 'show']

export function isExtensionOrigin(origin: string | undefined): origin is string {
  return origin !== undefined && EXTENSION_ORIGIN.test(origin)
}

/** Answers one request under /extension/v1/ (the host has already checked the Host header). */
export async function answerExtensionRequest(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  app: Pick<DatelineApp, 'dispatch' | 'extensions' | 'events'>,
): Promise<void> {
  const origin = request.headers.origin
  if (!isExtensionOrigin(origin)) {
    return send(response, 403, null, {
      code: 'UNAUTHORIZED',
      message: 'Only the Dateline browser extension may call this address.',
    })
  }
  if (request.method === 'OPTIONS') {
    response.writeHead(204, {
      ...corsHeaders(origin),
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-max-age': '600',
    })
    response.end()
    return
  }
  const route = pathname.slice(EXTENSION_PATH.length) as Route
  if (!pathname.startsWith(EXTENSION_PATH) || !ROUTES.includes(route)) {
    return send(response, 404, origin, { code: 'NOT_FOUND', message: 'There is no such call.' })
  }
  if (request.method !== 'POST') {
    response.writeHead(405, { allow: 'POST', ...corsHeaders(origin) }).end()
    return
  }

  if (route !== 'pair') {
    const extension = app.extensions.paired.verify(bearerToken(request), origin)
    if (!extension) {
      return send(response, 401, origin, {
        code: 'UNAUTHORIZED',
        message: 'This browser is not paired with Dateline, or its pairing was revoked. Pair it again.',
      })
    }
  }

  let body: unknown
  try {
    body = await readJsonBody(request, route === 'save-page' ? PAGE_BODY_BYTES : SMALL_BODY_BYTES)
  } catch (error) {
    const tooLarge = (error as Error).message.includes('larger')
    return send(response, tooLarge ? 413 : 400, origin, {
      code: tooLarge ? 'TOO_LARGE' : 'INVALID_INPUT',
      message: (error as Error).message,
    })
  }

  const result = await call(route, body, origin, app)
  send(response, result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 422), origin, result)
}

async function call(
  route: Route,
  body: unknown,
  origin: string,
  app: Pick<DatelineApp, 'dispatch' | 'extensions' | 'events'>,
): Promise<CallResult<unknown>> {
  switch (route) {
    case 'pair':
      return pair(body, origin, app)
    case 'status':
      return status(app)
    case 'save-page':
      return app.dispatch('extension.savePage', body)
    case 'save-link':
      return app.dispatch('extension.saveLink', body)
    case 'show':
      return app.dispatch('extension.showArticle', body)
  }
}

async function pair(
  body: unknown,
  origin: string,
  app: Pick<DatelineApp, 'extensions' | 'events'>,
): Promise<CallResult<unknown>> {
  const input = PairInput.safeParse(body)
  if (!input.success) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: 'Type the code Dateline shows.' } }
  }
  try {
    const { token, extension } = await app.extensions.pair(input.data.code, input.data.name, origin)
    app.events.emit('extension.paired', { id: extension.id, name: extension.name })
    return { ok: true, value: { token, id: extension.id } }
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) }
  }
}

/** What the extension's popup needs: that Dateline is there, and the collections to pick from. */
async function status(app: Pick<DatelineApp, 'dispatch'>): Promise<CallResult<unknown>> {
  const listed = await app.dispatch('collections.list', {})
  if (!listed.ok) return listed
  const { collections } = listed.value as { collections: { id: number; name: string; filter: unknown }[] }
  return {
    ok: true,
    value: {
      collections: collections
        .filter((collection) => collection.filter === null)
        .map(({ id, name }) => ({ id, name })),
    },
  }
}

function corsHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, vary: 'Origin' }
}

function send(
  response: ServerResponse,
  statusCode: number,
  origin: string | null,
  body: CallResult<unknown> | { code: ErrorCode; message: string },
): void {
  const value = 'ok' in body ? body : { ok: false, error: body }
  response.writeHead(statusCode, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(origin ? corsHeaders(origin) : {}),
  })
  response.end(JSON.stringify(value))
}
