import type { JSX } from 'react'
import { minutesLeft } from '@shared/reading'
import { continueReading } from '@renderer/store/reading/list-actions'
import { useReading } from '@renderer/store/reading/store'

/** The sidebar's "Continue reading": articles begun and not finished, the latest first. */
export function ContinueReadingSection(): JSX.Element | null {
  const unfinished = useReading((state) => state.unfinished)
  const progress = useReading((state) => state.progress)
  if (unfinished.length === 0) return null
  return (
    <section className="sidebar-section continue-reading" aria-labelledby="continue-heading">
      <h2 className="sidebar-heading" id="continue-heading">
        Continue reading
      </h2>
      <ul className="continue-list" data-testid="continue-reading">
        {unfinished.map((article) => {
          const at = progress[article.id] ?? article.progress
          const left = minutesLeft(article.readingMinutes, at)
          const percent = Math.round(at * 100)
          return (
            <li key={article.id}>
              <button
                type="button"
                className="continue-item"
                data-testid="continue-item"
                data-article-id={article.id}
                onClick={() => continueReading(article.id)}
              >
                <span className="continue-title" dir="auto">
                  {article.title.trim() || 'Untitled article'}
                </span>
                <span className="continue-meta">
                  <span className="row-progress-bar" aria-hidden="true">
                    <span style={{ width: `${percent}%` }} />
                  </span>
                  <span>
                    <span className="visually-hidden">{percent}% read, </span>
                    {left > 0 ? `${left} min left` : 'nearly done'}
                  </span>
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
