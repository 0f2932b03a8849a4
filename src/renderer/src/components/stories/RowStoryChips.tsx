import type { JSX, MouseEvent } from 'react'
import { toggleStory } from '@renderer/store/stories/fold-actions'
import { useStoryFold } from '@renderer/store/stories/fold'
import { languageName, plural } from './story-labels'

/**
 * A folded row's story: "+ 7 outlets · 3 languages". A click shows or hides the story's other
 * articles under the row; by keyboard → and ← do (a row is an option of a listbox, which may hold
 * no control: axe nested-interactive).
 */
export function RowStoryChips({ id }: { id: string }): JSX.Element | null {
  const story = useStoryFold((state) => (state.folded ? state.rows[id] : undefined))
  const open = useStoryFold((state) => state.expanded[id] !== undefined)
  if (!story) return null
  const toggle = (event: MouseEvent): void => {
    // The row itself would open the article.
    event.stopPropagation()
    void toggleStory(id)
  }
  const others = story.articles - 1
  return (
    <span
      className={`row-story${open ? ' is-open' : ''}`}
      data-testid="row-story"
      title={open ? 'Hide the story’s other articles (←)' : 'Show the story’s other articles (→)'}
      onClick={toggle}
    >
      <span className="row-story-caret" aria-hidden="true">
        {open ? '▾' : '▸'}
      </span>
      <span className="story-chip" title={story.languages.map(languageName).join(', ')}>
        +{' '}
        {[
          story.otherOutlets > 0 ? plural(story.otherOutlets, 'outlet') : plural(others, 'article'),
          story.languages.length > 1 ? plural(story.languages.length, 'language') : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
      <span className="visually-hidden">
        {open ? ', shown below' : `, ${plural(others, 'other article')}: right arrow shows them`}
      </span>
    </span>
  )
}
