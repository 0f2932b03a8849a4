import { useEffect, useId, useState, type JSX } from 'react'
import { formatCount } from '@renderer/lib/format'
import { useCollections } from '@renderer/store/collections/store'
import {
  addPickedToCollection,
  clearSelection,
  deletePicked,
  extendPick,
  pickAll,
  setPickedStates,
  togglePickOpen,
} from '@renderer/store/selection/actions'
import { useSelection } from '@renderer/store/selection/store'
import { useUi } from '@renderer/store/ui/store'
import { NewCollectionForm } from '../collections/NewCollectionForm'

function isTextEntry(element: Element | null): boolean {
  if (!element) return false
  return (
    (element as HTMLElement).isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)
  )
}

/**
 * ctrl/⌘ A picks every article of the list, Shift+↓/↑ (J/K) extends the pick, x picks the open
 * article or lets it go, Escape lets them all go. Only while the list is shown and no text field
 * or dialog has the keys. Registered before the window's shortcuts, which skip a handled key.
 */
function useSelectionKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (useUi.getState().view.kind !== 'articles') return
      const target = event.target instanceof Element ? event.target : null
      if (isTextEntry(target) || target?.closest('[role="dialog"], .popover, [data-reader-scroll]')) return
      const command = event.ctrlKey || event.metaKey
      if (command && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'a') {
        event.preventDefault()
        void pickAll()
      } else if (!command && !event.altKey && event.shiftKey && ['ArrowDown', 'J'].includes(event.key)) {
        event.preventDefault()
        extendPick(1)
      } else if (!command && !event.altKey && event.shiftKey && ['ArrowUp', 'K'].includes(event.key)) {
        event.preventDefault()
        extendPick(-1)
      } else if (!command && !event.altKey && !event.shiftKey && event.key === 'x') {
        event.preventDefault()
        togglePickOpen()
      } else if (event.key === 'Escape' && useSelection.getState().ids.length > 0) {
        event.preventDefault()
        clearSelection()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

/** The actions on the picked articles, above the list while some are picked. */
export function BulkActionBar(): JSX.Element | null {
  useSelectionKeys()
  const count = useSelection((state) => state.ids.length)
  const busy = useSelection((state) => state.busy)
  const collections = useCollections((state) => state.collections)
  const [creating, setCreating] = useState(false)
  const selectId = useId()
  if (count === 0 && !busy) return null
  const plain = collections.filter((c) => c.filter === null)

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Picked articles" data-testid="bulk-bar">
      <span className="bulk-count" role="status" aria-live="polite">
        {busy ? 'Picking…' : `${formatCount(count)} picked`}
      </span>
      <button type="button" className="button" onClick={() => void setPickedStates({ read: true })}>
        Mark read
      </button>
      <button type="button" className="button" onClick={() => void setPickedStates({ read: false })}>
        Mark unread
      </button>
      <button type="button" className="button" onClick={() => void setPickedStates({ starred: true })}>
        Star
      </button>
      <button type="button" className="button" onClick={() => void setPickedStates({ archived: true })}>
        Archive
      </button>
      <button
        type="button"
        className="button button-quiet"
        data-testid="bulk-delete"
        onClick={() => void deletePicked()}
      >
        Delete
      </button>
      <label className="visually-hidden" htmlFor={selectId}>
        Add the picked articles to a collection
      </label>
      <select
        id={selectId}
        className="bulk-collection"
        data-testid="bulk-add-to-collection"
        value=""
        onChange={(event) => {
          const value = event.target.value
          if (value === 'new') setCreating(true)
          else if (value) void addPickedToCollection(Number(value))
        }}
      >
        <option value="">Add to collection…</option>
        {plain.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
        <option value="new">New collection…</option>
      </select>
      {creating && (
        <NewCollectionForm
          label="New collection for the picked articles"
          onDone={(made) => {
            setCreating(false)
            if (made) void addPickedToCollection(made.id)
          }}
        />
      )}
      <button
        type="button"
        className="button button-quiet"
        aria-label="Clear the picked articles (Escape)"
        onClick={clearSelection}
      >
        Clear
      </button>
    </div>
  )
}
