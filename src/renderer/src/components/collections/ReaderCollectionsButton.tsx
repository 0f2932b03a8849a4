import { useCallback, useEffect, useMemo, useRef, useState, type JSX } from 'react'
import { useDismiss } from '@renderer/hooks/useDismiss'
import {
  addToCollection,
  collectionsOfArticle,
  removeFromCollection,
} from '@renderer/store/collections/actions'
import { useCollections } from '@renderer/store/collections/store'
import { NewCollectionForm } from './NewCollectionForm'

/** The reader's "Collections" button: a checklist of the collections this article is in, and a new one. */
export function ReaderCollectionsButton({ articleId }: { articleId: string }): JSX.Element {
  const [open, setOpen] = useState(false)
  const [member, setMember] = useState<ReadonlySet<number>>(new Set())
  const [creating, setCreating] = useState(false)
  const all = useCollections((state) => state.collections)
  const collections = useMemo(() => all.filter((c) => c.filter === null), [all])
  const anchorRef = useRef<HTMLDivElement | null>(null)
  const close = useCallback(() => {
    setOpen(false)
    setCreating(false)
  }, [])
  useDismiss(anchorRef, open, close)

  const refresh = useCallback(
    async () => setMember(new Set(await collectionsOfArticle(articleId))),
    [articleId],
  )
  useEffect(() => {
    if (open) void refresh()
  }, [open, refresh])
  useEffect(() => close(), [articleId, close])

  const toggle = async (id: number, checked: boolean): Promise<void> => {
    // Shown at once; the library's answer follows.
    setMember((current) => {
      const next = new Set(current)
      if (checked) next.add(id)
      else next.delete(id)
      return next
    })
    if (checked) await addToCollection(id, [articleId])
    else await removeFromCollection(id, [articleId])
    // Right or wrong, the checklist then shows what the library holds.
    await refresh()
  }

  return (
    <div className="popover-anchor" ref={anchorRef}>
      <button
        type="button"
        className={`button${member.size > 0 ? ' is-on' : ''}`}
        data-testid="reader-collections"
        aria-expanded={open}
        aria-controls="reader-collections-panel"
        onClick={() => setOpen(!open)}
      >
        Collections
      </button>
      {open && (
        <div
          className="popover collections-popover"
          id="reader-collections-panel"
          role="group"
          aria-label="Collections of this article"
        >
          {collections.length === 0 && !creating && <p className="sidebar-note">No collections yet.</p>}
          {collections.length > 0 && (
            <ul className="collection-checklist">
              {collections.map((c) => (
                <li key={c.id}>
                  <label>
                    <input
                      type="checkbox"
                      data-testid="collection-checkbox"
                      data-collection-name={c.name}
                      checked={member.has(c.id)}
                      onChange={(event) => void toggle(c.id, event.target.checked)}
                    />{' '}
                    {c.name}
                  </label>
                </li>
              ))}
            </ul>
          )}
          {creating ? (
            <NewCollectionForm
              label="New collection with this article"
              onDone={(made) => {
                setCreating(false)
                if (made) void toggle(made.id, true)
              }}
            />
          ) : (
            <button
              type="button"
              className="button button-quiet"
              data-testid="reader-new-collection"
              onClick={() => setCreating(true)}
            >
              + New collection
            </button>
          )}
        </div>
      )}
    </div>
  )
}
