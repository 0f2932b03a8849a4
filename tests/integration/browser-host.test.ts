import { connect } from 'node:net'
import { mkdir, writeFile } from 'node:fs/promises'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp, type DatelineApp } from '../../src/main/app'
import { startBrowserHost, type BrowserHost } from '../../src/main/serve/browser-host'
import { eutodayText } from '../helpers/article-page'
import { openEventStream, rawRequest, type EventStream, type RawRequest } from '../helpers/http-client'
import { makePng } from '../helpers/images'
import { makeTempDir, removeDir } from '../helpers/temp-library'

const INDEX_HTML = '<!doctype html><title>Dateline test shell</title><div id="root"></div>'

let root: string
let app: DatelineApp
let host: BrowserHost
let stream: EventStream | null = null

/**
 * A request to the host; `auth` decides how it carries the key: 'session' puts the path inside the
 * session folder (`/s/<key>/...`, as the browser does), 'bearer' sends a header (as a script does).
 */
function send(options: RawRequest & { auth?: 'session' | 'bearer' | 'none' }): ReturnType<typeof rawRequest> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.auth === 'bearer') headers.authorization = `Bearer ${host.token}`
  const path = options.auth === 'session' ? `/s/${host.token}${options.path}` : options.path
  return rawRequest(host.port, { ...options, path, headers })
}

function callApi(
  name: string,
  input: unknown,
  auth: 'session' | 'bearer' | 'none' = 'session',
): ReturnType<typeof rawRequest> {
  return send({
    method: 'POST',
    path: `/api/${name}`,
    auth,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  })
}

