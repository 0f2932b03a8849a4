import type { JSX } from 'react'
import { useFeeds } from '@renderer/store/feeds/store'

/** "Refreshing 3 of 12", "Offline: waiting for the network", or when the feeds were last refreshed. */
export function RefreshStatus(): JSX.Element | null {
  const refreshing = useFeeds((state) => state.refreshing)
  const progress = useFeeds((state) => state.progress)
  const offline = useFeeds((state) => state.offline)
  const last = useFeeds((state) =>
    state.feeds.reduce<string | null>(
      (latest, f) =>
        f.lastRefreshedAt && (!latest || f.lastRefreshedAt > latest) ? f.lastRefreshedAt : latest,
      null,
    ),
  )
  let text: string | null = null
  if (refreshing)
    text =
      progress && progress.total > 0 ? `Refreshing ${progress.done} of ${progress.total}…` : 'Refreshing…'
  else if (offline) text = 'Offline: feeds refresh when the network is back'
  else if (last) text = `Refreshed ${relativeTime(last)}`
  if (!text) return null
  return (
    <p className="feeds-status" role="status" data-testid="feeds-status">
      {refreshing && progress && progress.total > 0 && (
        <progress className="feeds-progress" max={progress.total} value={progress.done} />
      )}
      {text}
    </p>
  )
}

export function relativeTime(iso: string, now = Date.now()): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.round(minutes / 60)
  if (hours < 24) return `${hours} h ago`
  return new Date(iso).toLocaleDateString()
}
