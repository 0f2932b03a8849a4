/**
 * Coalesces saves of one file: at most one write runs at a time, and any number of saves asked for
 * while it runs share a single follow-up write that captures all of their changes. Every caller's
 * promise resolves only once a write that started after its change has reached the disk.
 */
export class SerialWriter {
  private running: Promise<void> | null = null
  private queued: Promise<void> | null = null

  constructor(private readonly write: () => Promise<void>) {}

  save(): Promise<void> {
    if (this.queued) return this.queued
    if (!this.running) return this.start()
    this.queued = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null
        return this.start()
      })
    return this.queued
  }

  /** Resolves when nothing is being written or waiting to be. */
  async idle(): Promise<void> {
    while (this.running || this.queued) {
      await (this.queued ?? this.running)?.catch(() => undefined)
    }
  }

  private start(): Promise<void> {
    const run = this.write().finally(() => {
      if (this.running === run) this.running = null
    })
    this.running = run
    return run
  }
}
