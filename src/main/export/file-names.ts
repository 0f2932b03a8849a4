/**
 * File names made from headlines, safe on every system an export may be copied to: no path
 * separators or characters Windows refuses, no control or bidi characters, no leading dot, no
 * reserved device name, at most ~120 bytes, and never two alike (compared as macOS and Windows
 * compare: case and Unicode form folded).
 */

// Control and bidi characters are what is looked for here.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*#^[\]\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g
/** Windows' device names, with any extension and the superscript digits it also treats as ports. */
const RESERVED = /^(con|prn|aux|nul|clock\$|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i
/**
 * Most file systems allow 255 bytes for a name (ext4, APFS; NTFS 255 UTF-16 units); a headline
 * in Cyrillic or Chinese takes 2 to 3 bytes a letter. 120 bytes leaves room for " 2", the id
 * and the extension, and for a folder that adds its own suffix.
 */
export const MAX_STEM_BYTES = 120

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' })

/** Cut at whole characters as a person sees them (an accent or an emoji is never split). */
function cutToBytes(text: string, maxBytes: number): string {
  let out = ''
  let bytes = 0
  for (const { segment } of graphemes.segment(text)) {
    const size = Buffer.byteLength(segment, 'utf8')
    if (bytes + size > maxBytes) break
    out += segment
    bytes += size
  }
  return out
}

/** Leading dots hide a file on Unix; trailing dots and spaces are dropped by Windows. */
function trimEnds(text: string): string {
  return text.replace(/^[.\s]+|[.\s]+$/g, '')
}

export function safeFileStem(title: string, fallback = 'Untitled'): string {
  let stem = trimEnds(title.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/g, ' '))
  stem = trimEnds(cutToBytes(stem, MAX_STEM_BYTES))
  if (!stem) return fallback
  if (RESERVED.test(stem)) stem = `${stem} (article)`
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
