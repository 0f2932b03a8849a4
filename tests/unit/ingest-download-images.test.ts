import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { downloadImages, refererFor, type ImageLimits } from '../../src/main/ingest/download-images'
import { libraryLayout } from '../../src/main/library/layout'
import { MediaStore } from '../../src/main/library/media-store'
import { html, image, startFixtureServer, status, type FixtureServer } from '../helpers/fixture-server'
import { GIF_1X1, JPEG_2X2, makePng } from '../helpers/images'
import { makeTempDir, removeDir } from '../helpers/temp-library'

let site: FixtureServer
let dir: string
let media: MediaStore
const limits: ImageLimits = { timeoutMs: 2_000, stageTimeoutMs: 10_000, maxBytes: 64 * 1024, concurrency: 2 }
const PNG = makePng(3, 2, [10, 120, 200])

beforeAll(async () => {
  site = await startFixtureServer({
    '/a.png': image(PNG, 'image/png'),
    // The server's type is wrong; the bytes decide.
    '/b.jpg': image(JPEG_2X2, 'application/octet-stream'),
    '/missing.png': status(404),
    '/page.png': html('<!doctype html><p>Sign in to see this picture</p>'),
    '/huge.png': { headers: { 'content-type': 'image/png' }, body: PNG, fillerBytes: 200 * 1024 },
    '/hang.png': { hang: true, headersFirst: false },
    '/chart.svg': {
      headers: { 'content-type': 'image/svg+xml' },
      body: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><circle r="4"/></svg>',
    },
    '/needs-referer.png': (request) =>
      request.headers.referer === `${site.origin}/story` ? image(GIF_1X1, 'image/gif') : status(403),
  })
})

afterAll(async () => {
  await site.close()
})

beforeEach(async () => {
  dir = await makeTempDir()
  media = new MediaStore(libraryLayout(dir))
})

afterEach(async () => {
  await removeDir(dir)
})

describe('downloadImages', () => {
  it('stores real pictures under media/ with the extension their bytes show', async () => {
    const { stored } = await downloadImages([site.url('/a.png'), site.url('/b.jpg')], {
      fetch,
      media,
      limits,
    })

    const png = stored.get(site.url('/a.png'))
    const jpg = stored.get(site.url('/b.jpg'))
    expect(png).toMatch(/^media\/[0-9a-f]{2}\/[0-9a-f]{64}\.png$/)
    expect(jpg).toMatch(/^media\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/)
    expect(new Uint8Array(await readFile(join(dir, png!)))).toEqual(PNG)
  })

  it.each([
    ['a 404', '/missing.png'],
    ['an HTML page served where a picture should be', '/page.png'],
    ['a picture over maxBytes', '/huge.png'],
    ['a server that never answers', '/hang.png'],
  ])('maps %s to null instead of failing the capture', async (_what, path) => {
    const { stored } = await downloadImages([site.url(path)], {
      fetch,
      media,
      limits: { ...limits, timeoutMs: 300 },
    })
    expect(stored.get(site.url(path))).toBeNull()
  })

  it('stores an SVG picture without its scripts', async () => {
    const { stored } = await downloadImages([site.url('/chart.svg')], { fetch, media, limits })
    const path = stored.get(site.url('/chart.svg'))
    expect(path).toMatch(/\.svg$/)
    const svg = await readFile(join(dir, path!), 'utf8')
    expect(svg).toContain('<circle r="4"')
    expect(svg).not.toMatch(/alert|onload|script/)
  })

  it('stores a data: picture without fetching anything', async () => {
    const url = `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`
    const before = site.requests.length
    const { stored } = await downloadImages([url], { fetch, media, limits })
    expect(stored.get(url)).toMatch(/\.png$/)
    expect(site.requests.length).toBe(before)
  })

  it('stops the whole picture stage at its deadline, however slowly each picture trickles in', async () => {
    const drip = await startDripServer()
    try {
      const urls = Array.from({ length: 8 }, (_, i) => `${drip.origin}/slow-${i}.png`)
      const started = Date.now()
      const result = await downloadImages(urls, {
        fetch,
        media,
        limits: { ...limits, timeoutMs: 5_000, stageTimeoutMs: 1_000 },
      })
      // Per picture alone, 8 pictures two at a time would take 4 x 5 s.
      expect(Date.now() - started).toBeLessThan(3_000)
      expect(result.stoppedAtDeadline).toBe(true)
      expect([...result.stored.values()]).toEqual(urls.map(() => null))
    } finally {
      await drip.close()
    }
  })

  it('sends the page’s full address only to its own site, the origin to others, nothing on a downgrade', () => {
    const page = 'https://news.example/world/story?id=7#top'
    expect(refererFor(page, 'https://news.example/pic.jpg')).toBe('https://news.example/world/story?id=7')
    expect(refererFor(page, 'https://cdn.example/pic.jpg')).toBe('https://news.example/')
    expect(refererFor(page, 'http://cdn.example/pic.jpg')).toBeNull()
    expect(refererFor(null, 'https://cdn.example/pic.jpg')).toBeNull()
  })

  it('sends the article’s address as Referer to its own site', async () => {
    const url = site.url('/needs-referer.png')
    const { stored } = await downloadImages([url], {
      fetch,
      media,
      limits,
      referer: `${site.origin}/story`,
    })
    expect(stored.get(url)).toMatch(/\.gif$/)
  })

  it('reports progress once per picture, ending at done = total', async () => {
    const events: string[] = []
    const urls = [site.url('/a.png'), site.url('/missing.png'), site.url('/b.jpg')]
    await downloadImages(urls, {
      fetch,
      media,
      limits,
      onProgress: (done, total) => events.push(`${done}/${total}`),
    })
    expect(events).toEqual(['1/3', '2/3', '3/3'])
  })
})

/** A server that sends a picture's bytes one every 200 ms, as a throttled or hostile host might. */
async function startDripServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const timers = new Set<NodeJS.Timeout>()
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'image/png', 'content-length': PNG.length })
    let sent = 0
    const timer = setInterval(() => {
      if (sent >= PNG.length || response.destroyed) {
        clearInterval(timer)
        return
      }
      response.write(PNG.subarray(sent, ++sent))
    }, 200)
    timers.add(timer)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const timer of timers) clearInterval(timer)
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
