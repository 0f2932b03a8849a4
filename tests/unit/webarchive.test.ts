import { describe, expect, it } from 'vitest'
import { looksLikeWebarchive, parseWebarchive, readBinaryPlist } from '../../src/main/ingest/webarchive'
import { container, rawPlist, writeBinaryPlist } from '../helpers/binary-plist'
import { harbourWebarchive } from '../helpers/saved-pages'

describe('Safari web archives', () => {
  it('gives the page, its address and its pictures by address', () => {
    const archive = harbourWebarchive()
    expect(looksLikeWebarchive(archive)).toBe(true)
    const page = parseWebarchive(archive)
    expect(page.url).toBe('https://coast-gazette.example/world/harbour')
    expect(page.html).toContain('Les équipes de pêche')
    const boats = page.resources.get('https://coast-gazette.example/img/boats.png')
    expect(boats?.contentType).toBe('image/png')
    expect([...boats!.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
  })

  it('reads text in UTF-16 as well as ASCII', () => {
    expect(readBinaryPlist(writeBinaryPlist({ name: 'Zürich — 東京' }))).toEqual(
      new Map([['name', 'Zürich — 東京']]),
    )
  })

  it('refuses an archive with no web page in it', () => {
    expect(() => parseWebarchive(writeBinaryPlist({ WebSubresources: [] }))).toThrow(/no web page/)
    const picture = {
      WebResourceData: new Uint8Array([1]),
      WebResourceMIMEType: 'image/png',
      WebResourceURL: 'https://a.example/x.png',
    }
    expect(() => parseWebarchive(writeBinaryPlist({ WebMainResource: picture }))).toThrow(/no web page/)
  })
})

describe('crafted property lists', () => {
  it('refuses an object that contains itself', () => {
    expect(() => readBinaryPlist(rawPlist([container('array', [0])]))).toThrow(/contains itself/)
  })

  it('refuses objects that unfold exponentially (a few hundred bytes, 2^40 values)', () => {
    const objects = Array.from({ length: 40 }, (_, i) => container('array', i === 39 ? [] : [i + 1, i + 1]))
    const started = Date.now()
    expect(() => readBinaryPlist(rawPlist(objects))).toThrow(/too many values|nested too deeply/)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('refuses references and lengths past the end, and a file cut short', () => {
    expect(() => readBinaryPlist(rawPlist([container('array', [7])]))).toThrow(/past the end/)
    const long = Buffer.from([0x4f, 0x12, 0x7f, 0xff, 0xff, 0xff])
    expect(() => readBinaryPlist(rawPlist([long]))).toThrow(/past its end/)
    const whole = harbourWebarchive()
    expect(() => readBinaryPlist(whole.subarray(0, whole.length - 40))).toThrow()
    expect(() => readBinaryPlist(Buffer.from('bplist00'))).toThrow(/header/)
  })
})
