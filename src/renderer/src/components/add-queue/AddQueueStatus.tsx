import type { JSX } from 'react'
import { dismissQueue } from '@renderer/store/add-queue/actions'
import { describeQueue, finishedCount, reportedFiles } from '@renderer/store/add-queue/selectors'
import { useAddQueue } from '@renderer/store/add-queue/store'
import { showAddedArticle } from '@renderer/store/library/article-actions'
import { useShallow } from 'zustand/react/shallow'

/**
 * The files being added: "Adding 3 of 7: name.html" with a bar, then what failed (by file name and
 * why) and what was added with a note, until dismissed. The live region is always in the page, so
 * a screen reader hears its first message too.
 */
export function AddQueueStatus(): JSX.Element {
  const shown = useAddQueue((state) => state.files.length > 0)
  const running = useAddQueue((state) => state.running)
  const total = useAddQueue((state) => state.files.length)
  const finished = useAddQueue(finishedCount)
  const summary = useAddQueue(describeQueue)
  const reported = useAddQueue(useShallow(reportedFiles))

  return (
    <section
      className={shown ? 'add-queue is-shown' : 'add-queue'}
      aria-label="Adding files"
      data-testid="add-queue"
    >
      <p className="add-queue-summary" role="status" aria-live="polite" data-testid="add-queue-summary">
        {shown ? summary : ''}
      </p>
      {shown && running && (
        <progress className="add-queue-bar" max={total} value={finished} aria-label="Files added" />
      )}
      {shown && !running && reported.length > 0 && (
        <ul className="add-queue-report">
          {reported.map((file) => (
            <li
              key={file.key}
              className={file.status === 'failed' ? 'add-queue-item is-failed' : 'add-queue-item'}
              data-testid="add-queue-item"
            >
              <strong className="add-queue-name">{file.name}</strong>
              <span>
                {file.status === 'failed' ? ` could not be added: ${file.message}` : `: ${file.message}`}
              </span>
              {file.articleId && (
                <button
                  type="button"
                  className="button button-quiet add-queue-open"
                  aria-label={`Open “${file.title ?? file.name}”`}
                  onClick={() => showAddedArticle(file.articleId!, true)}
                >
                  Open
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {shown && !running && (
        <button
          type="button"
          className="button button-quiet"
          onClick={dismissQueue}
          data-testid="add-queue-dismiss"
        >
          Dismiss
        </button>
      )}
    </section>
  )
}
