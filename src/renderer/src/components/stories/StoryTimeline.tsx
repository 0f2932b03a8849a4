import type { JSX } from 'react'
import type { StoryArticle } from '@shared/stories'
import { storyTime } from './story-labels'

/** Where each article falls between the first report and the last: a strip of marks. */
export function StoryTimeline({ items }: { items: StoryArticle[] }): JSX.Element | null {
  if (items.length === 0) return null
  const times = items.map((item) => Date.parse(item.at))
  const first = Math.min(...times)
  const last = Math.max(...times)
  const span = Math.max(1, last - first)
  const hours = Math.round((last - first) / 3_600_000)
  return (
    <figure className="story-timeline" aria-label="Timeline">
      <div className="story-timeline-strip" aria-hidden="true">
        {items.map((item, i) => (
          <span
            key={item.article.id}
            className="story-timeline-mark"
            style={{ insetInlineStart: `${((times[i]! - first) / span) * 100}%` }}
            title={`${storyTime(item.at)} ${item.article.siteName ?? ''}`}
          />
        ))}
      </div>
      <figcaption className="story-timeline-caption">
        <span>First: {storyTime(items[0]!.at)}</span>
        <span>{hours < 1 ? 'within the hour' : `over ${hours} hour${hours === 1 ? '' : 's'}`}</span>
        <span>Latest: {storyTime(items[items.length - 1]!.at)}</span>
      </figcaption>
    </figure>
  )
}
