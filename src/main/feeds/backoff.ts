/** When a feed is next due: its interval after an answer, a doubling wait after failures. */

const MINUTE = 60_000
/** A feed that has failed for days is still tried once a day: sites come back. */
export const MAX_BACKOFF_MINUTES = 24 * 60

export function nextAttemptAfterSuccess(at: Date, intervalMinutes: number): Date {
  return new Date(at.getTime() + intervalMinutes * MINUTE)
}

/**
 * The first failure waits one interval, each further one twice as long as the last, up to a day;
 * a server's Retry-After is honoured when it asks for longer (up to a day too).
 */
export function nextAttemptAfterFailure(
  at: Date,
  intervalMinutes: number,
  failures: number,
  retryAfterSeconds: number | null,
): Date {
  const backoff = Math.min(
    MAX_BACKOFF_MINUTES,
    intervalMinutes * 2 ** Math.max(0, Math.min(failures - 1, 16)),
  )
  const asked = retryAfterSeconds === null ? 0 : Math.min(MAX_BACKOFF_MINUTES, retryAfterSeconds / 60)
  return new Date(at.getTime() + Math.max(backoff, asked) * MINUTE)
}
