import { toErrorInfo } from '@shared/errors'
import type { FeedRefresher } from './feed-refresher'

export interface FeedScheduleOptions {
  /** The first look, once the window has had time to show the library. */
  startupDelayMs?: number
  /** How often due feeds are looked for; each feed keeps its own interval. */
  tickMs?: number
}

/**
 * Refreshing while a host runs (the app, `dateline serve`): at start-up, then every minute the feeds
 * that are due (their interval passed, their backoff or Retry-After over, or the network came back
 * after an offline round, which postpones feeds by two minutes without counting a failure).
 */
export class FeedSchedule {
  private timer: NodeJS.Timeout | null = null
  private stopped = false
  private running: Promise<unknown> | null = null

  constructor(
    private readonly refresher: FeedRefresher,
    private readonly now: () => Date,
    private readonly options: FeedScheduleOptions = {},
  ) {}

  start(): void {
    this.plan(this.options.startupDelayMs ?? 5_000)
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    await this.running?.catch(() => undefined)
  }

  private plan(delayMs: number): void {
    if (this.stopped) return
    this.timer = setTimeout(() => void this.tick(), delayMs)
    this.timer.unref()
  }

  private async tick(): Promise<void> {
    try {
      if (!this.refresher.refreshing) {
        this.refresher.store.syncAuthorFeeds(this.now().toISOString())
        const due = this.refresher.store.due(this.now())
        if (due.length > 0) {
          this.running = this.refresher.refresh(due)
          await this.running
        }
      }
    } catch (error) {
      console.error(`dateline: feeds: ${toErrorInfo(error).message}`)
    } finally {
      this.running = null
      this.plan(this.options.tickMs ?? 60_000)
    }
  }
}
