import { randomInt } from 'node:crypto'
import type { PairingCode } from '@shared/extension'

/**
 * The short code Dateline shows and the person types into the extension. One code at a time, kept
 * in memory only (a restart voids it), used once, void after a few minutes or a few wrong guesses:
 * with 32^8 codes and five guesses, a program guessing blindly has one chance in 2×10^11.
 */
export const CODE_LIFETIME_MS = 5 * 60_000
export const MAX_WRONG_ATTEMPTS = 5
/** Crockford's base 32: no I, L, O or U to misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CODE_LENGTH = 8

export type RedeemOutcome = 'paired' | 'wrong' | 'expired' | 'none'

interface LiveCode {
  code: string
  expiresAt: number
  wrongLeft: number
}

export class PairingCodes {
  private live: LiveCode | null = null

  constructor(private readonly now: () => Date) {}

  issue(): PairingCode {
    const code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
    this.live = { code, expiresAt: this.now().getTime() + CODE_LIFETIME_MS, wrongLeft: MAX_WRONG_ATTEMPTS }
    return {
      code: `${code.slice(0, 4)}-${code.slice(4)}`,
      expiresAt: new Date(this.live.expiresAt).toISOString(),
      attempts: MAX_WRONG_ATTEMPTS,
    }
  }

  cancel(): void {
    this.live = null
  }

  /** Whether `typed` is the code shown; right or not, a code is never accepted twice. */
  redeem(typed: string): RedeemOutcome {
    const live = this.live
    if (!live) return 'none'
    if (this.now().getTime() > live.expiresAt) {
      this.live = null
      return 'expired'
    }
    if (normaliseCode(typed) === live.code) {
      this.live = null
      return 'paired'
    }
    live.wrongLeft -= 1
    if (live.wrongLeft <= 0) this.live = null
    return 'wrong'
  }
}

/** What the person typed, as the code is kept: capitals, no dashes or spaces, look-alikes mapped. */
export function normaliseCode(typed: string): string {
  return typed.slice(0, 64).toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0')
}
