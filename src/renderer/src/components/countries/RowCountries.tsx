import type { JSX, MouseEvent } from 'react'
import type { CountryTag } from '@shared/article'
import { showCountry } from '@renderer/store/countries/actions'

/** How many chips fit a row's source line beside the site and the date. */
const ROW_CHIPS = 2

/**
 * A list row's countries, main ones first; a click lists that country's articles. A mouse
 * shortcut, not a control: a row is an option of a listbox, which may hold none (axe:
 * nested-interactive); the reader's chips do the same by keyboard.
 */
export function RowCountries({ countries }: { countries: readonly CountryTag[] }): JSX.Element | null {
  if (countries.length === 0) return null
  const shown = countries.slice(0, ROW_CHIPS)
  const more = countries.length - shown.length
  const open = (event: MouseEvent, tag: CountryTag): void => {
    // The row itself would open the article.
    event.stopPropagation()
    showCountry(tag.code, tag.name)
  }
  return (
    <span className="row-countries" data-testid="row-countries">
      {shown.map((tag) => (
        <span
          key={tag.code}
          className={`country-chip country-chip-small${tag.role === 'primary' ? ' is-primary' : ''}`}
          title={`Articles about ${tag.name}`}
          data-testid="row-country-chip"
          data-code={tag.code}
          onClick={(event) => open(event, tag)}
        >
          {tag.name}
        </span>
      ))}
      {more > 0 && (
        <span className="row-countries-more" aria-label={`and ${more} more countries`}>
          +{more}
        </span>
      )}
    </span>
  )
}
