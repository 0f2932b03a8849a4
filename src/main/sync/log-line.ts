import { createHash } from 'node:crypto'
import { parseClock } from './hlc'

/**
 * One line of a change log: `<json>\t<checksum>\n`, where the checksum is the first 16 hex digits of
 * the SHA-256 of the JSON. A line without its newline, or whose checksum does not match, is a write
 * in progress or a half-synced file, never a change.
 */

/** The log format this Dateline writes and reads; a line with a larger `v` is kept for a later version. */
export const LOG_FORMAT = 1

export type RegisterValue =
  null | boolean | number | string | { [key: string]: RegisterValue } | RegisterValue[]

/** A change: the value of one register (see docs/sync.md for the keys) at one clock. */
export interface Change {
  clock: string
  key: string
  value: RegisterValue
}

export type ReadLine =
  | { kind: 'change'; change: Change; checksum: string }
  | { kind: 'newer'; version: number }
  | { kind: 'damaged' }

const MAX_KEY_CHARS = 2048

export function checksumOf(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16)
}

export function encodeChange(change: Change): string {
  const json = JSON.stringify({ v: LOG_FORMAT, c: change.clock, k: change.key, x: change.value })
  return `${json}\t${checksumOf(json)}\n`
}

/** Reads one line (without its newline). Nothing in it is trusted: a file anyone could have written. */
export function decodeLine(line: string): ReadLine {
  const tab = line.lastIndexOf('\t')
  if (tab < 0) return { kind: 'damaged' }
  const json = line.slice(0, tab)
  const checksum = line.slice(tab + 1)
  if (checksumOf(json) !== checksum) return { kind: 'damaged' }
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return { kind: 'damaged' }
  }
  if (typeof parsed !== 'object' || parsed === null) return { kind: 'damaged' }
  const { v, c, k, x } = parsed as Record<string, unknown>
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return { kind: 'damaged' }
  if (v > LOG_FORMAT) return { kind: 'newer', version: v }
  if (typeof c !== 'string' || !parseClock(c)) return { kind: 'damaged' }
  if (typeof k !== 'string' || k.length === 0 || k.length > MAX_KEY_CHARS) return { kind: 'damaged' }
  if (x === undefined) return { kind: 'damaged' }
  return { kind: 'change', change: { clock: c, key: k, value: x as RegisterValue }, checksum }
}

export interface ReadChunk {
  lines: { read: ReadLine; end: number }[]
  /** Bytes of whole lines: where the next read starts. */
  consumed: number
}

/**
 * The whole lines of `bytes` (read from a log at some offset). A last line without its newline is
 * left for the next read: the engine or the writer is still putting it there.
 */
export function splitLines(bytes: Buffer): ReadChunk {
  const lines: ReadChunk['lines'] = []
  let start = 0
  for (;;) {
    const newline = bytes.indexOf(0x0a, start)
    if (newline < 0) break
    const text = bytes.subarray(start, newline).toString('utf8')
    if (text.length > 0) lines.push({ read: decodeLine(text), end: newline + 1 })
    start = newline + 1
  }
  return { lines, consumed: start }
}
