/**
 * Longest a turn of background work waits for a person's calls to finish before it runs anyway,
 * so that a long call (a feed refresh, an import) slows the work down without stopping it.
 */
export const LONGEST_DEFERRAL_MS = 500

/**
 * Work the services do on their own between calls (the import queue, grouping stories): a
 * long-running host (the app, `dateline serve`) lets it resume when the library opens, and every
 * host stops it before the library closes, so nothing writes to a closed library.
 *
 * Background work runs on the thread that answers the person. A turn of it (up to ~40 ms) that
 * runs while a call waits for a file or the extraction worker delays that call by the whole turn,
 * and a capture waits on the disk some twenty times: at 100k, with a library's stories being
 * grouped, saving an article took 0.7 s instead of 25 ms. So a turn waits while a call of the
 * person's is in flight (`nextTurn`), and every call of the service table is counted
 * (`foreground`).
 */
export class BackgroundWork {
  private readonly stops = new Set<() => Promise<void>>()
  private callsInFlight = 0
  /** Calls that are in flight but wait on background work themselves (see `awaitingBackground`). */
  private callsWaitingOnBackground = 0
  private readonly waitingTurns = new Set<() => void>()
  private stopping = false

  /** True in the app and serve: queued work picks up where it was when the library opens. */
  constructor(readonly resumeAtOpen: boolean) {}

  onStop(stop: () => Promise<void>): void {
    this.stops.add(stop)
  }

  async stopAll(): Promise<void> {
    const stopping = [...this.stops].map((stop) => stop().catch(() => undefined))
    // Each stop has marked its work stopped; a turn held back for a call must see that now.
    this.stopping = true
    this.releaseTurns()
    await Promise.all(stopping)
    this.stops.clear()
  }

  /** Runs one of the person's calls; background turns wait until no such call is in flight. */
  async foreground<T>(call: () => Promise<T>): Promise<T> {
    this.callsInFlight++
    try {
      return await call()
    } finally {
      this.callsInFlight--
      if (!this.personWaiting()) this.releaseTurns()
    }
  }

  /**
   * A call that waits for background work to finish (group what waits, then answer) does not hold
   * that work back while it waits.
   */
  async awaitingBackground<T>(work: () => Promise<T>): Promise<T> {
    this.callsWaitingOnBackground++
    if (!this.personWaiting()) this.releaseTurns()
    try {
      return await work()
    } finally {
      this.callsWaitingOnBackground--
    }
  }

  /**
   * Resolves when background work may take its next turn: after the event loop has handled what
   * waits (setImmediate), and once no call of the person's is in flight, or after
   * LONGEST_DEFERRAL_MS.
   */
  nextTurn(): Promise<void> {
    return new Promise((resolve) => {
      setImmediate(() => {
        if (this.stopping || !this.personWaiting()) return resolve()
        const go = (): void => {
          clearTimeout(timer)
          this.waitingTurns.delete(go)
          resolve()
        }
        const timer = setTimeout(go, LONGEST_DEFERRAL_MS)
        this.waitingTurns.add(go)
      })
    })
  }

  private personWaiting(): boolean {
    return this.callsInFlight - this.callsWaitingOnBackground > 0
  }

  private releaseTurns(): void {
    for (const go of [...this.waitingTurns]) go()
  }
}
