import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname } from 'node:path'
import { eventNames } from '@shared/contract'
import { DatelineError, type ErrorCode } from '@shared/errors'
import { imageContentTypes } from '@shared/media'
import type { DatelineApp } from '../app'
import { answerExtensionRequest } from '../extension/extension-routes'
import { allowedHost, bearerToken, hostForUrl, newToken, resolveListenAddress, sameToken } from './auth'
import { MAX_CALL_BYTES, readJsonBody } from './request-body'
import { readStaticFile } from './static-files'

export interface BrowserHostOptions {
  app: DatelineApp
  /** The built renderer (out/renderer). */
  rendererDir: string
  host?: string
  /** 0 picks a free port. */
  port?: number
  token?: string
}

export interface BrowserHost {
  /** The address to open, with the token that unlocks it. */
  url: string
  port: number
  token: string
  close(): Promise<void>
}

/** The app's own pages may load only themselves; the article frame inherits this policy. */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  UNKNOWN_PROCEDURE: 404,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  INTERNAL: 500,
}

/**
 * `dateline serve`: the built renderer and the service table over HTTP, on loopback by default,
 * unlocked by a random key that is part of every address of the session (see sessionPrefix).
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  // Listen on the address, never a name: the Host check below depends on knowing it is loopback.
  const host = await resolveListenAddress(options.host ?? '127.0.0.1')
  const token = options.token ?? newToken()
  let port = options.port ?? 0
  const sseClients = new Set<ServerResponse>()
  /**
   * The key travels in the path, not in a cookie: a browser sends the cookies of 127.0.0.1 to every
   * port, so any other local web server it visits would receive them. Everything of the app (page,
   * API, events, pictures) lives under this folder; scripts may instead send `Authorization: Bearer`.
   */
  const sessionPrefix = `/s/${token}/`

  /** The path inside the session when the request carries the key, '' for the bare folder, else null. */
  function authorisedPath(request: IncomingMessage, pathname: string): string | null {
    if (pathname.startsWith('/s/')) {
      const end = pathname.indexOf('/', 3)
      const given = end === -1 ? pathname.slice(3) : pathname.slice(3, end)
      if (!sameToken(given, token)) return null
      return end === -1 ? '' : pathname.slice(end)
    }
    return sameToken(bearerToken(request), token) ? pathname : null
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        sendJson(response, 500, { ok: false, error: { code: 'INTERNAL', message: String(error) } })
      else response.end()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    response.setHeader('X-Content-Type-Options', 'nosniff')
    response.setHeader('Referrer-Policy', 'no-referrer')
    if (!allowedHost(request.headers.host, port, host)) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end('Unknown host name.')
      return
    }
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`)
    // The browser extension has its own token and origin checks, and only its few calls.
    if (url.pathname.startsWith('/extension/')) {
      return answerExtensionRequest(request, response, url.pathname, options.app)
    }

    // A link of the older ?token= form still works: it leads into the session's folder.
    const offered = url.searchParams.get('token')
    if (offered !== null && request.method === 'GET') {
      if (!sameToken(offered, token)) return sendUnauthorised(response, url.pathname)
      response.writeHead(303, { location: sessionPrefix }).end()
      return
    }
    const path = authorisedPath(request, url.pathname)
    if (path === null) return sendUnauthorised(response, url.pathname)
    if (path === '') {
      // Relative links of the app need the trailing slash.
      response.writeHead(308, { location: sessionPrefix }).end()
      return
    }

    if (path === '/api/events' && request.method === 'GET') return openEventStream(response)
    if (path.startsWith('/api/')) return callProcedure(request, response, path.slice(5))
    if (path.startsWith('/media/') && request.method === 'GET') return sendMedia(response, path.slice(1))
    if (path.startsWith('/exports/') && request.method === 'GET') {
      if (await options.app.exportDownloads.send(path.slice('/exports/'.length), response)) return
    }
    if (request.method !== 'GET') {
      response.writeHead(405).end()
      return
    }
    const file = await readStaticFile(options.rendererDir, path)
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found.')
      return
    }
    response.writeHead(200, {
      'content-type': file.contentType,
      'content-security-policy': PAGE_CSP,
      'x-frame-options': 'DENY',
      'cache-control': 'no-cache',
    })
    response.end(file.body)
  }

  async function callProcedure(
    request: IncomingMessage,
    response: ServerResponse,
    name: string,
  ): Promise<void> {
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'POST' }).end()
      return
    }
    const origin = request.headers.origin
    if (origin && origin !== `http://${request.headers.host}`) {
      return sendJson(response, 403, {
        ok: false,
        error: { code: 'UNAUTHORIZED', message: 'Cross-site calls are refused.' },
      })
    }
    let input: unknown
    try {
      input = await readJsonBody(request, MAX_CALL_BYTES)
    } catch (error) {
      return sendJson(response, 400, {
        ok: false,
        error: { code: 'INVALID_INPUT', message: (error as Error).message },
      })
    }
    const result = await options.app.dispatch(name, input)
    sendJson(response, result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 422), result)
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    })
    response.write(': connected\n\n')
    sseClients.add(response)
    response.on('close', () => sseClients.delete(response))
  }

  async function sendMedia(response: ServerResponse, relative: string): Promise<void> {
    const bytes = await options.app.library.media.read(relative)
    if (!bytes) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, {
      'content-type': imageContentTypes[extname(relative).slice(1)] ?? 'application/octet-stream',
      'content-length': bytes.length,
      // Content-addressed: the bytes behind a name never change.
      'cache-control': 'private, max-age=31536000, immutable',
      // An SVG opened on its own must not run its scripts.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    })
    response.end(bytes)
  }

  const unsubscribe = options.app.events.subscribe((event, payload) => {
    if (!eventNames.includes(event)) return
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const client of sseClients) client.write(frame)
  })

  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException): void => {
      unsubscribe()
      reject(listenError(error, host, port))
    }
    server.once('error', fail)
    server.listen(port, host, () => {
      server.off('error', fail)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port
  const shownHost = hostForUrl(host)

  return {
    url: `http://${shownHost}:${port}${sessionPrefix}`,
    port,
    token,
    async close() {
      unsubscribe()
      for (const client of sseClients) client.end()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === 'EADDRINUSE') {
    return new DatelineError(
      'PORT_IN_USE',
      `Port ${port} on ${host} is already in use (perhaps by another dateline serve). Choose another with --port.`,
    )
  }
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
    return new DatelineError('INVALID_INPUT', `${host} is not an address of this machine.`)
  }
  return error
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  })
  response.end(JSON.stringify(body))
}

function sendUnauthorised(response: ServerResponse, path: string): void {
  if (path.includes('/api/') || path.includes('/media/')) {
    return sendJson(response, 401, {
      ok: false,
      error: {
        code: 'UNAUTHORIZED',
        message: 'Open the link that `dateline serve` printed; it carries the key to this library.',
      },
    })
  }
  response.writeHead(401, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'",
  })
  response.end(
    '<!doctype html><meta charset="utf-8"><title>Dateline</title>' +
      '<p style="font:16px system-ui;margin:3em auto;max-width:36em">This Dateline library is locked. ' +
      'Open the full link that <code>dateline serve</code> printed: it carries the key.</p>',
  )
}
