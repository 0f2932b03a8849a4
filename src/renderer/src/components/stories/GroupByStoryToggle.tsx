import { useEffect, type JSX } from 'react'
import { setGroupByStory, startStoryFold } from '@renderer/store/stories/fold-actions'
import { useStoryFold } from '@renderer/store/stories/fold'

/** "Group by story": one row per story in the list, remembered on this computer. */
export function GroupByStoryToggle(): JSX.Element {
  const folded = useStoryFold((state) => state.folded)
  useEffect(() => startStoryFold(), [])
  return (
    <label className="group-by-story">
      <input
        type="checkbox"
        checked={folded}
        data-testid="group-by-story"
        onChange={(event) => setGroupByStory(event.target.checked)}
      />
      <span>Group by story</span>
    </label>
  )
}
