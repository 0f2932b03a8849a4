import chardet from 'chardet'
import sniffHtmlEncoding from 'html-encoding-sniffer'

/**
 * Bytes of a page or a text file to a string, as a browser chooses the encoding (the HTML
 * standard's sniffing, by html-encoding-sniffer): a byte-order mark, then the server's charset,
 * then a <meta charset> in the first 1024 bytes — where the standard reads "utf-16" as UTF-8,
 * since a page whose bytes that meta could be read from is not UTF-16. Browsers also honour a
 * declaration found later while parsing, so one in the rest of the head counts too. With none,
 * bytes that are valid UTF-8 are UTF-8; anything else is guessed from its bytes (chardet: a
 * Cyrillic, Japanese or Chinese legacy page has a shape of its own), falling back to Windows-1252,
 * what an old Western "ANSI" file almost always is. Pure, and the same in Node and in the window,
 * so files read by the CLI and by the add dialog decode alike.
 */
export function decodeText(bytes: Uint8Array, contentType = ''): string {
  const declared = declaredEncoding(bytes, contentType)
  if (declared) {
    const decoded = tryDecode(bytes, declared)
    if (decoded !== null) return decoded
  }
  const utf8 = tryDecode(bytes, 'utf-8', true)
  if (utf8 !== null) return utf8
  const guessed = guessEncoding(bytes)
  return (guessed && tryDecode(bytes, guessed)) ?? new TextDecoder('windows-1252').decode(bytes)
}

function declaredEncoding(bytes: Uint8Array, contentType: string): string | null {
  const transport = /charset=["']?([\w.:-]+)/i.exec(contentType)?.[1]
  // An empty default tells "nothing declared" apart from a declared windows-1252.
  const sniffed = sniffHtmlEncoding(bytes, { transportLayerEncodingLabel: transport, defaultEncoding: '' })
  return sniffed || lateMetaCharset(bytes)
}

/** A declaration past the standard's 1024-byte prescan, as the parser would still act on it. */
function lateMetaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16 * 1024))
  const end = head.search(/<\/head\s*>|<body[\s>]/i)
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(end < 0 ? head : head.slice(0, end))?.[1]
  if (!label) return null
  // The standard's "change the encoding": a UTF-16 label found in ASCII-compatible bytes means UTF-8.
  return /^utf-?16/i.test(label) ? 'utf-8' : label
}

function guessEncoding(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, 64 * 1024)
  const guess = chardet.detect(sample)
  // chardet names UTF-16/32 for binary-looking text; those were already ruled out by the BOM check.
  return guess && !/^UTF-(16|32)/i.test(guess) ? guess : null
}

function tryDecode(bytes: Uint8Array, label: string, fatal = false): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes)
  } catch {
    return null
  }
}
