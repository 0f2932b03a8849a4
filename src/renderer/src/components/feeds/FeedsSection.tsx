import type { JSX } from 'react'
import type { FeedInfo } from '@shared/feeds'
import { formatCount } from '@renderer/lib/format'
import { openSubscribe, refreshFeeds, showFeed } from '@renderer/store/feeds/actions'
import { useFeeds } from '@renderer/store/feeds/store'
import { useLibrary } from '@renderer/store/library/store'
import { showView } from '@renderer/store/ui/actions'
import { useUi } from '@renderer/store/ui/store'
import { RefreshStatus } from './RefreshStatus'
import { SubscribeDialog } from './SubscribeDialog'

/** The sidebar's feeds: folders from OPML, each feed with its unread count and its error, if any. */
export function FeedsSection(): JSX.Element {
  const feeds = useFeeds((state) => state.feeds)
  const refreshing = useFeeds((state) => state.refreshing)
  const folders = groupByFolder(feeds)

  return (
    <section className="feeds-section" aria-labelledby="feeds-heading">
      <div className="sidebar-heading-row">
        <h2 className="sidebar-heading" id="feeds-heading">
          Feeds
        </h2>
        <span className="sidebar-heading-actions">
          <button
            type="button"
            className="icon-button"
            title="Refresh all feeds"
            aria-label="Refresh all feeds"
            data-testid="feeds-refresh-all"
            disabled={refreshing || feeds.length === 0}
            onClick={() => void refreshFeeds()}
          >
            ↻
          </button>
          <button
            type="button"
            className="icon-button"
            title="Subscribe to a feed"
            aria-label="Subscribe to a feed"
            data-testid="feeds-subscribe"
            onClick={openSubscribe}
          >
            +
          </button>
          <button
            type="button"
            className="icon-button"
            title="Manage feeds"
            aria-label="Manage feeds"
            data-testid="feeds-manage"
            onClick={() => showView({ kind: 'feeds' })}
          >
            ⚙
          </button>
        </span>
      </div>
      <RefreshStatus />
      {feeds.length === 0 ? (
        <p className="sidebar-empty">Subscribe to an outlet's feed to fill the library on its own.</p>
      ) : (
        folders.map(([folder, members]) =>
          folder ? (
            <details key={folder} className="feed-folder" open>
              <summary className="feed-folder-name">{folder}</summary>
              <FeedList feeds={members} />
            </details>
          ) : (
            <FeedList key="" feeds={members} />
          ),
        )
      )}
      <SubscribeDialog />
    </section>
  )
}

function FeedList({ feeds }: { feeds: FeedInfo[] }): JSX.Element {
  return (
    <ul className="filter-list">
      {feeds.map((feed) => (
        <FeedButton key={feed.id} feed={feed} />
      ))}
    </ul>
  )
}

function FeedButton({ feed }: { feed: FeedInfo }): JSX.Element {
  const listShown = useUi((state) => state.view.kind === 'articles')
  const active = useLibrary((state) => state.facets.feed === feed.id) && listShown
  const counted = useLibrary((state) => state.sidebarCounts?.feeds.find((f) => f.id === feed.id)?.unread)
  const unread = counted ?? feed.unread
  return (
    <li>
      <button
        type="button"
        className="filter-button feed-button"
        aria-current={active ? 'page' : undefined}
        data-testid="feed-button"
        data-feed-id={feed.id}
        title={feed.error ? `${feed.title}: ${feed.error}` : feed.title}
        onClick={() => showFeed(feed)}
      >
        <span className="feed-name" dir="auto">
          {feed.title}
        </span>
        {feed.error && (
          <span className="feed-error-mark" role="img" aria-label={`Error: ${feed.error}`}>
            !
          </span>
        )}
        {unread > 0 && <span className="filter-count">{formatCount(unread)}</span>}
      </button>
    </li>
  )
}

function groupByFolder(feeds: FeedInfo[]): [string | null, FeedInfo[]][] {
  const groups = new Map<string | null, FeedInfo[]>()
  for (const feed of feeds) groups.set(feed.folder, [...(groups.get(feed.folder) ?? []), feed])
  // Folders first (by name), then the feeds in none, as readers show them.
  return [...groups].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
}
