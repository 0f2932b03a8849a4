import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
  text: string
}

export interface RawRequest {
  method?: string
  /** Sent exactly as given: no normalisation of `..` or percent-escapes, unlike fetch. */
  path: string
  headers?: Record<string, string>
  body?: string
  host?: string
}

/**
 * One HTTP request with full control over the path and the Host header (fetch normalises the first
 * and forbids the second), for testing what a hostile client could send.
 */
export function rawRequest(port: number, options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.host ?? '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const body = Buffer.concat(chunks)
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

export interface EventStream {
  response: IncomingMessage
  /** Resolves with the first frame whose text matches, from what has arrived or will arrive. */
  waitFor(pattern: RegExp): Promise<string>
  close(): void
}

/** Opens a server-sent event stream and collects its frames. */
export function openEventStream(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const frames: string[] = []
    const waiters: { pattern: RegExp; resolve: (frame: string) => void }[] = []
    let buffer = ''
    const req = request(
      { host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          buffer += chunk
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            frames.push(frame)
            for (const waiter of [...waiters]) {
              if (waiter.pattern.test(frame)) {
                waiters.splice(waiters.indexOf(waiter), 1)
                waiter.resolve(frame)
              }
            }
          }
        })
        res.on('error', () => {})
        resolve({
          response: res,
          waitFor: (pattern) => {
            const seen = frames.find((frame) => pattern.test(frame))
            if (seen !== undefined) return Promise.resolve(seen)
            return new Promise((done) => waiters.push({ pattern, resolve: done }))
          },
          close: () => req.destroy(),
        })
      },
    )
    req.on('error', reject)
    req.end()
  })
}
