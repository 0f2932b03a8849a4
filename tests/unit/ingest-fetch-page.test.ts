import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatelineError } from '@shared/errors'
import { defaultPageLimits, fetchPage, type FetchLimits } from '../../src/main/ingest/fetch-page'
import {
  closedPort,
  html,
  redirect,
  startFixtureServer,
  status,
  type FixtureServer,
} from '../helpers/fixture-server'

let site: FixtureServer

const limits = (overrides: Partial<FetchLimits> = {}): FetchLimits => ({ ...defaultPageLimits, ...overrides })

/** Cyrillic in windows-1251: А..я are the bytes 0xC0..0xFF; ASCII stays as it is. */
function windows1251(text: string): Uint8Array {
  return new Uint8Array(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!
      if (code < 0x80) return code
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0
      throw new Error(`no windows-1251 byte for ${ch}`)
    }),
  )
}

/** The error a fetch through this stand-in for the network ends in. */
async function failureThrough(url: string, fetchFn: typeof fetch): Promise<Error> {
  const error = await fetchPage(url, fetchFn).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DatelineError)
  return error as Error
}

/** The fetch must fail with a DatelineError of this code; returns it for more checks. */
async function fetchFailure(code: string, url: string, pageLimits = limits()): Promise<DatelineError> {
  const error = await fetchPage(url, fetch, pageLimits).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error, `fetching ${url} should fail with ${code}`).toBeInstanceOf(DatelineError)
  expect((error as DatelineError).code, (error as Error).message).toBe(code)
  return error as DatelineError
}

const MB = 1024 * 1024

