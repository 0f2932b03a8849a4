import type { JSX, MouseEvent } from 'react'
import type { Correspondent } from '@shared/article'
import { showCorrespondentNamed } from '@renderer/store/correspondents/actions'

/**
 * Who wrote an article, each name opening their page. In the reader they are buttons. In a list
 * row (`inRow`) they are a mouse shortcut only: a row is one option of a listbox, which may hold
 * no controls of its own (axe: nested-interactive), and the reader offers the same by keyboard.
 */
export function CorrespondentNames({
  people,
  inRow = false,
}: {
  people: Correspondent[]
  inRow?: boolean
}): JSX.Element | null {
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
          {inRow ? (
            <span
              className="correspondent-name"
              dir="auto"
              title={`${person.name}: their articles`}
              onClick={(event) => open(event, person.name)}
            >
              {person.name}
            </span>
          ) : (
            <button
              type="button"
              className="correspondent-name"
              dir="auto"
              title={`${person.name}: their articles`}
              onClick={(event) => open(event, person.name)}
            >
              {person.name}
            </button>
          )}
        </span>
      ))}
    </span>
  )
}
