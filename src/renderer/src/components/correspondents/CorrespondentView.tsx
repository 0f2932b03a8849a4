import type { JSX } from 'react'
import type { CorrespondentSummary } from '@shared/correspondents'
import { displayTitle, formatListDate } from '@renderer/lib/format'
import { readArticleBy, showCorrespondents } from '@renderer/store/correspondents/actions'
import { useCorrespondents } from '@renderer/store/correspondents/store'
import { CorrespondentArticleDate } from './CorrespondentArticleDate'
import { FollowButton } from './FollowButton'
import { SameNameSuggestions } from './SameNameSuggestions'
import { MergeCorrespondents } from './MergeCorrespondents'

const KIND_LABELS = { person: 'Correspondent', team: 'Team', agency: 'News agency' } as const

/**
 * Their own feed is looked for on their author page when they are followed, so before that
 * "None found" would claim a search that never ran.
 */
function ownFeedText(page: Pick<CorrespondentSummary, 'feedUrl' | 'authorUrl' | 'followed'>): string {
  if (page.feedUrl) return 'Yes: new pieces arrive while followed'
  if (!page.authorUrl) return 'Not known'
  return page.followed ? 'None found on their page' : 'Looked for when you follow'
}

/** One correspondent: who, where, how much, which countries, and their articles newest first. */
export function CorrespondentView({ viewKey }: { viewKey?: string }): JSX.Element {
  const page = useCorrespondents((state) => state.page)
  if (!page || String(page.id) !== viewKey) return <p className="correspondents-empty">Loading…</p>
  const day = (iso: string | null): string => (iso ? formatListDate(new Date(iso)) : '—')
  return (
    <section
      className="correspondent-page"
      aria-labelledby="correspondent-name"
      data-testid="correspondent-page"
    >
      <button type="button" className="link-button" onClick={showCorrespondents}>
        ← All correspondents
      </button>
      <header className="correspondent-page-header">
        <div>
          <h1 id="correspondent-name" dir="auto">
            {page.name}
          </h1>
          <p className="correspondent-meta">
            {KIND_LABELS[page.kind]}
            {page.outlets.length > 0 && ` at ${page.outlets.join(', ')}`}
          </p>
        </div>
        <FollowButton correspondent={page} />
      </header>
      <dl className="correspondent-facts">
        <div>
          <dt>Articles</dt>
          <dd data-testid="correspondent-count">{page.articles}</dd>
        </div>
        <div>
          <dt>Unread</dt>
          <dd>{page.unread}</dd>
        </div>
        <div>
          <dt>First seen</dt>
          <dd>{day(page.firstSeen)}</dd>
        </div>
        <div>
          <dt>Last seen</dt>
          <dd>{day(page.lastSeen)}</dd>
        </div>
        <div>
          <dt>Own feed</dt>
          <dd data-testid="correspondent-feed">{ownFeedText(page)}</dd>
        </div>
      </dl>
      {page.countries.length > 0 && (
        <p className="correspondent-countries" data-testid="correspondent-countries">
          Covers {page.countries.map((c) => c.name).join(', ')}
        </p>
      )}
      <SameNameSuggestions />
      <MergeCorrespondents page={page} />
      <h2 className="correspondent-subheading">Articles</h2>
      <ul className="correspondent-articles">
        {page.items.map((article) => (
          <li key={article.id}>
            <button
              type="button"
              className={`correspondent-article${article.read ? '' : ' is-unread'}`}
              data-testid="correspondent-article"
              onClick={() => readArticleBy(page.name, article.id)}
            >
              <span className="correspondent-title" dir="auto">
                {displayTitle(article)}
              </span>
              <span className="correspondent-meta">
                {article.siteName ? `${article.siteName} · ` : ''}
                <CorrespondentArticleDate article={article} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
