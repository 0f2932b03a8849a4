import { describe, expect, it } from 'vitest'
import { decodeText } from '@shared/text-decoding'

/** "Élysée: l'été français" in Windows-1252, as an old Windows text editor saves it. */
const WINDOWS_1252 = Uint8Array.from([
  0xc9, 0x6c, 0x79, 0x73, 0xe9, 0x65, 0x3a, 0x20, 0x6c, 0x27, 0xe9, 0x74, 0xe9, 0x20, 0x66, 0x72, 0x61, 0x6e,
  0xe7, 0x61, 0x69, 0x73,
])

describe('reading the bytes of a page or a text file', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    const utf8 = new TextEncoder().encode('Київ, 25 листопада')
    expect(decodeText(utf8)).toBe('Київ, 25 листопада')
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toBe('Київ, 25 листопада')
  })

  it('reads an undeclared legacy Western file as Windows-1252 instead of replacement characters', () => {
    expect(decodeText(WINDOWS_1252)).toBe("Élysée: l'été français")
  })

  it("follows the page's own meta charset, and lets a byte-order mark win over the server", () => {
    const page = Uint8Array.from([
      ...new TextEncoder().encode('<meta charset="windows-1252"><p>'),
      ...WINDOWS_1252,
    ])
    expect(decodeText(page)).toContain("Élysée: l'été français")
    const marked = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('é')])
    expect(decodeText(marked, 'text/html; charset=iso-8859-1')).toBe('é')
  })
})
