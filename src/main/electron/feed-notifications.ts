import { Notification } from 'electron'
import type { EventBus } from '../api/event-bus'
import type { FeedNotice } from '@shared/feeds'

/**
 * A desktop notification for each new article by a followed correspondent (the feeds refresher
 * tells each one once, whichever process saw it first). Clicking it brings the window forward.
 */
export function showFeedNotices(events: EventBus, focusWindow: () => void): () => void {
  return events.subscribe((event, payload) => {
    if (event !== 'feeds.notice' || !Notification.isSupported()) return
    const notice = payload as FeedNotice
    const notification = new Notification({
      title: `New from ${notice.correspondent}`,
      body: `${notice.title} (${notice.feedTitle})`,
      silent: false,
    })
    notification.on('click', focusWindow)
    notification.show()
  })
}
