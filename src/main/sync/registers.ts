import type { Change, RegisterValue } from './log-line'

/**
 * The merge rule of every change Dateline syncs: a register per key, and the change with the larger
 * clock wins. It is commutative, associative and idempotent, so logs applied in any order, twice, or
 * interleaved give the same registers on every device (tests/unit/sync-merge.test.ts).
 */

export interface Register {
  clock: string
  value: RegisterValue
}

export function wins(incoming: string, current: string | undefined): boolean {
  return current === undefined || incoming > current
}

/** Applies changes to registers in place; returns the changes that won (what the library must do). */
export function mergeChanges(registers: Map<string, Register>, changes: Iterable<Change>): Change[] {
  const won: Change[] = []
  for (const change of changes) {
    if (!wins(change.clock, registers.get(change.key)?.clock)) continue
    registers.set(change.key, { clock: change.clock, value: change.value })
    won.push(change)
  }
  return won
}

// ---- Fractional positions: the manual order of a collection

/** Base 62 in ASCII order, so positions compare as plain strings. */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const BASE = DIGITS.length
export const POSITION = /^[0-9A-Za-z]{1,200}$/

/**
 * A position strictly between `low` and `high` (null: the start or the end), after Greenspan's
 * fractional indexing. `salt` (a device's digits) is appended when that keeps it between them, so
 * two devices placing an article at the same spot at once seldom get the same position; when they
 * do, the article id orders them, the same way everywhere. Positions never end in '0', so there is
 * always room below one.
 */
export function positionBetween(low: string | null, high: string | null, salt = ''): string {
  const lo = low ?? ''
  // Two members at one position (placed at once on two devices) leave no room between them.
  const hi = high !== null && high > lo ? high : null
  const middle = midpoint(lo, hi)
  const salted = middle + salt.replace(/[^0-9A-Za-z]/g, '').replace(/0+$/, '')
  return salted > lo && (hi === null || salted < hi) ? salted : middle
}

function midpoint(low: string, high: string | null): string {
  if (high !== null) {
    let n = 0
    while ((low[n] ?? '0') === high[n]) n++
    if (n > 0) return high.slice(0, n) + midpoint(low.slice(n), high.slice(n))
  }
  const a = low.length > 0 ? DIGITS.indexOf(low[0]!) : 0
  const b = high !== null ? DIGITS.indexOf(high[0]!) : BASE
  if (b - a > 1) return DIGITS[Math.round((a + b) / 2)]!
  if (high !== null && high.length > 1) return high.slice(0, 1)
  return DIGITS[a]! + midpoint(low.slice(1), null)
}

/** A collection's members in their order: by position, then by article id, the same on every device. */
export function orderMembers<T extends { position: string; article: string }>(members: T[]): T[] {
  return [...members].sort((a, b) =>
    a.position < b.position
      ? -1
      : a.position > b.position
        ? 1
        : a.article < b.article
          ? -1
          : a.article > b.article
            ? 1
            : 0,
  )
}
