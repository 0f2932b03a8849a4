import { DatelineError } from '@shared/errors'
import { decodeText } from '@shared/text-decoding'
import { resolveUrl } from './extract/urls'

/**
 * MHTML, as Chromium writes it for "Save page as… Webpage, Single File" (RFC 2557,
 * multipart/related): the page as the browser showed it, then each picture, stylesheet and frame
 * as a MIME part named by its address (Content-Location) or id (Content-ID, for cid: links).
 * Pure: bytes in, the page and its parts out; the capture then takes the pictures from the parts.
 */
export interface MhtmlResource {
  contentType: string
  bytes: Uint8Array
}

export interface MhtmlPage {
  html: string
  /** The page's own address, when the archive gives one (http or https only). */
  url: string | null
  /** Parts by address: `https://…` from Content-Location, `cid:…` from Content-ID. */
  resources: Map<string, MhtmlResource>
}

/** A page of a news site with its pictures is a few MB; beyond this many parts it is no article. */
export const MAX_MHTML_PARTS = 5000

interface Headers {
  [name: string]: string
}

export function looksLikeMhtml(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, 4096))
  const end = head.search(/\r?\n\r?\n/)
  return /^content-type:\s*multipart\/related/im.test(end < 0 ? head : head.slice(0, end))
}

export function parseMhtml(bytes: Uint8Array): MhtmlPage {
  // Every structural byte of MIME is ASCII; latin1 keeps each byte as one character, so the
  // bodies can be cut out and turned back into their exact bytes.
  const text = latin1(bytes)
  const split = splitHeaders(text, 0)
  if (!split) throw notMhtml()
  const contentType = split.headers['content-type'] ?? ''
  if (!/^multipart\/related/i.test(contentType)) throw notMhtml()
  const boundary = parameter(contentType, 'boundary')
  if (!boundary) throw notMhtml()

  const parts = splitParts(text, split.bodyStart, boundary)
  const resources = new Map<string, MhtmlResource>()
  let page: { html: string; location: string | null } | null = null
  for (const part of parts) {
    const type = (part.headers['content-type'] ?? 'text/plain').trim()
    const body = decodeBody(part.body, part.headers['content-transfer-encoding'])
    const location = part.headers['content-location']?.trim() ?? null
    const id = part.headers['content-id']?.trim().replace(/^<|>$/g, '')
    if (!page && /^text\/html/i.test(type)) {
      page = { html: decodeText(body, type), location }
      continue
    }
    const resource = { contentType: type.split(';')[0]!.trim().toLowerCase(), bytes: body }
    if (location) resources.set(location, resource)
    if (id) resources.set(`cid:${id}`, resource)
  }
  if (!page) throw new DatelineError('NOT_HTML', 'This MHTML file holds no web page.')
  const snapshot = split.headers['snapshot-content-location']?.trim() ?? null
  return { html: page.html, url: resolveUrl(snapshot, null) ?? resolveUrl(page.location, null), resources }
}

function notMhtml(): DatelineError {
  return new DatelineError(
    'NOT_HTML',
    'This is not a web page saved as a single file (MHTML): it has no multipart/related MIME structure.',
  )
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes)
}

function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'latin1'))
}

/** The header block starting at `from` (continuation lines unfolded), and where the body starts. */
function splitHeaders(text: string, from: number): { headers: Headers; bodyStart: number } | null {
  const blank = /\r?\n\r?\n/g
  blank.lastIndex = from
  const found = blank.exec(text)
  if (!found) return null
  const block = text.slice(from, found.index).replace(/\r?\n[ \t]+/g, ' ')
  const headers: Headers = {}
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    // The first of a repeated header counts; an attacker's second one does not replace it.
    if (!(name in headers)) headers[name] = line.slice(colon + 1).trim()
  }
  return { headers, bodyStart: found.index + found[0].length }
}

function parameter(value: string, name: string): string | null {
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value)
  return match ? (match[1] ?? match[2] ?? null) : null
}

function splitParts(text: string, from: number, boundary: string): { headers: Headers; body: string }[] {
  const delimiter = `--${boundary}`
  const parts: { headers: Headers; body: string }[] = []
  let at = text.indexOf(delimiter, from)
  while (at !== -1) {
    const afterDelimiter = at + delimiter.length
    if (text.startsWith('--', afterDelimiter)) break
    const next = text.indexOf(`\n${delimiter}`, afterDelimiter)
    const end = next === -1 ? text.length : next
    const lineEnd = text.indexOf('\n', afterDelimiter)
    if (lineEnd === -1 || lineEnd > end) break
    const chunk = text.slice(lineEnd + 1, end).replace(/\r$/, '')
    const split = splitHeaders(chunk, 0)
    if (split) parts.push({ headers: split.headers, body: chunk.slice(split.bodyStart) })
    if (parts.length > MAX_MHTML_PARTS) {
      throw new DatelineError('TOO_LARGE', `This MHTML file has more than ${MAX_MHTML_PARTS} parts.`)
    }
    at = next === -1 ? -1 : next + 1
  }
  return parts
}

function decodeBody(body: string, encoding: string | undefined): Uint8Array {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'base64':
      return Uint8Array.from(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'))
    case 'quoted-printable':
      return bytesOf(decodeQuotedPrintable(body))
    default:
      return bytesOf(body)
  }
}

/** RFC 2045 quoted-printable: `=XX` is a byte, `=` at a line's end joins it to the next. */
export function decodeQuotedPrintable(body: string): string {
  return body
    .replace(/[ \t]+(?=\r?\n)/g, '')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

/**
 * A fetch that answers from the archive's parts, so pictures come from the file, offline; an
 * address the archive lacks (a picture the page had not loaded yet) goes to `fallback`.
 */
export function fetchFromParts(resources: Map<string, MhtmlResource>, fallback: typeof fetch): typeof fetch {
  const byAddress = new Map<string, MhtmlResource>()
  for (const [key, resource] of resources) byAddress.set(resolveUrl(key, null) ?? key, resource)
  return async (input, init) => {
    const address = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const part = byAddress.get(resolveUrl(address, null) ?? address)
    if (!part) return fallback(input, init)
    return new Response(Buffer.from(part.bytes), {
      status: 200,
      headers: { 'content-type': part.contentType, 'content-length': String(part.bytes.byteLength) },
    })
  }
}
