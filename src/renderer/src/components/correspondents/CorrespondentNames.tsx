import type { JSX, MouseEvent } from 'react'
import type { Correspondent } from '@shared/article'
import { showCorrespondentNamed } from '@renderer/store/correspondents/actions'

/** Who wrote an article, each name a link to their page (in rows and in the reader). */
export function CorrespondentNames({ people }: { people: Correspondent[] }): JSX.Element | null {
  if (people.length === 0) return null
  const open = (event: MouseEvent, name: string): void => {
    // A row selects its article on click; the name opens the person instead.
    event.stopPropagation()
    void showCorrespondentNamed(name)
  }
  return (
    <span className="correspondent-names" data-testid="correspondent-names">
      {people.map((person, index) => (
        <span key={`${person.name}-${index}`}>
          {index > 0 && ', '}
          <button
            type="button"
            className="correspondent-name"
            dir="auto"
            title={`${person.name}: their articles`}
            onClick={(event) => open(event, person.name)}
          >
            {person.name}
          </button>
        </span>
      ))}
    </span>
  )
}
