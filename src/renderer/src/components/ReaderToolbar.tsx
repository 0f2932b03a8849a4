import type { JSX } from 'react'
import { openExternally } from '@renderer/lib/external-link'
import { originalAddress } from '@renderer/lib/format'
import {
  deleteArticle,
  toggleArchived,
  toggleRead,
  toggleStar,
} from '@renderer/store/library/article-actions'
import { currentArticle } from '@renderer/store/library/selectors'
import { useLibrary } from '@renderer/store/library/store'
import { ReaderSettingsButton } from './ReaderSettingsButton'
import { ReaderCollectionsButton } from './collections/ReaderCollectionsButton'
import { ExportButton } from './export/ExportButton'

export function ReaderToolbar(): JSX.Element {
  const article = useLibrary(currentArticle)
  const original = article ? originalAddress(article) : null

  return (
    <div className="reader-toolbar" role="toolbar" aria-label="Article">
      {article && (
        <>
          <button type="button" className="button" data-testid="toggle-read" onClick={toggleRead}>
            {article.read ? 'Mark unread' : 'Mark read'}
          </button>
          <button
            type="button"
            className={`button${article.starred ? ' is-on' : ''}`}
            data-testid="toggle-star"
            aria-pressed={article.starred}
            onClick={toggleStar}
          >
            <span aria-hidden="true">{article.starred ? '★' : '☆'}</span> Star
          </button>
          <button
            type="button"
            className={`button${article.archived ? ' is-on' : ''}`}
            data-testid="toggle-archived"
            aria-pressed={article.archived}
            onClick={toggleArchived}
          >
            {article.archived ? 'Unarchive' : 'Archive'}
          </button>
          <ReaderCollectionsButton articleId={article.id} />
          {original && (
            <button type="button" className="button" onClick={() => openExternally(original)}>
              Open original <span aria-hidden="true">↗</span>
            </button>
          )}
          <ExportButton selection={{ kind: 'ids', ids: [article.id] }} title={article.title} />
          <button
            type="button"
            className="button button-quiet"
            data-testid="delete-article"
            onClick={() => void deleteArticle()}
          >
            Delete
          </button>
        </>
      )}
      <span className="toolbar-spacer" />
      <ReaderSettingsButton />
    </div>
  )
}
