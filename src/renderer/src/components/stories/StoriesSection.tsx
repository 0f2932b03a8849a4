import { useEffect, type JSX } from 'react'
import { showStories, startStories } from '@renderer/store/stories/actions'
import { useUi } from '@renderer/store/ui/store'

/** The sidebar's entry to the Stories view. */
export function StoriesSection(): JSX.Element {
  const view = useUi((state) => state.view.kind)
  useEffect(() => startStories(), [])
  return (
    <ul className="filter-list" aria-label="Stories">
      <li>
        <button
          type="button"
          className="filter-button"
          data-testid="show-stories"
          aria-current={view === 'stories' || view === 'story' ? 'page' : undefined}
          onClick={showStories}
        >
          <span>Stories</span>
        </button>
      </li>
    </ul>
  )
}
