import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  decodeQuotedPrintable,
  fetchFromParts,
  looksLikeMhtml,
  parseMhtml,
} from '../../src/main/ingest/mhtml'

/** Written by Chromium 150's own serializer (Page.captureSnapshot, as "Save page as… Single File"). */
const HARBOUR = readFileSync(new URL('../fixtures/saved-pages/harbour-chromium.mhtml', import.meta.url))

function mhtml(parts: string[], boundary = 'B0UND', head = ''): Buffer {
  return Buffer.from(
    `From: <Saved by Blink>\r\n${head}MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${boundary}"\r\n\r\n` +
      parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('') +
      `--${boundary}--\r\n`,
    'latin1',
  )
}

describe('MHTML saved by Chromium', () => {
  it('gives the page as the browser showed it, its address, and its pictures by address', () => {
    const page = parseMhtml(HARBOUR)
    expect(page.url).toBe('https://coast-gazette.example/world/harbour')
    expect(page.html).toContain('Les équipes de pêche sont revenues')
    expect(page.html).toContain('XIXᵉ siècle')
    // The paragraphs the page's script added are there: the snapshot is of the rendered DOM.
    expect(page.html).toContain('By the afternoon the first trawler')
    const boats = page.resources.get('https://coast-gazette.example/img/boats.png')
    expect(boats?.contentType).toBe('image/png')
    expect([...boats!.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    expect(page.resources.has('https://coast-gazette.example/img/pier.png')).toBe(true)
    expect(looksLikeMhtml(HARBOUR)).toBe(true)
  })

  it('answers picture requests from the parts, and sends only what is missing to the network', async () => {
    const page = parseMhtml(HARBOUR)
    const asked: string[] = []
    const fetchParts = fetchFromParts(page.resources, async (input) => {
      asked.push(String(input))
      return new Response(null, { status: 404 })
    })
    const boats = await fetchParts('https://coast-gazette.example/img/boats.png')
    expect(boats.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await boats.arrayBuffer()).byteLength).toBe(
      page.resources.get('https://coast-gazette.example/img/boats.png')!.bytes.byteLength,
    )
    await fetchParts('https://coast-gazette.example/img/not-saved.png')
    expect(asked).toEqual(['https://coast-gazette.example/img/not-saved.png'])
  })
})

describe('MHTML as hostile input', () => {
  it('refuses a file that is not multipart/related, saying what it expected', () => {
    expect(() => parseMhtml(Buffer.from('<html><p>plain page</p></html>'))).toThrow(/MHTML/)
    expect(() => parseMhtml(Buffer.from('Content-Type: text/html\r\n\r\n<p>x</p>'))).toThrow(/MHTML/)
    expect(looksLikeMhtml(Buffer.from('<!doctype html><p>x</p>'))).toBe(false)
  })

  it('refuses an archive with no web page in it', () => {
    const onlyPicture = mhtml([
      'Content-Type: image/png\r\nContent-Location: https://a.example/x.png\r\n\r\nAAAA',
    ])
    expect(() => parseMhtml(onlyPicture)).toThrow(/no web page/)
  })

  it('ignores an address that is not a web page (file:, javascript:) as the page address', () => {
    const page = parseMhtml(
      mhtml(
        ['Content-Type: text/html\r\nContent-Location: javascript:alert(1)\r\n\r\n<p>Hello</p>'],
        'B0UND',
        'Snapshot-Content-Location: file:///etc/passwd\r\n',
      ),
    )
    expect(page.url).toBeNull()
    expect(page.html).toContain('<p>Hello</p>')
  })

  it('takes the first of a repeated header, not a later one', () => {
    const page = parseMhtml(
      mhtml([
        'Content-Type: text/html\r\nContent-Location: https://a.example/page\r\nContent-Location: https://evil.example/\r\n\r\n<p>x</p>',
      ]),
    )
    expect(page.url).toBe('https://a.example/page')
  })

  it('refuses an archive of more parts than any page has', () => {
    const parts = Array.from(
      { length: 5002 },
      (_, i) => `Content-Type: image/png\r\nContent-Location: https://a.example/${i}\r\n\r\nAA`,
    )
    expect(() => parseMhtml(mhtml(['Content-Type: text/html\r\n\r\n<p>x</p>', ...parts]))).toThrow(/parts/)
  })

  it('decodes quoted-printable soft line breaks, escapes and transport padding', () => {
    expect(decodeQuotedPrintable('caf=C3=A9 au =\r\nlait   \r\nnext')).toBe('caf\u00c3\u00a9 au lait\r\nnext')
  })
})
