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

  it('reads a page whose meta says utf-16 as UTF-8, as the HTML standard and every browser do', () => {
    const page = new TextEncoder().encode(
      '<!doctype html><meta charset="utf-16"><title>Київ</title><p>Élysée',
    )
    expect(decodeText(page)).toBe('<!doctype html><meta charset="utf-16"><title>Київ</title><p>Élysée')
  })

  it('honours a meta charset that comes after 1024 bytes of head, as the parser would', () => {
    const filler = `<script>${'var a = 1;'.repeat(150)}</script>`
    const head = new TextEncoder().encode(`<html><head>${filler}<meta charset="windows-1251"></head><p>`)
    const russian = Uint8Array.from([0xcc, 0xe8, 0xed, 0xf1, 0xea]) // "Минск" in Windows-1251
    expect(decodeText(Uint8Array.from([...head, ...russian]))).toContain('<p>Минск')
  })

  it('guesses an undeclared legacy Cyrillic or Japanese page from its bytes', () => {
    const text =
      'Президент Беларуси заявил, что переговоры в Минске продолжатся на следующей неделе, ' +
      'несмотря на возражения оппозиции и международных наблюдателей.'
    const cp1251 = encodeLegacy(text, 'windows-1251')
    expect(decodeText(cp1251)).toBe(text)
    const japanese =
      '東京都内で開かれた会合で、政府は新しい経済対策を発表しました。専門家は効果を疑問視しています。'
    expect(decodeText(encodeLegacy(japanese, 'shift_jis'))).toBe(japanese)
  })
})

/** Legacy encodings have no TextEncoder; build the bytes by inverting the decoder over every byte pair. */
function encodeLegacy(text: string, label: string): Uint8Array {
  const decoder = new TextDecoder(label)
  const table = new Map<string, number[]>()
  for (let a = 0x20; a < 0x100; a++) {
    const single = decoder.decode(Uint8Array.from([a]))
    if (single.length === 1 && single !== '\ufffd' && !table.has(single)) table.set(single, [a])
    for (let b = 0x40; b < 0x100; b++) {
      const pair = decoder.decode(Uint8Array.from([a, b]))
      if (pair.length === 1 && pair !== '\ufffd' && !table.has(pair)) table.set(pair, [a, b])
    }
  }
  return Uint8Array.from([...text].flatMap((char) => table.get(char) ?? [0x3f]))
}
