import type { JSX } from 'react'
import { showStory } from '@renderer/store/stories/actions'
import { useStories } from '@renderer/store/stories/store'
import { useLibrary } from '@renderer/store/library/store'
import { languageName, plural, storyTime } from './story-labels'

/** The latest stories: one event's articles across outlets and languages, newest first. */
export function StoriesView(): JSX.Element {
  const { list, loading, grouping } = useStories()
  const facets = useLibrary((state) => state.facets)
  const labels = useLibrary((state) => state.facetLabels)
  const narrowed = [
    facets.country && (labels.country ?? facets.country),
    facets.collection && `the collection ${facets.collection}`,
  ].filter(Boolean)
  return (
    <section className="stories-view" aria-labelledby="stories-title" data-testid="stories-view">
      <header className="stories-header">
        <h1 id="stories-title">Stories</h1>
        {narrowed.length > 0 && <p className="stories-filter">About {narrowed.join(', in ')}</p>}
      </header>
      {grouping.running && (
        <p className="stories-progress" role="status">
          Grouping the library: {grouping.done} of {grouping.total} articles
          <progress max={grouping.total} value={grouping.done} aria-label="Grouping the library" />
        </p>
      )}
      {!loading && list.length === 0 && (
        <p className="stories-empty">
          No story yet: when two outlets report the same event, it appears here with every outlet&apos;s
          headline.
        </p>
      )}
      <ul className="story-list" aria-label={plural(list.length, 'story', 'stories')}>
        {list.map((story) => (
          <li key={story.id}>
            <button
              type="button"
              className="story-open"
              data-testid="story-item"
              onClick={() => showStory(story.id)}
            >
              <span className="story-title" dir="auto">
                {story.title}
              </span>
              <span className="story-chips">
                <span className="story-chip">{plural(story.outlets, 'outlet')}</span>
                {story.languages.length > 1 && (
                  <span className="story-chip" title={story.languages.map(languageName).join(', ')}>
                    {plural(story.languages.length, 'language')}
                  </span>
                )}
                <span className="story-when">{storyTime(story.lastAt)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
