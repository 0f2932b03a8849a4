import { useEffect, useId, useState, type JSX } from 'react'
import type { CorrespondentPage, CorrespondentSummary } from '@shared/correspondents'
import {
  findCorrespondents,
  mergeIntoCorrespondent,
  splitCorrespondentEntry,
} from '@renderer/store/correspondents/actions'

/**
 * The same reporter under two entries (two outlets, two spellings) becomes one page; an entry
 * merged by mistake is split off again.
 */
export function MergeCorrespondents({ page }: { page: CorrespondentPage }): JSX.Element {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<CorrespondentSummary[]>([])
  const fieldId = useId()

  useEffect(() => {
    let current = true
    findCorrespondents(query, page.id)
      .then((items) => {
        if (current) setFound(items)
      })
      .catch(() => {
        if (current) setFound([])
      })
    return () => {
      current = false
    }
  }, [query, page.id, page.entries.length])

  return (
    <section className="correspondent-merge" aria-labelledby={`${fieldId}-heading`}>
      <h2 id={`${fieldId}-heading`} className="correspondent-subheading">
        Same person elsewhere
      </h2>
      {page.entries.length > 0 && (
        <ul className="correspondent-entries" data-testid="merged-entries">
          {page.entries.map((entry) => (
            <li key={entry.id} className="correspondent-entry" data-testid="merged-entry">
              <span dir="auto">
                {entry.name}
                <span className="correspondent-meta">
                  {[entry.outlet, `${entry.articles} article${entry.articles === 1 ? '' : 's'}`]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </span>
              <button
                type="button"
                className="button"
                data-testid="split-entry"
                aria-label={`Split ${entry.name}${entry.outlet ? ` at ${entry.outlet}` : ''} off`}
                onClick={() => void splitCorrespondentEntry(page.id, entry.id, entry.name)}
              >
                Split off
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="correspondent-merge-label" htmlFor={fieldId}>
        Merge another entry into {page.name}
      </label>
      <input
        id={fieldId}
        type="search"
        className="correspondents-search"
        placeholder="Name…"
        value={query}
        data-testid="merge-search"
        onChange={(event) => setQuery(event.target.value)}
      />
      {found.length > 0 && (
        <ul className="correspondent-entries" aria-label="Entries that can be merged">
          {found.map((other) => (
            <li key={other.id} className="correspondent-entry" data-testid="merge-candidate">
              <span dir="auto">
                {other.name}
                <span className="correspondent-meta">
                  {[other.outlets.join(', '), `${other.articles} article${other.articles === 1 ? '' : 's'}`]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </span>
              <button
                type="button"
                className="button"
                data-testid="merge-entry"
                aria-label={`Merge ${other.name} into ${page.name}`}
                onClick={() => {
                  setQuery('')
                  void mergeIntoCorrespondent(page.id, other)
                }}
              >
                Merge
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
