import { useCallback, useRef, useState, type JSX } from 'react'
import type { CountryTag } from '@shared/article'
import { useDismiss } from '@renderer/hooks/useDismiss'
import { editArticleCountry, showCountry } from '@renderer/store/countries/actions'

/**
 * One of the reader's countries. The name lists the country's articles; the arrow opens what can be
 * corrected (make it a main country or not, remove it): a wrong tag is fixed in two clicks.
 */
export function CountryChip({ articleId, tag }: { articleId: string; tag: CountryTag }): JSX.Element {
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLSpanElement | null>(null)
  const close = useCallback(() => setOpen(false), [])
  useDismiss(ref, open, close)
  const primary = tag.role === 'primary'
  const edit = (role: 'primary' | 'mentioned' | 'removed'): void => {
    setOpen(false)
    void editArticleCountry(articleId, tag.code, tag.name, role, tag.role)
  }
  return (
    <span
      ref={ref}
      className={`country-chip${primary ? ' is-primary' : ''}`}
      data-testid="reader-country-chip"
      data-code={tag.code}
      data-role={tag.role}
    >
      <button
        type="button"
        className="country-chip-name"
        title={`Articles about ${tag.name}`}
        onClick={() => showCountry(tag.code, tag.name)}
      >
        {tag.name}
        {primary && <span className="visually-hidden"> (main country)</span>}
      </button>
      <button
        type="button"
        className="country-chip-menu-button"
        aria-label={`Correct ${tag.name}`}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="country-chip-menu"
        onClick={() => setOpen(!open)}
      >
        ▾
      </button>
      {open && (
        <span className="country-menu" role="menu" aria-label={`${tag.name}`}>
          <button type="button" role="menuitem" onClick={() => edit(primary ? 'mentioned' : 'primary')}>
            {primary ? 'Not a main country' : 'Make main country'}
          </button>
          <button
            type="button"
            role="menuitem"
            data-testid="country-remove"
            className="country-menu-danger"
            onClick={() => edit('removed')}
          >
            Remove {tag.name}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setOpen(false)
              showCountry(tag.code, tag.name)
            }}
          >
            All articles about {tag.name}
          </button>
        </span>
      )}
    </span>
  )
}
