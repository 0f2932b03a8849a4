import { useEffect, type JSX } from 'react'
import { TRASH_KEEP_DAYS } from '@shared/trash'
import { formatCount } from '@renderer/lib/format'
import { askToEmptyTrash, emptyTrash, loadTrash } from '@renderer/store/trash/actions'
import { useTrash } from '@renderer/store/trash/store'
import { TrashItem } from './TrashItem'

/** Deleted articles: restore one, delete one for good, or empty the trash. */
export function TrashView(): JSX.Element {
  const items = useTrash((state) => state.items)
  const total = useTrash((state) => state.total)
  const loading = useTrash((state) => state.loading)
  const confirming = useTrash((state) => state.confirmingEmpty)
  useEffect(() => {
    void loadTrash()
    return () => askToEmptyTrash(false)
  }, [])

  return (
    <div className="trash-view" data-testid="trash-view">
      <h1 className="imports-title">Trash</h1>
      <p className="imports-intro">
        Deleted articles stay here for {TRASH_KEEP_DAYS} days with their pictures, stars and collections, then
        go for good. Ctrl/⌘ Z in the list brings back the latest.
      </p>
      {total > 0 && (
        <div className="trash-empty-row" role="group" aria-label="Empty the trash">
          {confirming ? (
            <>
              <span>
                Delete {total === 1 ? 'this article' : `all ${formatCount(total)} articles`} for good? This
                cannot be undone.
              </span>
              <button
                type="button"
                className="button button-danger"
                data-testid="confirm-empty-trash"
                onClick={() => void emptyTrash()}
              >
                Delete for good
              </button>
              <button type="button" className="button" onClick={() => askToEmptyTrash(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button"
              data-testid="empty-trash"
              onClick={() => askToEmptyTrash(true)}
            >
              Empty trash ({formatCount(total)})
            </button>
          )}
        </div>
      )}
      {total === 0 && !loading && (
        <p className="trash-nothing" data-testid="trash-nothing">
          The trash is empty.
        </p>
      )}
      {items.length > 0 && (
        <ul className="trash-list" aria-label="Deleted articles">
          {items.map((item) => (
            <TrashItem key={item.id} item={item} />
          ))}
        </ul>
      )}
      {items.length < total && (
        <button type="button" className="button" disabled={loading} onClick={() => void loadTrash(true)}>
          Show more
        </button>
      )}
    </div>
  )
}
