import { useEffect, type JSX } from 'react'
import {
  exportOpml,
  importOpml,
  loadFeeds,
  loadFeedSettings,
  openSubscribe,
  refreshFeeds,
  setFeedDefaults,
} from '@renderer/store/feeds/actions'
import { useFeeds } from '@renderer/store/feeds/store'
import { FeedSettings } from './FeedSettings'
import { RefreshStatus } from './RefreshStatus'
import { KeepRunningSetting } from './KeepRunningSetting'

/** The feeds view: every subscription with its settings and error state, the defaults, OPML, disk use. */
export function FeedsView(): JSX.Element {
  const feeds = useFeeds((state) => state.feeds)
  const defaults = useFeeds((state) => state.defaults)
  const usage = useFeeds((state) => state.diskUsage)
  const refreshing = useFeeds((state) => state.refreshing)

  useEffect(() => {
    void loadFeeds()
    void loadFeedSettings()
  }, [])

  return (
    <section className="feeds-view" data-testid="feeds-view" aria-label="Manage feeds">
      <header className="feeds-view-header">
        <h1 id="feeds-view-title">Feeds</h1>
        <div className="feeds-view-actions">
          <button type="button" className="button" disabled={refreshing} onClick={() => void refreshFeeds()}>
            Refresh all
          </button>
          <button type="button" className="button button-primary" onClick={openSubscribe}>
            Subscribe…
          </button>
        </div>
      </header>
      <RefreshStatus />
      <div className="feeds-view-body">
        <section className="feeds-defaults" aria-label="Defaults">
          {defaults && (
            <>
              <label className="field-label">
                Refresh every
                <select
                  className="text-input"
                  value={defaults.intervalMinutes}
                  onChange={(event) => void setFeedDefaults({ intervalMinutes: Number(event.target.value) })}
                >
                  {INTERVALS.map(([minutes, label]) => (
                    <option key={minutes} value={minutes}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field-label">
                Read articles from feeds
                <select
                  className="text-input"
                  data-testid="default-retention"
                  value={defaults.retentionDays}
                  onChange={(event) => void setFeedDefaults({ retentionDays: Number(event.target.value) })}
                >
                  {RETENTIONS.map(([days, label]) => (
                    <option key={days} value={days}>
                      {label}
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
          <KeepRunningSetting />
          {usage && (
            <p className="feeds-disk" data-testid="disk-usage">
              The library uses {formatBytes(usage.total)} on disk: {formatBytes(usage.articles)} of articles,{' '}
              {formatBytes(usage.media)} of pictures, {formatBytes(usage.database)} of database and backups.
            </p>
          )}
          <div className="feeds-opml">
            <label className="button">
              Import OPML…
              <input
                type="file"
                accept=".opml,.xml,text/xml,text/x-opml"
                className="visually-hidden"
                data-testid="opml-import"
                onChange={(event) => {
                  const file = event.target.files?.[0]
                  if (file) void file.text().then(importOpml)
                  event.target.value = ''
                }}
              />
            </label>
            <button type="button" className="button" onClick={() => void downloadOpml()}>
              Export OPML
            </button>
          </div>
        </section>
        {feeds.length === 0 ? (
          <p className="sidebar-empty">No feeds yet.</p>
        ) : (
          <ul className="feed-settings-list">
            {feeds.map((feed) => (
              <FeedSettings key={feed.id} feed={feed} />
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}

export const INTERVALS: [number, string][] = [
  [15, '15 minutes'],
  [30, '30 minutes'],
  [60, 'hour'],
  [180, '3 hours'],
  [720, '12 hours'],
  [1440, 'day'],
]

export const RETENTIONS: [number, string][] = [
  [0, 'are kept for good'],
  [7, 'are removed after 7 days'],
  [30, 'are removed after 30 days'],
  [90, 'are removed after 90 days'],
  [365, 'are removed after a year'],
]

async function downloadOpml(): Promise<void> {
  const opml = await exportOpml()
  if (opml === null) return
  const link = document.createElement('a')
  link.href = URL.createObjectURL(new Blob([opml], { type: 'text/x-opml' }))
  link.download = 'dateline-feeds.opml'
  link.click()
  URL.revokeObjectURL(link.href)
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`
}
