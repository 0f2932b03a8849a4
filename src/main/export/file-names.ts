/**
 * File names made from headlines, safe on every system an export may be copied to: no path
 * separators or characters Windows refuses, no control or bidi characters, no leading dot, no
 * reserved device name, at most ~120 bytes, and never two alike (compared as macOS and Windows
 * compare: case and Unicode form folded).
 */

// Control and bidi characters are what is looked for here.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*#^[\]\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i
const MAX_BYTES = 120

export function safeFileStem(title: string, fallback = 'Untitled'): string {
  let stem = title
    .normalize('NFC')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
  while (Buffer.byteLength(stem, 'utf8') > MAX_BYTES) stem = [...stem].slice(0, -1).join('')
  stem = stem.trim()
  if (!stem || RESERVED.test(stem)) stem = stem ? `${stem} (article)` : fallback
  return stem
}

/** Hands out names once each: "Title.md", then "Title 2.md", "Title 3.md"... */
export class FileNames {
  private readonly taken = new Set<string>()

  unique(stem: string, extension: string): string {
    for (let n = 1; ; n++) {
      const name = `${n === 1 ? stem : `${stem} ${n}`}.${extension}`
      const key = name.normalize('NFC').toLocaleLowerCase('und')
      if (!this.taken.has(key)) {
        this.taken.add(key)
        return name
      }
    }
  }
}
