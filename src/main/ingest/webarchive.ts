import { DatelineError } from '@shared/errors'
import { decodeText } from '@shared/text-decoding'
import type { MhtmlPage, MhtmlResource } from './mhtml'
import { resolveUrl } from './extract/urls'

/**
 * Safari's .webarchive: a binary property list (bplist00) whose WebMainResource holds the page's
 * bytes, address, type and encoding, and whose WebSubresources hold its pictures the same way.
 * Read by a small reader of our own rather than a plist library: a crafted file can make a plist's
 * objects refer to themselves, or to one another so that a few kilobytes unfold into billions of
 * values, and this reader refuses both (at most 100,000 values read, 32 levels deep).
 */
const HEADER = 'bplist00'
const MAX_VALUES = 100_000
const MAX_DEPTH = 32

type PlistValue = string | number | boolean | null | Uint8Array | PlistValue[] | Map<string, PlistValue>

export function looksLikeWebarchive(bytes: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(bytes.subarray(0, HEADER.length)) === HEADER
}

export function parseWebarchive(bytes: Uint8Array): MhtmlPage {
  const top = readBinaryPlist(bytes)
  const main = top instanceof Map ? top.get('WebMainResource') : undefined
  const page = main instanceof Map ? resourceOf(main) : null
  if (!page || !/html|xml|text/i.test(page.contentType)) {
    throw new DatelineError('NOT_HTML', 'This web archive holds no web page.')
  }
  const encoding = main instanceof Map ? main.get('WebResourceTextEncodingName') : undefined
  const html = decodeText(
    page.bytes,
    typeof encoding === 'string' ? `text/html; charset=${encoding}` : page.contentType,
  )
  const resources = new Map<string, MhtmlResource>()
  const subresources = top instanceof Map ? top.get('WebSubresources') : undefined
  for (const entry of Array.isArray(subresources) ? subresources : []) {
    const resource = entry instanceof Map ? resourceOf(entry) : null
    if (resource) resources.set(resource.url, { contentType: resource.contentType, bytes: resource.bytes })
  }
  return { html, url: resolveUrl(page.url, null), resources }
}

function resourceOf(entry: Map<string, PlistValue>): (MhtmlResource & { url: string }) | null {
  const data = entry.get('WebResourceData')
  const url = entry.get('WebResourceURL')
  const type = entry.get('WebResourceMIMEType')
  if (!(data instanceof Uint8Array) || typeof url !== 'string') return null
  return {
    url,
    bytes: data,
    contentType: typeof type === 'string' ? type.toLowerCase() : 'application/octet-stream',
  }
}

function damaged(why: string): DatelineError {
  return new DatelineError('NOT_HTML', `This is not a web archive Dateline can read: ${why}.`)
}

/** The top value of a bplist00 file, refusing anything out of bounds, cyclic or too large. */
export function readBinaryPlist(bytes: Uint8Array): PlistValue {
  if (!looksLikeWebarchive(bytes) || bytes.length < HEADER.length + 32)
    throw damaged('no property list header')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const trailer = bytes.length - 32
  const offsetSize = bytes[trailer + 6]!
  const refSize = bytes[trailer + 7]!
  const count = uint(view, trailer + 8, 8)
  const topRef = uint(view, trailer + 16, 8)
  const tableAt = uint(view, trailer + 24, 8)
  if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8) throw damaged('bad sizes')
  if (count < 1 || topRef >= count || tableAt + count * offsetSize > trailer)
    throw damaged('bad offset table')
  let budget = MAX_VALUES
  const open = new Set<number>()

  function offsetOf(ref: number): number {
    if (ref >= count) throw damaged('a reference past the end')
    const at = uint(view, tableAt + ref * offsetSize, offsetSize)
    if (at < HEADER.length || at >= tableAt) throw damaged('an object outside the file')
    return at
  }

  /** The length of an array, string or data object, and where its contents start. */
  function lengthAt(at: number): { length: number; start: number } {
    const info = bytes[at]! & 0x0f
    if (info !== 0x0f) return { length: info, start: at + 1 }
    const marker = bytes[at + 1]
    if (marker === undefined || marker >> 4 !== 0x1) throw damaged('a bad length')
    const size = 1 << (marker & 0x0f)
    if (size > 8) throw damaged('a bad length')
    return { length: uint(view, at + 2, size), start: at + 2 + size }
  }

  function within(start: number, length: number): void {
    if (start + length > tableAt) throw damaged('an object past its end')
  }

  function read(ref: number, depth: number): PlistValue {
    if (--budget < 0) throw damaged('too many values')
    if (depth > MAX_DEPTH) throw damaged('nested too deeply')
    if (open.has(ref)) throw damaged('an object that contains itself')
    const at = offsetOf(ref)
    const marker = bytes[at]!
    const info = marker & 0x0f
    switch (marker >> 4) {
      case 0x0:
        return info === 0x09 ? true : info === 0x08 ? false : null
      case 0x1: {
        const size = 1 << info
        if (size > 8) throw damaged('an integer too large')
        within(at + 1, size)
        return uint(view, at + 1, size)
      }
      case 0x2:
      case 0x3: {
        const size = marker >> 4 === 0x3 ? 8 : 1 << info
        within(at + 1, size)
        return size === 4 ? view.getFloat32(at + 1) : size === 8 ? view.getFloat64(at + 1) : 0
      }
      case 0x4: {
        const { length, start } = lengthAt(at)
        within(start, length)
        return bytes.slice(start, start + length)
      }
      case 0x5: {
        const { length, start } = lengthAt(at)
        within(start, length)
        return new TextDecoder('latin1').decode(bytes.subarray(start, start + length))
      }
      case 0x6: {
        const { length, start } = lengthAt(at)
        within(start, length * 2)
        const units = bytes.slice(start, start + length * 2)
        for (let i = 0; i < units.length; i += 2) [units[i], units[i + 1]] = [units[i + 1]!, units[i]!]
        return new TextDecoder('utf-16le').decode(units)
      }
      case 0xa:
      case 0xd: {
        const { length, start } = lengthAt(at)
        const isDict = marker >> 4 === 0xd
        within(start, length * refSize * (isDict ? 2 : 1))
        const refs = (from: number): number[] =>
          Array.from({ length }, (_, i) => uint(view, from + i * refSize, refSize))
        open.add(ref)
        try {
          if (!isDict) return refs(start).map((child) => read(child, depth + 1))
          const keys = refs(start)
          const values = refs(start + length * refSize)
          const dict = new Map<string, PlistValue>()
          keys.forEach((keyRef, i) => {
            const key = read(keyRef, depth + 1)
            if (typeof key !== 'string') throw damaged('a key that is not text')
            dict.set(key, read(values[i]!, depth + 1))
          })
          return dict
        } finally {
          open.delete(ref)
        }
      }
      default:
        // UIDs and sets appear in keyed archives, never in a web archive.
        throw damaged(`an object of type ${(marker >> 4).toString(16)}`)
    }
  }

  return read(topRef, 0)
}

function uint(view: DataView, at: number, size: number): number {
  if (at < 0 || at + size > view.byteLength) throw damaged('a number past the end')
  let value = 0
  for (let i = 0; i < size; i++) value = value * 256 + view.getUint8(at + i)
  if (!Number.isSafeInteger(value)) throw damaged('a number too large')
  return value
}
