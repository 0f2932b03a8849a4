import type { FeedErrorKind } from '@shared/feeds'

/** Why one feed could not be refreshed: a kind for the window and a short phrase for the person. */
export class FeedError extends Error {
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    /** Seconds the server asked us to wait (Retry-After), when it did. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message)
    this.name = 'FeedError'
  }
}
