/**
 * A hybrid logical clock: wall time in milliseconds, a counter for changes within one millisecond
 * (or while the wall clock is behind a clock already seen), and the device id to break ties. Its
 * text form sorts as the clocks compare, so the database and the logs compare plain strings.
 */

export interface Clock {
  millis: number
  counter: number
  device: string
}

const MILLIS_DIGITS = 13
const COUNTER_DIGITS = 4
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1
/** A clock this far ahead of the wall clock was written by a machine whose clock is wrong. */
const MAX_DRIFT_MS = 24 * 60 * 60 * 1000

export const DEVICE_ID = /^[0-9a-f]{16}$/
const CLOCK_TEXT = /^(\d{13})\.(\d{4})\.([0-9a-f]{16})$/

export function formatClock(clock: Clock): string {
  return `${String(clock.millis).padStart(MILLIS_DIGITS, '0')}.${String(clock.counter).padStart(COUNTER_DIGITS, '0')}.${clock.device}`
}

export function parseClock(text: string): Clock | null {
  const match = CLOCK_TEXT.exec(text)
  if (!match) return null
  return { millis: Number(match[1]), counter: Number(match[2]), device: match[3]! }
}

/** The clock of one device: `tick` for a change made here, `observe` for a clock read from a log. */
export class HybridClock {
  private last: Clock

  constructor(
    readonly device: string,
    private readonly wallClock: () => number = Date.now,
    since?: string,
  ) {
    this.last = { millis: 0, counter: 0, device }
    if (since) this.observe(since)
  }

  tick(): string {
    const wall = this.wallClock()
    if (wall > this.last.millis) this.last = { millis: wall, counter: 0, device: this.device }
    else if (this.last.counter < MAX_COUNTER) this.last = { ...this.last, counter: this.last.counter + 1 }
    else this.last = { millis: this.last.millis + 1, counter: 0, device: this.device }
    return formatClock(this.last)
  }

  /** Moves past a clock read from another device, so what is done here next is later than it. */
  observe(text: string): void {
    const seen = parseClock(text)
    if (!seen || seen.millis > this.wallClock() + MAX_DRIFT_MS) return
    if (
      seen.millis > this.last.millis ||
      (seen.millis === this.last.millis && seen.counter > this.last.counter)
    ) {
      this.last = { millis: seen.millis, counter: seen.counter, device: this.device }
    }
  }

  get latest(): string {
    return formatClock(this.last)
  }
}
