/**
 * Bytes of a page or a text file to a string, as a browser would choose the encoding: a byte-order
 * mark first, then the server's charset, then the page's own <meta charset>, then UTF-8 if the
 * bytes are valid UTF-8, else Windows-1252 (what an old Western "ANSI" text file almost always is).
 * Pure, and the same in Node and in the window, so files read by the CLI and by the add dialog
 * decode alike.
 */
export function decodeText(bytes: Uint8Array, contentType = ''): string {
  const declared =
    sniffBom(bytes) ?? /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? sniffMetaCharset(bytes)
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes)
    } catch {
      // An unknown label: fall through to the guess below.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

function sniffBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  return null
}

function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096))
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? null
}