beforeAll(async () => {
  site = await startFixtureServer({
    '/article': html('<html><body><p>Hello</p></body></html>'),
    '/r1': redirect('/r2', 301),
    '/r2': redirect('/r3', 302),
    '/r3': redirect('/article', 307),
    '/loop': redirect('/loop'),
    '/missing': status(404),
    '/gone': status(410),
    '/paywalled': status(403),
    '/broken': status(500),
    '/slow-headers': { hang: true, headersFirst: false },
    '/slow-body': { hang: true, headers: { 'content-type': 'text/html' }, body: '<p>first half' },
    '/huge-declared': { headers: { 'content-type': 'text/html' }, body: '<p>', fillerBytes: 2 * MB },
    '/huge-chunked': {
      headers: { 'content-type': 'text/html' },
      body: '<p>',
      fillerBytes: 2 * MB,
      declareLength: false,
    },
    '/paper.pdf': { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.7' },
    '/news.rss': {
      headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
      body: '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>',
    },
    '/notes.txt': { headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Plain words.' },
    '/cyrillic': {
      headers: { 'content-type': 'text/html; charset=windows-1251' },
      body: windows1251('<p>Минск и Москва</p>'),
    },
    '/cyrillic-meta': {
      headers: { 'content-type': 'text/html' },
      body: windows1251(
        '<html><head><meta charset="windows-1251"></head><body><p>Беларусь</p></body></html>',
      ),
    },
    '/no-type': { body: '<p>untyped</p>' },
  })
})

afterAll(async () => {
  await site.close()
})

describe('fetchPage: what it accepts', () => {
  it('fetches an HTML page and says where it was found', async () => {
    const page = await fetchPage(site.url('/article'))
    expect(page).toMatchObject({ kind: 'html', finalUrl: site.url('/article') })
    expect(page.body).toContain('<p>Hello</p>')
  })

  it('follows redirects and reports the final address', async () => {
    const page = await fetchPage(site.url('/r1'), fetch, limits({ maxRedirects: 3 }))
    expect(page.finalUrl).toBe(site.url('/article'))
    expect(page.body).toContain('Hello')
  })

  it('returns a text/plain page as kind text', async () => {
    const page = await fetchPage(site.url('/notes.txt'))
    expect(page).toMatchObject({ kind: 'text', body: 'Plain words.' })
  })

  it('decodes a windows-1251 page named in the content-type header', async () => {
    expect((await fetchPage(site.url('/cyrillic'))).body).toBe('<p>Минск и Москва</p>')
  })

  it('decodes a windows-1251 page named only in its own meta tag', async () => {
    expect((await fetchPage(site.url('/cyrillic-meta'))).body).toContain('<p>Беларусь</p>')
  })

  it('treats a page without a content-type as HTML', async () => {
    expect((await fetchPage(site.url('/no-type'))).kind).toBe('html')
  })

  it('reads an address typed without a scheme as https:// (nothing listens here, so FETCH_FAILED)', async () => {
    const port = await closedPort()
    const error = await fetchFailure('FETCH_FAILED', `127.0.0.1:${port}/x`, limits({ timeoutMs: 5_000 }))
    expect(error.message).toContain(`127.0.0.1:${port}`)
  })
})

describe('fetchPage: what it refuses, and how it says so', () => {
  it('refuses more redirects than maxRedirects', async () => {
    const error = await fetchFailure('FETCH_FAILED', site.url('/r1'), limits({ maxRedirects: 2 }))
    expect(error.message).toMatch(/redirected more than 2 times/)
  })

  it('refuses a redirect loop', async () => {
    await fetchFailure('FETCH_FAILED', site.url('/loop'), limits({ maxRedirects: 5 }))
  })

  it('says "not found" for a 404 and a 410', async () => {
    expect((await fetchFailure('HTTP_ERROR', site.url('/missing'))).message).toMatch(/not found/i)
    expect((await fetchFailure('HTTP_ERROR', site.url('/gone'))).message).toMatch(/not found/i)
  })

  it('mentions a paywall or login for a 403', async () => {
    expect((await fetchFailure('HTTP_ERROR', site.url('/paywalled'))).message).toMatch(/paywall|login/i)
  })

  it('reports a server error as HTTP_ERROR with its status', async () => {
    expect((await fetchFailure('HTTP_ERROR', site.url('/broken'))).message).toContain('500')
  })

  it('gives up with TIMEOUT on a server that never answers', async () => {
    await fetchFailure('TIMEOUT', site.url('/slow-headers'), limits({ timeoutMs: 300 }))
  })

  it('gives up with TIMEOUT on a page whose body never finishes', async () => {
    await fetchFailure('TIMEOUT', site.url('/slow-body'), limits({ timeoutMs: 300 }))
  })

  it('refuses a page over maxBytes that declares its length (TOO_LARGE)', async () => {
    await fetchFailure('TOO_LARGE', site.url('/huge-declared'), limits({ maxBytes: MB }))
  })

  it('refuses a page over maxBytes sent without a length (TOO_LARGE)', async () => {
    await fetchFailure('TOO_LARGE', site.url('/huge-chunked'), limits({ maxBytes: MB }))
  })

  it('refuses a PDF as NOT_HTML, naming its type', async () => {
    expect((await fetchFailure('NOT_HTML', site.url('/paper.pdf'))).message).toContain('application/pdf')
  })

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'ftp://files.example/a.html', 'data:text/html,<p>x'])(
    'refuses %s as BAD_URL without fetching it',
    async (address) => {
      const before = site.requests.length
      await fetchFailure('BAD_URL', address)
      expect(site.requests.length, 'requests made').toBe(before)
    },
  )

  it('refuses an address with a user name and password in it', async () => {
    await fetchFailure('BAD_URL', `http://user:secret@127.0.0.1:${site.port}/article`)
  })

  it('reports a refused connection as FETCH_FAILED, in words rather than a code', async () => {
    const port = await closedPort()
    const error = await fetchFailure('FETCH_FAILED', `http://127.0.0.1:${port}/x`)
    expect(error.message).toBe(
      `Dateline could not reach 127.0.0.1:${port}: nothing answered at that address. Check the address and your connection.`,
    )
  })

  it('says a site that does not exist was not found, without the resolver code', async () => {
    const offline = (): Promise<Response> =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }),
        }),
      )
    const error = await failureThrough('https://no-such-paper.example/story', offline)
    expect(error.message).toBe(
      'Dateline could not reach no-such-paper.example: no site by that name was found. Check the address and your connection.',
    )
    expect(error.message).not.toMatch(/ENOTFOUND|fetch failed|getaddrinfo/)
  })

  it('gives no reason rather than an unknown technical one', async () => {
    const odd = (): Promise<Response> =>
      Promise.reject(new TypeError('fetch failed', { cause: { code: 'UND_ERR_WEIRD' } }))
    const error = await failureThrough('https://paper.example/story', odd)
    expect(error.message).toBe(
      'Dateline could not reach paper.example. Check the address and your connection.',
    )
  })

  it("tells a person who adds a feed's link to add it under Feeds", async () => {
    const error = await fetchFailure('NOT_HTML', site.url('/news.rss'))
    expect(error.message).toBe(
      'This link is a feed, not an article. Add it under Feeds to have its articles arrive.',
    )
  })
})
