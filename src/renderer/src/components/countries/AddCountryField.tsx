import { useId, useRef, useState, type FormEvent, type JSX } from 'react'
import { COUNTRIES } from '@shared/country-list'
import { countryFromTyped } from '@renderer/lib/country-input'
import { editArticleCountry } from '@renderer/store/countries/actions'

/** "+ Country": type a name (suggested as one types), Enter adds it to the article as the person's. */
export function AddCountryField({ articleId }: { articleId: string }): JSX.Element {
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const listId = useId()
  const input = useRef<HTMLInputElement | null>(null)

  if (!open) {
    return (
      <button
        type="button"
        className="country-add-button"
        data-testid="country-add"
        onClick={() => {
          setOpen(true)
          requestAnimationFrame(() => input.current?.focus())
        }}
      >
        + Country
      </button>
    )
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const country = countryFromTyped(typed)
    if (!country) {
      setProblem(typed.trim() === '' ? 'Type a country.' : `No single country is called “${typed.trim()}”.`)
      return
    }
    setOpen(false)
    setTyped('')
    setProblem(null)
    void editArticleCountry(articleId, country.code, country.name, 'mentioned')
  }
  return (
    <form className="country-add-form" onSubmit={submit}>
      <input
        ref={input}
        className="country-add-input"
        aria-label="Add a country"
        placeholder="Country…"
        list={listId}
        value={typed}
        data-testid="country-add-input"
        onChange={(event) => {
          setTyped(event.target.value)
          setProblem(null)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation()
            setOpen(false)
          }
        }}
        onBlur={() => {
          if (typed.trim() === '') setOpen(false)
        }}
      />
      <datalist id={listId}>
        {COUNTRIES.map((c) => (
          <option key={c.code} value={c.name} />
        ))}
      </datalist>
      {problem && (
        <span className="country-add-problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  )
}
