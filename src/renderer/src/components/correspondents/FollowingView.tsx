import type { JSX } from 'react'
import { displayTitle } from '@renderer/lib/format'
import { readArticleBy } from '@renderer/store/correspondents/actions'
import { useCorrespondents } from '@renderer/store/correspondents/store'
import { CorrespondentArticleDate } from './CorrespondentArticleDate'
import { CorrespondentNames } from './CorrespondentNames'
import { FollowSettings } from './FollowSettings'

/** The newest articles by everyone followed. */
export function FollowingView(): JSX.Element {
  const following = useCorrespondents((state) => state.following)
  return (
    <section className="correspondent-page" aria-labelledby="following-title" data-testid="following-view">
      <header className="correspondent-page-header">
        <h1 id="following-title">Following</h1>
        {following && <p className="correspondent-meta">{following.unread} unread</p>}
      </header>
      <FollowSettings />
      {following && following.items.length === 0 && (
        <p className="correspondents-empty">
          Follow a correspondent from their page or the reader: their new articles gather here.
        </p>
      )}
      <ul className="correspondent-articles">
        {following?.items.map((article) => (
          <li key={article.id}>
            <div
              className={`correspondent-article${article.read ? '' : ' is-unread'}`}
              data-testid="following-article"
            >
              <button
                type="button"
                className="correspondent-title link-button"
                dir="auto"
                onClick={() => readArticleBy(article.correspondents[0]?.name ?? '', article.id)}
              >
                {displayTitle(article)}
              </button>
              <span className="correspondent-meta">
                <CorrespondentNames people={article.correspondents} />
                {article.siteName ? ` · ${article.siteName}` : ''}
                {' · '}
                <CorrespondentArticleDate article={article} />
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
