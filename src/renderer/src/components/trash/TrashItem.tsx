import type { JSX } from 'react'
import type { TrashedArticle } from '@shared/trash'
import { formatListDate } from '@renderer/lib/format'
import { deleteForGood, restoreFromTrash } from '@renderer/store/trash/actions'

export function TrashItem({ item }: { item: TrashedArticle }): JSX.Element {
  const titleId = `trash-title-${item.id}`
  return (
    <li className="trash-item" data-testid="trash-item" aria-labelledby={titleId}>
      <div className="trash-item-text">
        <div className="trash-item-title" id={titleId}>
          {item.title}
        </div>
        <div className="trash-item-meta">
          {item.siteName && <span>{item.siteName} · </span>}
          deleted {formatListDate(new Date(item.deletedAt))}, kept until{' '}
          {formatListDate(new Date(item.purgeAt))}
        </div>
      </div>
      <div className="trash-item-actions">
        <button
          type="button"
          className="button"
          data-testid="trash-restore"
          aria-describedby={titleId}
          onClick={() => void restoreFromTrash(item.id)}
        >
          Restore
        </button>
        <button
          type="button"
          className="button button-quiet"
          data-testid="trash-delete-for-good"
          aria-describedby={titleId}
          onClick={() => void deleteForGood(item.id)}
        >
          Delete for good
        </button>
      </div>
    </li>
  )
}
