import type { JSX } from 'react'
import type { CorrespondentSummary } from '@shared/correspondents'
import { dismissSameName, mergeSameName } from '@renderer/store/correspondents/actions'
import { useCorrespondents } from '@renderer/store/correspondents/store'

function where(c: CorrespondentSummary): string {
  const count = `${c.articles} article${c.articles === 1 ? '' : 's'}`
  return c.outlets.length > 0 ? `${c.outlets.join(', ')}, ${count}` : count
}

/**
 * Entries that are probably one person (the same name at two outlets, or with and without
 * accents): one click merges them, with Undo; "Not the same" is remembered.
 */
export function SameNameSuggestions(): JSX.Element | null {
  const pairs = useCorrespondents((state) => state.sameName)
  if (pairs.length === 0) return null
  return (
    <section className="same-name" aria-label="Same person?" data-testid="same-name-suggestions">
      <ul className="same-name-list">
        {pairs.map((pair) => (
          <li key={`${pair.a.id}-${pair.b.id}`} className="same-name-item" data-testid="same-name-pair">
            <p className="same-name-text">
              <span dir="auto">{pair.a.name}</span>{' '}
              <span className="correspondent-meta">{where(pair.a)}</span> and{' '}
              <span dir="auto">{pair.b.name}</span>{' '}
              <span className="correspondent-meta">{where(pair.b)}</span>
            </p>
            <div className="same-name-actions">
              <button
                type="button"
                className="button button-primary"
                data-testid="same-name-merge"
                aria-label={`Same person? Merge ${pair.b.name} (${where(pair.b)}) into ${pair.a.name}`}
                onClick={() => void mergeSameName(pair)}
              >
                Same person? Merge
              </button>
              <button
                type="button"
                className="button"
                data-testid="same-name-dismiss"
                aria-label={`Not the same: ${pair.a.name} (${where(pair.a)}) and ${pair.b.name} (${where(pair.b)}) are two people`}
                onClick={() => void dismissSameName(pair)}
              >
                Not the same
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
