/**
 * Text to the bytes of a legacy encoding (windows-1251, KOI8-R, Shift_JIS), for fixtures: Node can
 * decode them but TextEncoder only writes UTF-8, so the table is the decoder's, turned around.
 */
const tables = new Map<string, Map<string, number[]>>()

function tableFor(label: string): Map<string, number[]> {
  const cached = tables.get(label)
  if (cached) return cached
  const decoder = new TextDecoder(label, { fatal: true })
  const table = new Map<string, number[]>()
  const add = (bytes: number[]): void => {
    try {
      const char = decoder.decode(new Uint8Array(bytes))
      if ([...char].length === 1 && !table.has(char)) table.set(char, bytes)
    } catch {
      // not a character in this encoding
    }
  }
  for (let b = 0; b < 256; b++) add([b])
  if (label.toLowerCase().replace(/[-_]/g, '') === 'shiftjis') {
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      if (lead > 0x9f && lead < 0xe0) continue
      for (let trail = 0x40; trail <= 0xfc; trail++) add([lead, trail])
    }
  }
  tables.set(label, table)
  return table
}

export function encodeLegacy(text: string, label: string): Uint8Array {
  const table = tableFor(label)
  const out: number[] = []
  for (const char of text) {
    const bytes = table.get(char)
    if (!bytes) throw new Error(`${label} has no ${char}`)
    out.push(...bytes)
  }
  return new Uint8Array(out)
}
