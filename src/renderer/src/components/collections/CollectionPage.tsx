import { useEffect, useState, type JSX } from 'react'
import type { ArticleSummary } from '@shared/article'
import type { CollectionCoverage, CollectionInfo } from '@shared/collections'
import { formatCount } from '@renderer/lib/format'
import {
  deleteCollection,
  describeCollection,
  openCollection,
  renameCollection,
  showCollectionInList,
  showMoreOfCollection,
} from '@renderer/store/collections/actions'
import { collectionById, describeSavedFilter } from '@renderer/store/collections/selectors'
import { useCollections } from '@renderer/store/collections/store'
import { setFacet } from '@renderer/store/library/list-actions'
import { openFoundArticle } from '@renderer/store/search/actions'
import { showArticles } from '@renderer/store/ui/actions'
import { CollectionArticleList } from './CollectionArticleList'

/** A collection's own page: its description, what it covers, its articles in their order. */
export function CollectionPage({ viewKey }: { viewKey?: string }): JSX.Element {
  const id = Number(viewKey)
  const info = useCollections((state) => collectionById(state, id))
  const page = useCollections((state) => (state.page?.id === id ? state.page : null))

  useEffect(() => {
    if (!page && Number.isInteger(id)) openCollection(id)
  }, [id, page])

  if (page?.missing || (!info && useCollections.getState().status === 'ready' && !page?.loading)) {
    return (
      <section className="collection-page" aria-labelledby="collection-title">
        <h1 id="collection-title" className="pane-title">
          No such collection
        </h1>
        <p>It may have been deleted.</p>
        <button type="button" className="button" onClick={showArticles}>
          Back to the articles
        </button>
      </section>
    )
  }
  const collection = page?.coverage?.collection ?? info
  return (
    <section className="collection-page" aria-labelledby="collection-title" data-testid="collection-page">
      {collection && <CollectionHeader collection={collection} />}
      {collection && <DescriptionEditor collection={collection} />}
      {page?.coverage && <Coverage coverage={page.coverage} />}
      <h2 className="collection-subheading" id="collection-articles-heading">
        Articles {page && !page.loading && <span className="pane-count">{formatCount(page.total)}</span>}
      </h2>
      {page?.loading && page.items.length === 0 ? (
        <p className="list-message">Loading…</p>
      ) : page && page.items.length === 0 ? (
        <p className="list-message">
          {collection?.filter
            ? 'Nothing matches this search yet.'
            : 'Empty. Add articles from the reader’s Collections button, or pick them in the list and drag them onto this collection in the sidebar.'}
        </p>
      ) : (
        page &&
        collection && (
          <>
            <CollectionArticleList
              collection={collection}
              items={page.items}
              onOpen={(article) => openInReader(collection, article)}
            />
            {page.items.length < page.total && (
              <button type="button" className="button" onClick={showMoreOfCollection}>
                Show more ({formatCount(page.total - page.items.length)} left)
              </button>
            )}
          </>
        )
      )}
    </section>
  )
}

function openInReader(collection: CollectionInfo, article: ArticleSummary): void {
  setFacet('collection', collection.name, collection.name)
  showArticles()
  openFoundArticle(article.id)
}

function CollectionHeader({ collection }: { collection: CollectionInfo }): JSX.Element {
  const [renaming, setRenaming] = useState(false)
  const [name, setName] = useState(collection.name)
  const [confirming, setConfirming] = useState(false)
  useEffect(() => setName(collection.name), [collection.name])

  return (
    <header className="collection-header">
      {renaming ? (
        <form
          className="collection-rename"
          onSubmit={(event) => {
            event.preventDefault()
            void renameCollection(collection.id, name).then((ok) => ok && setRenaming(false))
          }}
        >
          <input
            className="text-input"
            aria-label="New name of the collection"
            data-testid="rename-collection-input"
            autoFocus
            maxLength={300}
            value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setRenaming(false)
            }}
          />
          <button type="submit" className="button button-primary">
            Save
          </button>
        </form>
      ) : (
        <h1 id="collection-title" className="pane-title" dir="auto">
          {collection.name}
        </h1>
      )}
      <p className="collection-kind">
        {collection.filter
          ? `Smart collection: ${describeSavedFilter(collection.filter)}. It updates itself.`
          : 'Collection, in your order.'}{' '}
        {formatCount(collection.articles)} {collection.articles === 1 ? 'article' : 'articles'},{' '}
        {formatCount(collection.unread)} unread
      </p>
      <div className="collection-actions">
        <button
          type="button"
          className="button"
          data-testid="collection-in-list"
          onClick={() => showCollectionInList(collection)}
        >
          Show in the list
        </button>
        {!renaming && (
          <button
            type="button"
            className="button"
            data-testid="rename-collection"
            onClick={() => setRenaming(true)}
          >
            Rename
          </button>
        )}
        {confirming ? (
          <>
            <button
              type="button"
              className="button button-danger"
              data-testid="confirm-delete-collection"
              onClick={() => void deleteCollection(collection.id)}
            >
              Delete “{collection.name}” (its articles stay)
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-quiet"
            data-testid="delete-collection"
            onClick={() => setConfirming(true)}
          >
            Delete collection
          </button>
        )}
      </div>
    </header>
  )
}

function DescriptionEditor({ collection }: { collection: CollectionInfo }): JSX.Element {
  const [text, setText] = useState(collection.description)
  useEffect(() => setText(collection.description), [collection.description])
  const changed = text !== collection.description

  return (
    <form
      className="collection-description"
      onSubmit={(event) => {
        event.preventDefault()
        void describeCollection(collection.id, text)
      }}
    >
      <label htmlFor="collection-description-text" className="collection-subheading">
        Description
      </label>
      <textarea
        id="collection-description-text"
        className="text-input"
        data-testid="collection-description"
        dir="auto"
        rows={3}
        maxLength={20_000}
        placeholder="What this collection is for"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      {changed && (
        <button type="submit" className="button" data-testid="save-description">
          Save description
        </button>
      )}
    </form>
  )
}

function Coverage({ coverage }: { coverage: CollectionCoverage }): JSX.Element | null {
  if (coverage.countries.length === 0 && coverage.correspondents.length === 0) return null
  const partial = coverage.countedOver < coverage.collection.articles + coverage.collection.archived
  return (
    <div className="collection-coverage">
      {coverage.countries.length > 0 && (
        <div>
          <h2 className="collection-subheading" id="coverage-countries">
            Countries
          </h2>
          <ul
            className="coverage-list"
            aria-labelledby="coverage-countries"
            data-testid="collection-countries"
          >
            {coverage.countries.map((c) => (
              <li key={c.code}>
                {c.name} <span className="coverage-count">{formatCount(c.articles)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {coverage.correspondents.length > 0 && (
        <div>
          <h2 className="collection-subheading" id="coverage-correspondents">
            Correspondents
          </h2>
          <ul
            className="coverage-list"
            aria-labelledby="coverage-correspondents"
            data-testid="collection-correspondents"
          >
            {coverage.correspondents.map((p) => (
              <li key={p.id}>
                {p.name} <span className="coverage-count">{formatCount(p.articles)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {partial && (
        <p className="sidebar-note">Counted over the newest {formatCount(coverage.countedOver)} articles.</p>
      )}
    </div>
  )
}
