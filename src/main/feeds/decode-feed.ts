import { decodeText } from '@shared/text-decoding'

/**
 * Bytes of a feed to text. XML has its own rules, not the HTML standard's (RFC 7303): a byte-order
 * mark, then the charset of the HTTP header, then the encoding of the XML prolog
 * (`<?xml version="1.0" encoding="windows-1251"?>`), then UTF-8. One exception, because servers
 * get it wrong far more often than feed writers: a header that says UTF-8 over bytes that are not
 * UTF-8 loses to the prolog. With neither, the page decoder's guess (chardet) takes over.
 */
export function decodeFeedText(bytes: Uint8Array, contentType: string): string {
  const bom = byteOrderMark(bytes)
  if (bom) return decode(bytes, bom) ?? decodeText(bytes, contentType)
  const header = /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? null
  const prolog = prologEncoding(bytes)
  if (
    header &&
    !(isUtf8Label(header) && prolog && !isUtf8Label(prolog) && decode(bytes, 'utf-8', true) === null)
  ) {
    const decoded = decode(bytes, header)
    if (decoded !== null) return decoded
  }
  if (prolog) {
    const decoded = decode(bytes, prolog)
    if (decoded !== null) return decoded
  }
  return decode(bytes, 'utf-8', true) ?? decodeText(bytes, '')
}

function prologEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512))
  const match = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)
  return match?.[1]?.toLowerCase() ?? null
}

function byteOrderMark(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  return null
}

function isUtf8Label(label: string): boolean {
  return /^utf-?8$/i.test(label)
}

function decode(bytes: Uint8Array, label: string, fatal = false): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes)
  } catch {
    return null
  }
}
