import { useState, type JSX } from 'react'
import type { FeedInfo } from '@shared/feeds'
import { refreshFeeds, removeFeed, showFeed, updateFeed } from '@renderer/store/feeds/actions'
import { INTERVALS, RETENTIONS } from './FeedsView'
import { relativeTime } from './RefreshStatus'

/** One subscription: its state in words and the settings it may override. */
export function FeedSettings({ feed }: { feed: FeedInfo }): JSX.Element {
  const [confirming, setConfirming] = useState(false)
  return (
    <li className="feed-settings" data-testid="feed-settings" data-feed-id={feed.id}>
      <div className="feed-settings-head">
        <button
          type="button"
          className="link-button feed-settings-title"
          dir="auto"
          onClick={() => showFeed(feed)}
        >
          {feed.title}
        </button>
        <span className="feed-settings-url">{feed.url}</span>
      </div>
      <p className={feed.error ? 'feed-state feed-state-error' : 'feed-state'} data-testid="feed-state">
        {feed.error
          ? `Could not refresh: ${feed.error}. ${feed.failures > 1 ? `${feed.failures} failures in a row. ` : ''}Next try ${nextTry(feed)}.`
          : feed.lastRefreshedAt
            ? `Refreshed ${relativeTime(feed.lastRefreshedAt)} · ${feed.articles} articles, ${feed.unread} unread`
            : 'Not refreshed yet'}
      </p>
      <div className="feed-settings-fields">
        <label>
          Folder
          <input
            className="text-input"
            type="text"
            defaultValue={feed.folder ?? ''}
            placeholder="None"
            onBlur={(event) => {
              const folder = event.target.value.trim() || null
              if (folder !== feed.folder) void updateFeed(feed.id, { folder })
            }}
          />
        </label>
        <label>
          Refresh
          <select
            className="text-input"
            value={feed.intervalMinutes ?? ''}
            onChange={(event) =>
              void updateFeed(feed.id, {
                intervalMinutes: event.target.value ? Number(event.target.value) : null,
              })
            }
          >
            <option value="">As the default</option>
            {INTERVALS.map(([minutes, label]) => (
              <option key={minutes} value={minutes}>
                Every {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          New articles
          <select
            className="text-input"
            data-testid="feed-capture-mode"
            value={feed.captureMode}
            onChange={(event) =>
              void updateFeed(feed.id, { captureMode: event.target.value === 'summary' ? 'summary' : 'full' })
            }
          >
            <option value="full">Saved in full</option>
            <option value="summary">Feed text only</option>
          </select>
        </label>
        <label>
          Read articles
          <select
            className="text-input"
            value={feed.retentionDays ?? ''}
            onChange={(event) =>
              void updateFeed(feed.id, {
                retentionDays: event.target.value === '' ? null : Number(event.target.value),
              })
            }
          >
            <option value="">As the default</option>
            {RETENTIONS.map(([days, label]) => (
              <option key={days} value={days}>
                {label.replace(/^are /, '')}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="feed-settings-actions">
        <button type="button" className="button" onClick={() => void refreshFeeds([feed.id])}>
          Refresh now
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              className="button"
              data-testid="feed-remove-keep"
              onClick={() => void removeFeed(feed.id, false)}
            >
              Unsubscribe, keep its articles
            </button>
            <button type="button" className="button" onClick={() => void removeFeed(feed.id, true)}>
              Unsubscribe and delete them
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button"
            data-testid="feed-remove"
            onClick={() => setConfirming(true)}
          >
            Unsubscribe…
          </button>
        )}
      </div>
    </li>
  )
}

function nextTry(feed: FeedInfo): string {
  if (!feed.nextAttemptAt) return 'at the next refresh'
  const at = new Date(feed.nextAttemptAt)
  return at.getTime() <= Date.now() ? 'at the next refresh' : `at ${at.toLocaleString()}`
}
