/**
 * A writer of binary property lists (bplist00) for tests: Safari's .webarchive files, and crafted
 * ones whose objects refer to themselves or unfold exponentially. `rawPlist` takes the encoded
 * objects as they are, so a test can write references no honest writer would.
 */
export type PlistInput =
  string | number | boolean | null | Uint8Array | PlistInput[] | { [key: string]: PlistInput }

const REF_SIZE = 2

export function rawPlist(objects: Uint8Array[], top = 0): Buffer {
  const header = Buffer.from('bplist00', 'latin1')
  const offsets: number[] = []
  let at = header.length
  for (const object of objects) {
    offsets.push(at)
    at += object.length
  }
  const table = Buffer.alloc(offsets.length * 4)
  offsets.forEach((offset, i) => table.writeUInt32BE(offset, i * 4))
  const trailer = Buffer.alloc(32)
  trailer[6] = 4
  trailer[7] = REF_SIZE
  trailer.writeBigUInt64BE(BigInt(objects.length), 8)
  trailer.writeBigUInt64BE(BigInt(top), 16)
  trailer.writeBigUInt64BE(BigInt(at), 24)
  return Buffer.concat([header, ...objects, table, trailer])
}

function marker(type: number, length: number): Buffer {
  if (length < 15) return Buffer.from([(type << 4) | length])
  const size = Buffer.alloc(6)
  size[0] = (type << 4) | 0x0f
  size[1] = 0x12
  size.writeUInt32BE(length, 2)
  return size
}

export function container(type: 'array' | 'dict', refs: number[]): Buffer {
  const body = Buffer.alloc(refs.length * REF_SIZE)
  refs.forEach((ref, i) => body.writeUInt16BE(ref, i * REF_SIZE))
  const count = type === 'dict' ? refs.length / 2 : refs.length
  return Buffer.concat([marker(type === 'dict' ? 0xd : 0xa, count), body])
}

export function writeBinaryPlist(top: PlistInput): Buffer {
  const objects: Uint8Array[] = []
  const add = (value: PlistInput): number => {
    const index = objects.length
    objects.push(Buffer.alloc(0))
    objects[index] = encode(value)
    return index
  }
  const encode = (value: PlistInput): Buffer => {
    if (value === null) return Buffer.from([0x00])
    if (typeof value === 'boolean') return Buffer.from([value ? 0x09 : 0x08])
    if (typeof value === 'number') {
      const int = Buffer.alloc(9)
      int[0] = 0x13
      int.writeBigInt64BE(BigInt(value), 1)
      return int
    }
    if (typeof value === 'string') {
      if ([...value].every((char) => char.charCodeAt(0) < 0x80))
        return Buffer.concat([marker(0x5, value.length), Buffer.from(value, 'latin1')])
      const units = Buffer.from(value, 'utf16le').swap16()
      return Buffer.concat([marker(0x6, units.length / 2), units])
    }
    if (value instanceof Uint8Array) return Buffer.concat([marker(0x4, value.length), value])
    if (Array.isArray(value)) return container('array', value.map(add))
    const keys = Object.keys(value).map(add)
    const values = Object.values(value).map(add)
    return container('dict', [...keys, ...values])
  }
  add(top)
  return rawPlist(objects)
}
