/**
 * Work the services do on their own between calls (the import queue): a long-running host (the
 * app, `dateline serve`) lets it resume when the library opens, and every host stops it before the
 * library closes, so nothing writes to a closed library.
 */
export class BackgroundWork {
  private readonly stops = new Set<() => Promise<void>>()

  /** True in the app and serve: queued work picks up where it was when the library opens. */
  constructor(readonly resumeAtOpen: boolean) {}

  onStop(stop: () => Promise<void>): void {
    this.stops.add(stop)
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.stops].map((stop) => stop().catch(() => undefined)))
    this.stops.clear()
  }
}
