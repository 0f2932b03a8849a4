import type { JSX } from 'react'
import { BEGUN_PROGRESS, FINISHED_PROGRESS, minutesLeft } from '@shared/reading'
import { useReading } from '@renderer/store/reading/store'

/** In a row of the list: how far the article is read and the minutes left, once it is begun. */
export function RowProgress({
  id,
  readingMinutes,
}: {
  id: string
  readingMinutes: number
}): JSX.Element | null {
  const progress = useReading((state) => state.progress[id] ?? 0)
  if (progress < BEGUN_PROGRESS || progress >= FINISHED_PROGRESS) return null
  const percent = Math.round(progress * 100)
  const left = minutesLeft(readingMinutes, progress)
  return (
    <span className="row-progress" data-testid="row-progress" data-progress={percent}>
      <span className="row-progress-bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </span>
      <span className="visually-hidden">{percent}% read, </span>
      {left > 0 ? `${left} min left` : ''}
    </span>
  )
}
