import { useEffect, useState, type JSX } from 'react'
import type { RowStory } from '@shared/stories'
import { api } from '@renderer/api'
import { showStory } from '@renderer/store/stories/actions'
import { plural } from './story-labels'

/** In the reader: "Part of a story: 6 outlets", opening the story page with every outlet's take. */
export function ReaderStoryLink({ id }: { id: string }): JSX.Element | null {
  const [story, setStory] = useState<RowStory | null>(null)
  useEffect(() => {
    let current = true
    const load = (): void => {
      api
        .invoke('stories.ofRows', { ids: [id] })
        .then(({ items }) => {
          if (current) setStory(items[0] ?? null)
        })
        // A library opened for reading, or gone meanwhile: the reader goes on without it.
        .catch(() => undefined)
    }
    setStory(null)
    load()
    // An article just saved is grouped a moment after it opens.
    const stop = api.on('stories.changed', load)
    return () => {
      current = false
      stop()
    }
  }, [id])
  if (!story) return null
  const outlets = story.otherOutlets + 1
  return (
    <p className="reader-story">
      <button
        type="button"
        className="link-button"
        data-testid="reader-story-link"
        onClick={() => showStory(story.story)}
      >
        Part of a story: {outlets > 1 ? plural(outlets, 'outlet') : plural(story.articles, 'article')}
      </button>
    </p>
  )
}
