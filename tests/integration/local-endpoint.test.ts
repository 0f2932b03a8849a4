import { request } from 'node:http'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp, type DatelineApp } from '../../src/main/app'
import {
  connectToRunningLibrary,
  startLocalEndpoint,
  type LocalEndpoint,
} from '../../src/main/serve/local-endpoint'
import { makeTempDir, removeDir } from '../helpers/temp-library'

let root: string
let app: DatelineApp
let endpoint: LocalEndpoint

interface Answer {
  status: number
  text: string
}

/** A request over the endpoint's socket, path sent exactly as given. */
function send(path: string, options: { token?: string; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath: endpoint.socket,
        path,
        method: 'POST',
        headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

async function token(): Promise<string> {
  const info = JSON.parse(await readFile(app.library.layout.endpoint, 'utf8')) as { token: string }
  return info.token
}

beforeEach(async () => {
  root = await makeTempDir('dateline-endpoint-')
  app = await openApp({ libraryDir: join(root, 'library'), extraction: 'inline' })
  endpoint = await startLocalEndpoint(app, app.library.layout)
})

afterEach(async () => {
  await endpoint.close()
  await app.close()
  await removeDir(root)
})

describe('the local endpoint the CLI talks to', () => {
  it('refuses a malformed escape without the token, and keeps answering', async () => {
    expect((await send('/api/%E0%A4%A')).status).toBe(401)
    const info = await send('/api/library.info', { token: await token() })
    expect(JSON.parse(info.text)).toMatchObject({ ok: true })
  })

  it('answers a malformed escape with the token as an error value, not a crash', async () => {
    const answer = await send('/api/%E0%A4%A', { token: await token() })
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } })
    expect(JSON.parse((await send('/api/library.info', { token: await token() })).text).ok).toBe(true)
  })

  it('answers a body that is not JSON with a clear error', async () => {
    const answer = await send('/api/library.info', { token: await token(), body: '{not json' })
    expect(JSON.parse(answer.text)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('is not steered to another socket by a crafted library.endpoint', async () => {
    const layout = app.library.layout
    const info = JSON.parse(await readFile(layout.endpoint, 'utf8'))
    await writeFile(layout.endpoint, JSON.stringify({ ...info, socket: join(root, 'someone-else.sock') }))
    expect(await connectToRunningLibrary(layout)).toBeNull()
  })
})
