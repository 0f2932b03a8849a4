import { useEffect, useRef, useState, type JSX } from 'react'
import type { CollectionInfo } from '@shared/collections'
import { createCollection, currentListFilter } from '@renderer/store/collections/actions'
import { describeSavedFilter } from '@renderer/store/collections/selectors'

interface NewCollectionFormProps {
  label: string
  /** Offer to save what the list shows now as a smart collection. */
  offerSmart?: boolean
  onDone: (made: CollectionInfo | null) => void
}

/** A name (and for a smart collection, the list's filters as they are) in a small inline form. */
export function NewCollectionForm({
  label,
  offerSmart = false,
  onDone,
}: NewCollectionFormProps): JSX.Element {
  const [name, setName] = useState('')
  const [smart, setSmart] = useState(false)
  const inputRef = useRef<HTMLInputElement | null>(null)
  useEffect(() => inputRef.current?.focus(), [])
  const filter = currentListFilter()

  return (
    <form
      className="new-collection"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault()
        if (name.trim() === '') return
        void createCollection(name, smart ? { filter } : {}).then(onDone)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          onDone(null)
        }
      }}
    >
      <input
        ref={inputRef}
        className="text-input"
        data-testid="new-collection-name"
        aria-label="Name of the new collection"
        placeholder="Name"
        maxLength={300}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      {offerSmart && (
        <label className="new-collection-smart">
          <input
            type="checkbox"
            data-testid="new-collection-smart"
            checked={smart}
            onChange={(event) => setSmart(event.target.checked)}
          />
          Smart: keeps what the list shows now ({describeSavedFilter(filter)})
        </label>
      )}
      <div className="new-collection-actions">
        <button type="submit" className="button button-primary" data-testid="new-collection-create">
          Create
        </button>
        <button type="button" className="button button-quiet" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
