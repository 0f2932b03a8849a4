import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeText } from '@shared/text-decoding'
import { looksBinary } from '../../src/main/ingest/binary-content'

describe('telling a binary file from a page or a text', () => {
  it('recognises random bytes, a PNG and a PDF decoded as UTF-8', () => {
    expect(looksBinary(new TextDecoder().decode(randomBytes(20_000)))).toBe(true)
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(4000),
    ])
    expect(looksBinary(new TextDecoder().decode(png))).toBe(true)
    expect(looksBinary(`%PDF-1.7\n${new TextDecoder().decode(randomBytes(4000))}`)).toBe(true)
  })

  it('still recognises binary bytes after the Windows-1252 fallback of decodeText, which leaves no replacement characters', () => {
    const decoded = decodeText(randomBytes(20_000))
    expect(decoded).not.toContain('\uFFFD')
    expect(looksBinary(decoded)).toBe(true)
  })

  it('accepts real text, also in Cyrillic and with a few broken characters', () => {
    expect(looksBinary(readFileSync('tests/fixtures/eutoday-belarus-russia.txt', 'utf8'))).toBe(false)
    expect(looksBinary('<p>Президент заявив, що переговори тривають.</p>'.repeat(50))).toBe(false)
    expect(looksBinary(`${'A story with a stray \uFFFD character here and there. '.repeat(40)}`)).toBe(false)
    expect(looksBinary('')).toBe(false)
  })
})
