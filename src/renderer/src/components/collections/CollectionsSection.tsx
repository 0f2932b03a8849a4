import { useState, type DragEvent, type JSX } from 'react'
import type { CollectionInfo } from '@shared/collections'
import { formatCount } from '@renderer/lib/format'
import { addToCollection, openCollection } from '@renderer/store/collections/actions'
import { describeSavedFilter } from '@renderer/store/collections/selectors'
import { useCollections } from '@renderer/store/collections/store'
import { ARTICLES_DRAG_TYPE, droppedArticles } from '@renderer/store/selection/actions'
import { useUi } from '@renderer/store/ui/store'
import { NewCollectionForm } from './NewCollectionForm'

/** The sidebar's collections and smart collections, with their counts; rows of the list drop onto them. */
export function CollectionsSection(): JSX.Element {
  const collections = useCollections((state) => state.collections)
  const [creating, setCreating] = useState(false)

  return (
    <section className="sidebar-section" aria-labelledby="collections-heading">
      <div className="sidebar-heading-row">
        <h2 className="sidebar-heading" id="collections-heading">
          Collections
        </h2>
        <button
          type="button"
          className="sidebar-add"
          data-testid="new-collection"
          aria-label="New collection"
          aria-expanded={creating}
          onClick={() => setCreating(!creating)}
        >
          +
        </button>
      </div>
      {creating && (
        <NewCollectionForm
          label="New collection"
          offerSmart
          onDone={(made) => {
            setCreating(false)
            if (made) openCollection(made.id)
          }}
        />
      )}
      {collections.length === 0 && !creating ? (
        <p className="sidebar-note">Gather stories into a collection with + or by dragging them here.</p>
      ) : (
        <ul className="filter-list" aria-labelledby="collections-heading" data-testid="collections">
          {collections.map((c) => (
            <CollectionItem key={c.id} collection={c} />
          ))}
        </ul>
      )}
    </section>
  )
}

function CollectionItem({ collection }: { collection: CollectionInfo }): JSX.Element {
  const open = useUi((state) => state.view.kind === 'collection' && state.view.key === String(collection.id))
  const [dropping, setDropping] = useState(false)
  const smart = collection.filter !== null
  const accepts = (event: DragEvent): boolean =>
    !smart && event.dataTransfer.types.includes(ARTICLES_DRAG_TYPE)

  return (
    <li>
      <button
        type="button"
        className={`filter-button collection-button${dropping ? ' is-drop-target' : ''}`}
        aria-current={open ? 'page' : undefined}
        data-testid="collection-item"
        data-collection-name={collection.name}
        title={
          smart
            ? `Smart collection: ${describeSavedFilter(collection.filter!)}`
            : collection.description || undefined
        }
        onClick={() => openCollection(collection.id)}
        onDragEnter={(event) => {
          if (accepts(event)) setDropping(true)
        }}
        onDragOver={(event) => {
          if (!accepts(event)) return
          event.preventDefault()
          event.dataTransfer.dropEffect = 'copy'
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={(event) => {
          setDropping(false)
          const ids = accepts(event) ? droppedArticles(event.dataTransfer) : null
          if (!ids || ids.length === 0) return
          event.preventDefault()
          void addToCollection(collection.id, ids)
        }}
      >
        <span className="collection-name">
          {smart && (
            <span className="collection-smart-mark" aria-hidden="true">
              ⌕{' '}
            </span>
          )}
          {collection.name}
          {smart && <span className="visually-hidden"> (smart collection)</span>}
        </span>
        <span className="filter-count" data-testid="collection-count">
          {formatCount(collection.articles)}
        </span>
      </button>
    </li>
  )
}
