import { useRef, useState, type JSX, type KeyboardEvent } from 'react'
import type { ArticleSummary } from '@shared/article'
import type { CollectionInfo } from '@shared/collections'
import { articleDate, displayTitle, formatListDate } from '@renderer/lib/format'
import { moveInCollection, removeFromCollection } from '@renderer/store/collections/actions'

/** A drag inside the collection page carries one article id, under a type only this page reads. */
const ITEM_DRAG_TYPE = 'application/x-dateline-collection-item'

interface CollectionArticleListProps {
  collection: CollectionInfo
  items: readonly ArticleSummary[]
  onOpen: (article: ArticleSummary) => void
}

/**
 * The articles of a collection in its order. In a plain collection they are dragged to another
 * place, or moved with the Move buttons or Alt+↑/↓ on a title (the keyboard way to reorder).
 */
export function CollectionArticleList({
  collection,
  items,
  onOpen,
}: CollectionArticleListProps): JSX.Element {
  const ordered = collection.filter === null
  const [dragged, setDragged] = useState<string | null>(null)
  const [target, setTarget] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const listRef = useRef<HTMLOListElement | null>(null)

  /** Puts `id` where `to` is (the one there moves aside, towards where `id` came from). */
  const moveTo = (id: string, to: number): void => {
    const from = items.findIndex((a) => a.id === id)
    if (from < 0 || to < 0 || to >= items.length || to === from) return
    // Moving down, it goes after the article at `to`, so before the one that follows it.
    const before = to > from ? (items[to + 1]?.id ?? null) : items[to]!.id
    void moveInCollection(collection.id, [id], before)
    const title = displayTitle(items[from]!)
    setAnnouncement(`${title} moved to position ${to + 1} of ${items.length}`)
    // Keep the keyboard on the article that moved.
    requestAnimationFrame(() =>
      listRef.current
        ?.querySelector<HTMLElement>(`[data-article-id="${id}"] .collection-article-title`)
        ?.focus(),
    )
  }

  const onTitleKey = (event: KeyboardEvent, index: number, id: string): void => {
    if (!ordered || !event.altKey) return
    if (event.key === 'ArrowUp') {
      event.preventDefault()
      moveTo(id, index - 1)
    } else if (event.key === 'ArrowDown') {
      event.preventDefault()
      moveTo(id, index + 1)
    }
  }

  return (
    <>
      <ol
        className="collection-articles"
        aria-labelledby="collection-articles-heading"
        ref={listRef}
        data-testid="collection-articles"
      >
        {items.map((article, index) => (
          <li
            key={article.id}
            className={`collection-article${target === article.id && dragged !== article.id ? ' is-drop-target' : ''}${dragged === article.id ? ' is-dragged' : ''}`}
            data-testid="collection-article"
            data-article-id={article.id}
            draggable={ordered}
            onDragStart={(event) => {
              if (!ordered) return
              event.dataTransfer.setData(ITEM_DRAG_TYPE, article.id)
              event.dataTransfer.effectAllowed = 'move'
              setDragged(article.id)
            }}
            onDragEnd={() => {
              setDragged(null)
              setTarget(null)
            }}
            onDragOver={(event) => {
              if (!ordered || !event.dataTransfer.types.includes(ITEM_DRAG_TYPE)) return
              event.preventDefault()
              event.dataTransfer.dropEffect = 'move'
              if (target !== article.id) setTarget(article.id)
            }}
            onDrop={(event) => {
              const id = event.dataTransfer.getData(ITEM_DRAG_TYPE)
              setDragged(null)
              setTarget(null)
              if (!ordered || !id) return
              event.preventDefault()
              moveTo(id, index)
            }}
          >
            {ordered && (
              <span className="drag-handle" aria-hidden="true" title="Drag to reorder">
                ⠿
              </span>
            )}
            <div className="collection-article-body">
              <button
                type="button"
                className="collection-article-title"
                dir="auto"
                aria-keyshortcuts={ordered ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
                onClick={() => onOpen(article)}
                onKeyDown={(event) => onTitleKey(event, index, article.id)}
              >
                {displayTitle(article)}
                {!article.read && <span className="visually-hidden">, unread</span>}
              </button>
              <span className="collection-article-meta">{articleLine(article)}</span>
            </div>
            {ordered && (
              <div className="collection-article-actions">
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Move “${displayTitle(article)}” up`}
                  disabled={index === 0}
                  onClick={() => moveTo(article.id, index - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Move “${displayTitle(article)}” down`}
                  disabled={index === items.length - 1}
                  onClick={() => moveTo(article.id, index + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button-small button-quiet"
                  aria-label={`Remove “${displayTitle(article)}” from the collection`}
                  data-testid="remove-from-collection"
                  onClick={() => void removeFromCollection(collection.id, [article.id])}
                >
                  Remove
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </>
  )
}

function articleLine(article: ArticleSummary): string {
  const date = articleDate(article)
  return [article.siteName, article.byline, date ? formatListDate(date) : null].filter(Boolean).join(' · ')
}
