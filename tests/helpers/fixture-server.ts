import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What one route answers. */
export interface FixtureResponse {
  status?: number
  headers?: Record<string, string>
  body?: string | Uint8Array
  /** Send headers, then never finish the body (or, with `headersFirst: false`, never answer at all). */
  hang?: boolean
  headersFirst?: boolean
  /** Stream this many bytes of filler after `body`, in 64 KB chunks. */
  fillerBytes?: number
  /** Whether a streamed body declares its length; defaults to true. */
  declareLength?: boolean
}

export type FixtureRoute = FixtureResponse | ((request: IncomingMessage) => FixtureResponse)

export interface FixtureServer {
  readonly origin: string
  readonly port: number
  /** Absolute URL of a path on this server. */
  url(path: string): string
  /** Adds or replaces a route while the server runs. */
  route(path: string, route: FixtureRoute): void
  /** Paths requested so far, query included, in order. */
  readonly requests: string[]
  close(): Promise<void>
}

export function html(body: string, headers: Record<string, string> = {}): FixtureResponse {
  return { headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body }
}

export function redirect(location: string, status = 302): FixtureResponse {
  return { status, headers: { location }, body: '' }
}

export function image(bytes: Uint8Array, contentType: string): FixtureResponse {
  return { headers: { 'content-type': contentType }, body: bytes }
}

export function status(code: number, body = `status ${code}`): FixtureResponse {
  return { status: code, headers: { 'content-type': 'text/html' }, body }
}

/**
 * A web site for one test: routes map a path (with query, or without as a fallback) to a response.
 * It listens on 127.0.0.1 on a free port; unknown paths get 404.
 */
export async function startFixtureServer(routes: Record<string, FixtureRoute> = {}): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes))
  const requests: string[] = []
  const hanging = new Set<ServerResponse>()

  const server = createServer((request, response) => {
    const path = request.url ?? '/'
    requests.push(path)
    const route = table.get(path) ?? table.get(path.split('?')[0] ?? path)
    const answer: FixtureResponse = route
      ? typeof route === 'function'
        ? route(request)
        : route
      : status(404, 'Not found')
    respond(answer, response)
  })

  function respond(answer: FixtureResponse, response: ServerResponse): void {
    if (answer.hang && answer.headersFirst === false) {
      hanging.add(response)
      return
    }
    const body =
      typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : Buffer.from(answer.body ?? '')
    const filler = answer.fillerBytes ?? 0
    const headers: Record<string, string | number> = { ...answer.headers }
    if (answer.declareLength !== false && !answer.hang) headers['content-length'] = body.length + filler
    response.writeHead(answer.status ?? 200, headers)
    if (answer.hang) {
      response.write(body)
      hanging.add(response)
      return
    }
    if (filler === 0) {
      response.end(body)
      return
    }
    response.write(body)
    streamFiller(response, filler)
  }

  function streamFiller(response: ServerResponse, bytes: number): void {
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    let left = bytes
    const pump = (): void => {
      while (left > 0) {
        if (response.destroyed) return
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left)
        left -= piece.length
        if (!response.write(piece)) {
          response.once('drain', pump)
          return
        }
      }
      response.end()
    }
    response.on('close', () => {
      left = 0
    })
    pump()
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`

  return {
    origin,
    port,
    url: (path) => new URL(path, origin).href,
    route: (path, route) => void table.set(path, route),
    requests,
    async close() {
      for (const response of hanging) response.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** A port that nothing listens on: bound, read, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
