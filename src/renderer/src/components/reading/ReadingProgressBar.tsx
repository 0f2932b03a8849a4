import type { JSX } from 'react'
import { useLibrary } from '@renderer/store/library/store'
import { useReading } from '@renderer/store/reading/store'

/** A hairline under the toolbar: how much of the open article is read. */
export function ReadingProgressBar(): JSX.Element | null {
  const id = useLibrary((state) => state.article?.id)
  const progress = useReading((state) => (id ? (state.progress[id] ?? 0) : 0))
  if (!id) return null
  const percent = Math.round(progress * 100)
  return (
    <div
      className="reading-progress"
      role="progressbar"
      aria-label="Read so far"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-testid="reading-progress"
    >
      <span className="reading-progress-done" style={{ width: `${percent}%` }} />
    </div>
  )
}
