import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { downloadImages } from '../../src/main/ingest/download-images'
import { fetchPage } from '../../src/main/ingest/fetch-page'
import { libraryLayout } from '../../src/main/library/layout'
import { MediaStore } from '../../src/main/library/media-store'
import { makePng } from '../helpers/images'
import { makeTempDir, removeDir } from '../helpers/temp-library'

const PNG = makePng(3, 2, [10, 120, 200])

/** A server that cuts the connection of the first `cuts` requests for each path, then answers. */
async function cuttingServer(
  cuts: number,
): Promise<{ url: (path: string) => string; asked: Map<string, number>; server: Server }> {
  const asked = new Map<string, number>()
  const server = createServer((request, response) => {
    const path = request.url ?? '/'
    const count = (asked.get(path) ?? 0) + 1
    asked.set(path, count)
    if (count <= cuts) {
      request.socket.destroy()
      return
    }
    if (path.endsWith('.png')) {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': PNG.length })
      response.end(PNG)
      return
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end('<!doctype html><title>Kept</title><p>The story</p>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: (path) => `http://127.0.0.1:${port}${path}`, asked, server }
}

let dir: string
let server: Server | null = null

beforeEach(async () => {
  dir = await makeTempDir()
})

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null))
  server = null
  await removeDir(dir)
})

describe('a connection cut before the answer', () => {
  it('costs no picture: the picture is asked for once more and stored', async () => {
    const site = await cuttingServer(1)
    server = site.server
    const media = new MediaStore(libraryLayout(dir))
    const { stored } = await downloadImages([site.url('/map.png')], { fetch, media })
    expect(stored.get(site.url('/map.png'))).toMatch(/^media\/[0-9a-f]{2}\/[0-9a-f]{64}\.png$/)
    expect(site.asked.get('/map.png')).toBe(2)
  })

  it('costs no article: the page is asked for once more', async () => {
    const site = await cuttingServer(1)
    server = site.server
    const page = await fetchPage(site.url('/story'))
    expect(page.body).toContain('The story')
    expect(site.asked.get('/story')).toBe(2)
  })

  it('is asked for only once more: a server that always cuts gives a placeholder and a clear error', async () => {
    const site = await cuttingServer(Number.POSITIVE_INFINITY)
    server = site.server
    const media = new MediaStore(libraryLayout(dir))
    const { stored } = await downloadImages([site.url('/map.png')], { fetch, media })
    expect(stored.get(site.url('/map.png'))).toBeNull()
    expect(site.asked.get('/map.png')).toBe(2)
    await expect(fetchPage(site.url('/story'))).rejects.toThrow(/connection was cut off/)
    expect(site.asked.get('/story')).toBe(2)
  })
})