beforeEach(async () => {
  root = await makeTempDir()
  const rendererDir = join(root, 'out', 'renderer')
  await mkdir(rendererDir, { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML)
  // A file beside the renderer folder that no URL may reach.
  await writeFile(join(root, 'out', 'secret.txt'), 'secret')
  app = await openApp({ libraryDir: join(root, 'library'), extraction: 'inline' })
  host = await startBrowserHost({ app, rendererDir, port: 0 })
})

afterEach(async () => {
  stream?.close()
  stream = null
  await host.close()
  await app.close()
  await removeDir(root)
})

describe('the browser host is locked by its token', () => {
  it('refuses an API call without the token with 401', async () => {
    const response = await callApi('articles.list', {}, 'none')
    expect(response.status).toBe(401)
    expect(JSON.parse(response.text)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
  })

  it('refuses the page itself without the token with 401', async () => {
    const response = await send({ path: '/' })
    expect(response.status).toBe(401)
    expect(response.text).not.toContain('Dateline test shell')
  })

  it('refuses a wrong token in the URL with 401 and sets no cookie', async () => {
    const response = await send({ path: '/?token=WRONG' })
    expect(response.status).toBe(401)
    expect(response.headers['set-cookie']).toBeUndefined()
  })

  it('leads an older ?token= link into the session folder, and sets no cookie', async () => {
    const response = await send({ path: `/?token=${host.token}` })
    expect(response.status).toBe(303)
    expect(response.headers.location).toBe(`/s/${host.token}/`)
    expect(response.headers['set-cookie']).toBeUndefined()
  })

  it('keeps the key out of cookies, which browsers would send to every port of 127.0.0.1', async () => {
    const page = await send({ path: '/', auth: 'session' })
    expect(page.status).toBe(200)
    expect(page.headers['set-cookie']).toBeUndefined()
    const withCookieOnly = await send({
      path: '/api/articles.list',
      method: 'POST',
      headers: { cookie: `dateline_token_${host.port}=${host.token}` },
    })
    expect(withCookieOnly.status).toBe(401)
  })

  it('refuses a session folder with the wrong key', async () => {
    expect((await send({ path: '/s/WRONG/' })).status).toBe(401)
    expect((await send({ path: '/s/WRONG/api/library.info', method: 'POST', body: '{}' })).status).toBe(401)
  })

  it('answers API calls made inside the session folder', async () => {
    const response = await callApi('articles.list', {}, 'session')
    expect(response.status).toBe(200)
    expect(JSON.parse(response.text)).toMatchObject({ ok: true, value: { total: 0, offset: 0, items: [] } })
  })

  it('answers API calls carrying an Authorization: Bearer token', async () => {
    const response = await callApi('library.info', {}, 'bearer')
    expect(response.status).toBe(200)
    expect(JSON.parse(response.text)).toMatchObject({ ok: true, value: { articleCount: 0 } })
  })

  it('serves the page with a Content-Security-Policy once unlocked', async () => {
    const response = await send({ path: '/', auth: 'session' })
    expect(response.status).toBe(200)
    expect(response.text).toBe(INDEX_HTML)
    expect(response.headers['content-security-policy']).toContain("default-src 'self'")
    expect(response.headers['content-security-policy']).toContain("object-src 'none'")
    expect(response.headers['x-content-type-options']).toBe('nosniff')
  })
})

describe('the browser host refuses other sites', () => {
  it.each(['evil.example', 'evil.example:80', `evil.example:PORT`, 'localhost.evil.example:PORT'])(
    'answers 421 to a Host header of %s, even with the token (DNS rebinding)',
    async (hostHeader) => {
      const response = await send({
        method: 'POST',
        path: '/api/articles.list',
        auth: 'session',
        headers: { host: hostHeader.replace('PORT', String(host.port)) },
        body: '{}',
      })
      expect(response.status).toBe(421)
    },
  )

  it('accepts localhost as a Host name', async () => {
    const response = await send({ path: '/', auth: 'session', headers: { host: `localhost:${host.port}` } })
    expect(response.status).toBe(200)
  })

  it('refuses a call whose Origin is another site with 403', async () => {
    const response = await send({
      method: 'POST',
      path: '/api/articles.list',
      auth: 'session',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(403)
  })

  it('answers 405 to an API call with the wrong method', async () => {
    const response = await send({ method: 'GET', path: '/api/articles.list', auth: 'session' })
    expect(response.status).toBe(405)
  })

  it('answers an unknown procedure with 404 UNKNOWN_PROCEDURE and bad input with 400', async () => {
    const unknown = await callApi('articles.nuke', {})
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.text)).toMatchObject({ error: { code: 'UNKNOWN_PROCEDURE' } })
    const invalid = await callApi('articles.list', { limit: 100000 })
    expect(invalid.status).toBe(400)
    const notJson = await send({ method: 'POST', path: '/api/articles.list', auth: 'session', body: '{oops' })
    expect(notJson.status).toBe(400)
  })

  it('listens on 127.0.0.1 only by default', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/s/${host.token}/`)
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i !== undefined && !i.internal)
      .map((i) => i!.address)
    for (const address of ['::1', ...others]) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: host.port })
        socket.once('connect', () => {
          socket.destroy()
          resolve(true)
        })
        socket.once('error', () => resolve(false))
      })
      expect(reached, `reachable on ${address}`).toBe(false)
    }
  })
})

describe('the browser host serves stored pictures, and nothing else, under /media/', () => {
  it('serves a stored picture with an image content type', async () => {
    const png = makePng(2, 2)
    const path = await app.library.media.store(png, 'png')

    const response = await send({ path: `/${path}`, auth: 'session' })

    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('image/png')
    expect(new Uint8Array(response.body)).toEqual(png)
  })

  it('refuses a stored picture without the token', async () => {
    const path = await app.library.media.store(makePng(), 'png')
    expect((await send({ path: `/${path}` })).status).toBe(401)
  })

  it.each([
    '/media/../library.json',
    '/media/ab/..%2f..%2flibrary.json',
    '/media/..%2f..%2flibrary%2flibrary.json',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/media/ab/' + 'a'.repeat(64) + '.png',
  ])('refuses %s, serving nothing outside the app and the media folder', async (path) => {
    const response = await send({ path, auth: 'session' })
    // A dot segment that climbs out of the session folder also leaves the key behind: 401, not 404.
    expect([401, 404]).toContain(response.status)
    expect(response.text).not.toContain('dateline-library')
    expect(response.text).not.toContain('secret')
  })

  it('answers 404, not a server error, to a malformed percent-escape', async () => {
    const response = await send({ path: '/%E0%A4%A', auth: 'session' })
    expect(response.status).toBe(404)
  })
})

describe('the browser host pushes events', () => {
  it('delivers library.changed on /api/events after an add', async () => {
    stream = await openEventStream(host.port, `/s/${host.token}/api/events`, {})
    expect(stream.response.statusCode).toBe(200)
    expect(stream.response.headers['content-type']).toBe('text/event-stream')
    await stream.waitFor(/^: connected/)

    const added = JSON.parse((await callApi('articles.add', { kind: 'text', text: eutodayText() })).text) as {
      value: { article: { id: string } }
    }

    const frame = await stream.waitFor(/^event: library\.changed/)
    expect(JSON.parse(frame.split('\ndata: ')[1]!)).toEqual({ ids: [added.value.article.id] })
    await stream.waitFor(/^event: capture\.progress\ndata: .*"stage":"done"/)
  })

  it('refuses the event stream without the token', async () => {
    expect((await send({ path: '/api/events' })).status).toBe(401)
  })
})

describe('starting the browser host', () => {
  it('says the port is taken, in a sentence, when another host already listens on it', async () => {
    const second = startBrowserHost({ app, rendererDir: join(root, 'out', 'renderer'), port: host.port })
    await expect(second).rejects.toThrow(`Port ${host.port} on 127.0.0.1 is already in use`)
  })
})
