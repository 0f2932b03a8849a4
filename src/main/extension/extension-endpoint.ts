import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { EXTENSION_PORT } from '@shared/extension'
import type { DatelineApp } from '../app'
import { allowedHost } from '../serve/auth'
import { answerExtensionRequest } from './extension-routes'

export interface ExtensionEndpoint {
  port: number
  close(): Promise<void>
}

/**
 * The desktop app's door for the browser extension: 127.0.0.1 only, the extension's calls only
 * (the window itself talks over IPC). `dateline serve` answers the same calls on its own port.
 */
export async function startExtensionEndpoint(
  app: Pick<DatelineApp, 'dispatch' | 'extensions' | 'events'>,
  port: number = EXTENSION_PORT,
): Promise<ExtensionEndpoint> {
  const host = '127.0.0.1'
  let boundPort = port
  const server: Server = createServer((request, response) => {
    response.setHeader('X-Content-Type-Options', 'nosniff')
    // A page on another name that resolves to 127.0.0.1 (DNS rebinding) is not let in.
    if (!allowedHost(request.headers.host, boundPort, host)) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end('Unknown host name.')
      return
    }
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    if (!pathname.startsWith('/extension/')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found.')
      return
    }
    answerExtensionRequest(request, response, pathname, app).catch(() => {
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  boundPort = (server.address() as AddressInfo).port
  return {
    port: boundPort,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
