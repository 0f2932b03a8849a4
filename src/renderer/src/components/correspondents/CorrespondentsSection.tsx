import { useEffect, type JSX } from 'react'
import { formatCount } from '@renderer/lib/format'
import {
  showCorrespondents,
  showFollowing,
  startCorrespondents,
} from '@renderer/store/correspondents/actions'
import { useCorrespondents } from '@renderer/store/correspondents/store'
import { useUi } from '@renderer/store/ui/store'

/** The sidebar's correspondents section: everyone who wrote, and the articles of those followed. */
export function CorrespondentsSection(): JSX.Element {
  const view = useUi((state) => state.view.kind)
  const unread = useCorrespondents((state) => state.following?.unread ?? 0)
  useEffect(() => startCorrespondents(), [])
  return (
    <>
      <h2 className="sidebar-heading" id="correspondents-heading">
        People
      </h2>
      <ul className="filter-list" aria-labelledby="correspondents-heading">
        <li>
          <button
            type="button"
            className="filter-button"
            data-testid="show-correspondents"
            aria-current={view === 'correspondents' || view === 'correspondent' ? 'page' : undefined}
            onClick={showCorrespondents}
          >
            <span>Correspondents</span>
          </button>
        </li>
        <li>
          <button
            type="button"
            className="filter-button"
            data-testid="show-following"
            aria-current={view === 'following' ? 'page' : undefined}
            onClick={showFollowing}
          >
            <span>Following</span>
            {unread > 0 && (
              <span className="filter-count" aria-label={`${unread} unread`}>
                {formatCount(unread)}
              </span>
            )}
          </button>
        </li>
      </ul>
    </>
  )
}
