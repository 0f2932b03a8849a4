import type { JSX } from 'react'
import type { CorrespondentSort } from '@shared/correspondents'
import { formatCount } from '@renderer/lib/format'
import {
  searchCorrespondents,
  showCorrespondent,
  sortCorrespondents,
} from '@renderer/store/correspondents/actions'
import { useCorrespondents } from '@renderer/store/correspondents/store'
import { FollowButton } from './FollowButton'
import { SameNameSuggestions } from './SameNameSuggestions'

const SORTS: { value: CorrespondentSort; label: string }[] = [
  { value: 'count', label: 'Most articles' },
  { value: 'latest', label: 'Latest article' },
  { value: 'name', label: 'Name' },
]

const KIND_LABELS = { person: 'Correspondent', team: 'Team', agency: 'Agency' } as const

/** Everyone who wrote an article in the library: searchable, sorted, each with a Follow button. */
export function CorrespondentsView(): JSX.Element {
  const { list, total, query, sort, loading } = useCorrespondents()
  return (
    <section
      className="correspondents-view"
      aria-labelledby="correspondents-title"
      data-testid="correspondents-view"
    >
      <header className="correspondents-header">
        <h1 id="correspondents-title">Correspondents</h1>
        <div className="correspondents-tools">
          <input
            type="search"
            className="correspondents-search"
            placeholder="Find a correspondent"
            aria-label="Find a correspondent"
            value={query}
            data-testid="correspondents-search"
            onChange={(event) => searchCorrespondents(event.target.value)}
          />
          <label className="correspondents-sort">
            Sort by{' '}
            <select
              value={sort}
              data-testid="correspondents-sort"
              onChange={(event) => sortCorrespondents(event.target.value as CorrespondentSort)}
            >
              {SORTS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <SameNameSuggestions />
      {!loading && list.length === 0 && (
        <p className="correspondents-empty">
          {query
            ? 'No correspondent has that name.'
            : 'Nobody yet: the articles you save will name their authors.'}
        </p>
      )}
      <ul className="correspondent-list" aria-label={`${total} correspondents`}>
        {list.map((c) => (
          <li key={c.id} className="correspondent-item" data-testid="correspondent-item">
            <button type="button" className="correspondent-open" onClick={() => showCorrespondent(c.id)}>
              <span className="correspondent-title" dir="auto">
                {c.name}
              </span>
              <span className="correspondent-meta">
                {KIND_LABELS[c.kind]}
                {c.outlets.length > 0 && ` · ${c.outlets.join(', ')}`}
                {` · ${formatCount(c.articles)} article${c.articles === 1 ? '' : 's'}`}
                {c.feedUrl && <span className="correspondent-feed"> · own feed</span>}
              </span>
            </button>
            <FollowButton correspondent={c} />
          </li>
        ))}
      </ul>
    </section>
  )
}
