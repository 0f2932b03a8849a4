import type { JSX } from 'react'
import { BEGUN_PROGRESS, minutesLeft } from '@shared/reading'
import { useReading } from '@renderer/store/reading/store'

/** "6 min left" once the article is begun, beside its reading time. */
export function TimeLeft({ id, readingMinutes }: { id: string; readingMinutes: number }): JSX.Element | null {
  const progress = useReading((state) => state.progress[id] ?? 0)
  const left = minutesLeft(readingMinutes, progress)
  if (progress < BEGUN_PROGRESS || left === 0) return null
  return (
    <span data-testid="time-left">
      <span aria-hidden="true"> · </span>
      {left} min left
    </span>
  )
}
