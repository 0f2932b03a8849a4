import { readFile, stat } from 'node:fs/promises'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp, type DatelineApp } from '../../src/main/app'
import { startExtensionEndpoint, type ExtensionEndpoint } from '../../src/main/extension/extension-endpoint'
import { MAX_WRONG_ATTEMPTS } from '../../src/main/extension/pairing-codes'
import { startBrowserHost, type BrowserHost } from '../../src/main/serve/browser-host'
import { articlePage } from '../helpers/article-page'
import { image, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { rawRequest, type RawResponse } from '../helpers/http-client'
import { makePng } from '../helpers/images'
import { makeTempDir, removeDir } from '../helpers/temp-library'

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop'
const FIREFOX = 'moz-extension://0f6c1f2a-1d5e-4c5b-9a57-3f6e2b8c9d10'
const WEB_PAGE = 'https://news.example'

let root: string
let now: Date
let app: DatelineApp
let host: BrowserHost
let site: FixtureServer

function call(
  route: string,
  body: unknown,
  options: { origin?: string | null; token?: string; method?: string; port?: number } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const origin = options.origin === undefined ? EXTENSION : options.origin
  if (origin !== null) headers.origin = origin
  if (options.token) headers.authorization = `Bearer ${options.token}`
  return rawRequest(options.port ?? host.port, {
    method: options.method ?? 'POST',
    path: `/extension/v1/${route}`,
    headers,
    body: body === undefined ? '' : JSON.stringify(body),
  })
}

async function pairedToken(origin = EXTENSION): Promise<string> {
  const { code } = await app.services['extension.startPairing']({})
  const response = await call('pair', { code, name: 'Chromium on Linux' }, { origin })
  expect(response.status).toBe(200)
  return (JSON.parse(response.text) as { value: { token: string } }).value.token
}

function errorOf(response: RawResponse): { code: string; message: string } {
  return (JSON.parse(response.text) as { error: { code: string; message: string } }).error
}

beforeEach(async () => {
  root = await makeTempDir()
  const rendererDir = join(root, 'renderer')
  await mkdir(rendererDir, { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>shell</title>')
  now = new Date('2026-05-01T10:00:00Z')
  app = await openApp({ libraryDir: join(root, 'library'), extraction: 'inline', now: () => now })
  host = await startBrowserHost({ app, rendererDir, port: 0 })
  site = await startFixtureServer({ '/img/harbour.png': image(makePng(40, 30), 'image/png') })
})

afterEach(async () => {
  await host.close()
  await app.close()
  await site.close()
  await removeDir(root)
})

describe('pairing a browser extension', () => {
  it('gives a token for the code Dateline shows, once, and lists the extension', async () => {
    const token = await pairedToken()
    expect(token.length).toBeGreaterThanOrEqual(40)
    const { extensions } = await app.services['extension.list']({})
    expect(extensions).toEqual([
      expect.objectContaining({ name: 'Chromium on Linux', origin: EXTENSION, lastUsedAt: null }),
    ])
    const status = await call('status', {}, { token })
    expect(status.status).toBe(200)
    expect(status.headers['access-control-allow-origin']).toBe(EXTENSION)
  })

  it('refuses a replayed pairing code', async () => {
    const { code } = await app.services['extension.startPairing']({})
    expect((await call('pair', { code })).status).toBe(200)
    const replay = await call('pair', { code }, { origin: FIREFOX })
    expect(replay.status).toBe(401)
    expect(errorOf(replay).message).toContain('not pairing')
    expect((await app.services['extension.list']({})).extensions).toHaveLength(1)
  })

  it('voids a code after too many wrong guesses, even if the right one comes next', async () => {
    const { code } = await app.services['extension.startPairing']({})
    for (let i = 0; i < MAX_WRONG_ATTEMPTS; i++) {
      const wrong = await call('pair', { code: 'AAAA-AAAA' })
      expect(wrong.status).toBe(401)
    }
    const right = await call('pair', { code })
    expect(right.status).toBe(401)
    expect((await app.services['extension.list']({})).extensions).toHaveLength(0)
  })

  it('refuses an expired code', async () => {
    const { code } = await app.services['extension.startPairing']({})
    now = new Date(now.getTime() + 6 * 60_000)
    const late = await call('pair', { code })
    expect(late.status).toBe(401)
    expect(errorOf(late).message).toContain('expired')
  })

  it('accepts the code typed in small letters, with spaces instead of the dash', async () => {
    const { code } = await app.services['extension.startPairing']({})
    const typed = ` ${code.toLowerCase().replace('-', ' ')} `
    expect((await call('pair', { code: typed })).status).toBe(200)
  })

  it('keeps only a hash of the token in extensions.json, readable by this user alone', async () => {
    const token = await pairedToken()
    await app.extensions.idle()
    const path = join(root, 'library', 'extensions.json')
    expect(await readFile(path, 'utf8')).not.toContain(token)
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o077).toBe(0)
  })
})

describe('refused callers', () => {
  it('refuses a web page calling the port, without a CORS header to read the answer by', async () => {
    const token = await pairedToken()
    const response = await call('save-link', { url: site.url('/a') }, { origin: WEB_PAGE, token })
    expect(response.status).toBe(403)
    expect(response.headers['access-control-allow-origin']).toBeUndefined()
    expect(response.text).not.toContain(token)
    expect(site.requests).toEqual([])
  })

  it("refuses a web page's CORS preflight", async () => {
    const response = await call('save-page', undefined, { origin: WEB_PAGE, method: 'OPTIONS' })
    expect(response.status).toBe(403)
    expect(response.headers['access-control-allow-origin']).toBeUndefined()
    expect(response.headers['access-control-allow-headers']).toBeUndefined()
  })

  it("answers an extension's preflight for its own origin only", async () => {
    const response = await call('save-page', undefined, { origin: FIREFOX, method: 'OPTIONS' })
    expect(response.status).toBe(204)
    expect(response.headers['access-control-allow-origin']).toBe(FIREFOX)
    expect(response.headers['access-control-allow-headers']).toContain('authorization')
  })

  it('refuses a call with no origin at all, and a web page trying to pair', async () => {
    const token = await pairedToken()
    expect((await call('status', {}, { origin: null, token })).status).toBe(403)
    const { code } = await app.services['extension.startPairing']({})
    expect((await call('pair', { code }, { origin: WEB_PAGE })).status).toBe(403)
    // The page's attempt did not use up the code.
    expect((await call('pair', { code })).status).toBe(200)
  })

  it('refuses an unpaired extension', async () => {
    const response = await call('save-link', { url: site.url('/a') })
    expect(response.status).toBe(401)
    expect(errorOf(response).message).toContain('not paired')
    const guessed = await call('save-link', { url: site.url('/a') }, { token: 'x'.repeat(43) })
    expect(guessed.status).toBe(401)
    expect(site.requests).toEqual([])
  })

  it('refuses a revoked token at once', async () => {
    const token = await pairedToken()
    expect((await call('status', {}, { token })).status).toBe(200)
    const [paired] = (await app.services['extension.list']({})).extensions
    expect(await app.services['extension.revoke']({ id: paired!.id })).toEqual({ revoked: true })
    expect((await call('status', {}, { token })).status).toBe(401)
  })

  it("refuses one extension's token sent from another extension's origin", async () => {
    const token = await pairedToken(EXTENSION)
    expect((await call('status', {}, { token, origin: FIREFOX })).status).toBe(401)
  })

  it('refuses a name that is not this host (DNS rebinding) before looking at anything else', async () => {
    const response = await rawRequest(host.port, {
      method: 'POST',
      path: '/extension/v1/status',
      headers: { host: `attacker.example:${host.port}`, origin: EXTENSION },
    })
    expect(response.status).toBe(421)
  })
})

describe('saving from the extension', () => {
  it('stores the page as the browser rendered it, not a fetch of the address, with its pictures', async () => {
    const token = await pairedToken()
    const rendered = articlePage({
      title: 'Harbour reopens after the storm',
      middle: '<figure><img src="/img/harbour.png" alt="The harbour"></figure>',
    })
    // The address itself answers with a login wall: Dateline must not fetch it.
    site.route('/news/harbour', { headers: { 'content-type': 'text/html' }, body: '<p>Log in to read</p>' })
    const response = await call(
      'save-page',
      { url: site.url('/news/harbour?utm_source=x'), html: rendered },
      { token },
    )
    expect(response.status).toBe(200)
    const { value } = JSON.parse(response.text) as {
      value: { article: { id: string; title: string; url: string; leadImage: string | null } }
    }
    expect(value.article.title).toBe('Harbour reopens after the storm')
    expect(value.article.url).toBe(site.url('/news/harbour'))
    expect(site.requests).toEqual(['/img/harbour.png'])
    const article = await app.services['articles.get']({ id: value.article.id })
    expect(article.html).toContain('media/')
    expect(article.text).toContain('Thousands of people gathered')
    expect(article.text).not.toContain('Log in to read')
  })

  it('adds the saved page to the chosen collection, and refuses a collection that is gone', async () => {
    const token = await pairedToken()
    const collection = await app.services['collections.create']({ name: 'Ports', description: '' })
    const page = { url: site.url('/news/harbour'), html: articlePage(), collectionId: collection.id }
    const saved = await call('save-page', page, { token })
    expect(JSON.parse(saved.text)).toMatchObject({ value: { collection: { name: 'Ports' } } })
    const listed = await app.services['collections.articles']({ id: collection.id, offset: 0, limit: 10 })
    expect(listed.total).toBe(1)
    const gone = await call('save-page', { ...page, collectionId: 999 }, { token })
    expect(gone.status).toBe(404)
  })

  it('refuses addresses that are not web pages, with the reason', async () => {
    const token = await pairedToken()
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'http://user:secret@news.example/a']) {
      const response = await call('save-link', { url }, { token })
      expect(response.status, url).toBe(400)
      expect(errorOf(response).message, url).toContain('http://')
    }
  })

  it('refuses a page larger than 10 MB while it arrives', async () => {
    const token = await pairedToken()
    const html = `<p>${'x'.repeat(10 * 1024 * 1024)}</p>`
    const response = await call('save-page', { url: site.url('/big'), html }, { token })
    expect(response.status).toBe(400)
    expect(errorOf(response).message).toContain('10 MB')
  })

  it('asks the window to show an article that exists, and says so for one that does not', async () => {
    const token = await pairedToken()
    const shown: string[] = []
    app.events.subscribe((event, payload) => {
      if (event === 'extension.showArticle') shown.push((payload as { id: string }).id)
    })
    const saved = await call('save-page', { url: site.url('/n'), html: articlePage() }, { token })
    const id = (JSON.parse(saved.text) as { value: { article: { id: string } } }).value.article.id
    expect((await call('show', { id }, { token })).status).toBe(200)
    expect((await call('show', { id: '0123456789abcdef' }, { token })).status).toBe(404)
    expect(shown).toEqual([id])
  })
})

describe("the desktop app's extension endpoint", () => {
  let endpoint: ExtensionEndpoint

  beforeEach(async () => {
    endpoint = await startExtensionEndpoint(app, 0)
  })
  afterEach(async () => {
    await endpoint.close()
  })

  it('answers the extension, and nothing of the library API', async () => {
    const token = await pairedToken()
    expect((await call('status', {}, { token, port: endpoint.port })).status).toBe(200)
    const api = await rawRequest(endpoint.port, { method: 'POST', path: '/api/articles.list', body: '{}' })
    expect(api.status).toBe(404)
  })
})
