import { createHash } from 'node:crypto'
import { chmod, lstat, mkdir, readFile, rm } from 'node:fs/promises'
import { createServer, request, type IncomingMessage, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CallResult, ErrorCode } from '@shared/errors'
import type { DatelineApp } from '../app'
import type { Dispatch } from '../api/dispatch'
import { writeFileAtomic } from '../library/atomic-file'
import type { LibraryLayout } from '../library/layout'
import { newToken, sameToken } from './auth'
import { MAX_CALL_BYTES, readJsonBody } from './request-body'

/**
 * Only one process may write to a library, so `dateline add` while the desktop app (or `dateline
 * serve`) has it open would be refused. Instead, the running host listens on a socket only this
 * user can open (a Unix socket with mode 0600, or a named pipe on Windows), advertised with a
 * token in `library.endpoint` (mode 0600), and the CLI sends its calls there: same dispatcher,
 * same validation, and the open window updates at once.
 */
interface EndpointInfo {
  pid: number
  socket: string
  token: string
}

export interface LocalEndpoint {
  socket: string
  close(): Promise<void>
}

/** One call, as a value whatever arrives: a bad escape, a body that is not JSON or is too large. */
async function answerCall(
  dispatch: Dispatch,
  url: string,
  req: IncomingMessage,
): Promise<CallResult<unknown>> {
  const name = procedureName(url)
  if (name === null) return callError('UNKNOWN_PROCEDURE', 'There is no such procedure.')
  let input: unknown
  try {
    input = await readJsonBody(req, MAX_CALL_BYTES)
  } catch (error) {
    return callError('INVALID_INPUT', (error as Error).message)
  }
  return dispatch(name, input)
}

function procedureName(url: string): string | null {
  if (!url.startsWith('/api/')) return null
  try {
    return decodeURIComponent(url.slice(5))
  } catch {
    return null
  }
}

function callError(code: ErrorCode, message: string): CallResult<unknown> {
  return { ok: false, error: { code, message } }
}

export async function socketPathFor(libraryRoot: string): Promise<string> {
  const hash = createHash('sha256').update(libraryRoot).digest('hex').slice(0, 16)
  if (process.platform === 'win32') return `\\\\.\\pipe\\dateline-${hash}`
  // Unix socket paths are limited to about 100 bytes, so they cannot live inside a deep library
  // path; and a shared /tmp would let another user take the name first, so use a folder of ours.
  return join(await privateRuntimeDir(), `dateline-${hash}.sock`)
}

async function privateRuntimeDir(): Promise<string> {
  if (process.env.XDG_RUNTIME_DIR) return process.env.XDG_RUNTIME_DIR
  const uid = process.getuid?.() ?? 0
  const dir = join(tmpdir(), `dateline-${uid}`)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const info = await lstat(dir)
  if (!info.isDirectory() || info.uid !== uid || (info.mode & 0o077) !== 0) {
    throw new Error(`${dir} is not a private folder of this user`)
  }
  return dir
}

export async function startLocalEndpoint(app: DatelineApp, layout: LibraryLayout): Promise<LocalEndpoint> {
  const socket = await socketPathFor(layout.root)
  const token = newToken()
  const server: Server = createServer((req, res) => {
    // The token first: nothing of a request is looked at before it proves it may call.
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
    if (req.method !== 'POST' || !sameToken(bearer, token)) {
      res.writeHead(401).end()
      return
    }
    void answerCall(app.dispatch, req.url ?? '', req).then(
      (result) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
      () => res.writeHead(500).end(),
    )
  })
  // A socket file left by a process that was killed would make listen() fail with EADDRINUSE.
  if (process.platform !== 'win32') await rm(socket, { force: true })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(socket, () => resolve())
  })
  if (process.platform !== 'win32') await chmod(socket, 0o600)
  const info: EndpointInfo = { pid: process.pid, socket, token }
  await writeFileAtomic(layout.endpoint, JSON.stringify(info), { mode: 0o600 })
  return {
    socket,
    async close() {
      await rm(layout.endpoint, { force: true })
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** A dispatcher that sends each call to the Dateline holding this library, or null if none is reachable. */
export async function connectToRunningLibrary(layout: LibraryLayout): Promise<Dispatch | null> {
  let info: EndpointInfo
  try {
    info = JSON.parse(await readFile(layout.endpoint, 'utf8')) as EndpointInfo
  } catch {
    return null
  }
  if (typeof info.token !== 'string') return null
  // The file is in the library folder, which may have come from anywhere: never let it choose which
  // socket the CLI talks to (another program's socket would receive the call and the token).
  if (info.socket !== (await socketPathFor(layout.root))) return null
  const dispatch: Dispatch = (name, input) => callOverSocket(info, name, input)
  const probe = await dispatch('library.info', {}).catch(() => null)
  return probe ? dispatch : null
}

function callOverSocket(info: EndpointInfo, name: string, input: unknown): Promise<CallResult<unknown>> {
  const body = JSON.stringify(input ?? {})
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath: info.socket,
        path: `/api/${encodeURIComponent(name)}`,
        method: 'POST',
        headers: { authorization: `Bearer ${info.token}`, 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          if (res.statusCode !== 200)
            return reject(new Error(`the running Dateline answered ${res.statusCode}`))
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as CallResult<unknown>)
          } catch (error) {
            reject(error as Error)
          }
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
