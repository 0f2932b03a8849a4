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
import { OverflowToolbar } from './layout/OverflowToolbar'

export function ReaderToolbar(): JSX.Element {
  const article = useLibrary(currentArticle)
  const original = article ? originalAddress(article) : null

  return (
    <OverflowToolbar label="Article" end={<ReaderSettingsButton />}>
      {article && [
        <button key="read" type="button" className="button" data-testid="toggle-read" onClick={toggleRead}>
          {article.read ? 'Mark unread' : 'Mark read'}
        </button>,
        <button
          key="star"
          type="button"
          className={`button${article.starred ? ' is-on' : ''}`}
          data-testid="toggle-star"
          aria-pressed={article.starred}
          onClick={toggleStar}
        >
          <span aria-hidden="true">{article.starred ? '★' : '☆'}</span> Star
        </button>,
        <button
          key="archive"
          type="button"
          className={`button${article.archived ? ' is-on' : ''}`}
          data-testid="toggle-archived"
          aria-pressed={article.archived}
          onClick={toggleArchived}
        >
          {article.archived ? 'Unarchive' : 'Archive'}
        </button>,
        <button
          key="delete"
          type="button"
          className="button button-quiet"
          data-testid="delete-article"
          onClick={() => void deleteArticle()}
        >
          Delete
        </button>,
        <ReaderCollectionsButton key="collections" articleId={article.id} />,
        original && (
          <button key="original" type="button" className="button" onClick={() => openExternally(original)}>
            Open original <span aria-hidden="true">↗</span>
          </button>
        ),
        <ExportButton key="export" selection={{ kind: 'ids', ids: [article.id] }} title={article.title} />,
      ]}
    </OverflowToolbar>
  )
}
