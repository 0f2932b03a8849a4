import { useEffect, type JSX } from 'react'
import { wantArticleFeed } from '@renderer/store/feeds/actions'
import { useFeeds } from '@renderer/store/feeds/store'

/** The feed an article of the list came through, if any. */
export function ArticleFeedName({ id }: { id: string }): JSX.Element | null {
  const feed = useFeeds((state) => state.articleFeeds[id])
  // Asked again when forgotten: a refresh may have linked the article to its feed since.
  useEffect(() => {
    if (feed === undefined) wantArticleFeed(id)
  }, [id, feed])
  if (!feed) return null
  return (
    <span className="row-feed" data-testid="row-feed" dir="auto">
      {feed.title}
    </span>
  )
}
