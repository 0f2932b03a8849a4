import { useRef, useState, type FormEvent, type JSX } from 'react'
import type { ArticleSummary, CorrespondentKind } from '@shared/article'
import { saveArticleCorrespondents } from '@renderer/store/correspondents/actions'

interface Draft {
  /** Stable across edits, so typing in one field never moves focus to another. */
  key: number
  name: string
  kind: CorrespondentKind
}

const KINDS: { value: CorrespondentKind; label: string }[] = [
  { value: 'person', label: 'Person' },
  { value: 'team', label: 'Team' },
  { value: 'agency', label: 'News agency' },
]

/**
 * The person's own list of who wrote the article: rename, add, remove, and say what each is. Saved
 * as theirs, so a re-capture or `dateline rebuild` keeps it.
 */
export function EditCorrespondents({ article }: { article: ArticleSummary }): JSX.Element {
  const [drafts, setDrafts] = useState<Draft[] | null>(null)
  const [saving, setSaving] = useState(false)
  const nextKey = useRef(0)
  const firstField = useRef<HTMLInputElement | null>(null)
  const opener = useRef<HTMLButtonElement | null>(null)
  const draft = (name: string, kind: CorrespondentKind): Draft => ({ key: nextKey.current++, name, kind })

  if (drafts === null) {
    return (
      <button
        ref={opener}
        type="button"
        className="correspondents-edit-button"
        data-testid="edit-correspondents"
        onClick={() => {
          const current = article.correspondents.map((c) => draft(c.name, c.kind))
          setDrafts(current.length > 0 ? current : [draft('', 'person')])
          requestAnimationFrame(() => firstField.current?.focus())
        }}
      >
        {article.correspondents.length > 0 ? 'Edit who wrote it' : 'Add who wrote it'}
      </button>
    )
  }
  const close = (): void => {
    setDrafts(null)
    requestAnimationFrame(() => opener.current?.focus())
  }
  const change = (key: number, patch: Partial<Draft>): void =>
    setDrafts((list) => (list ?? []).map((d) => (d.key === key ? { ...d, ...patch } : d)))
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const people = drafts
      .map((d) => ({ name: d.name.trim(), kind: d.kind }))
      .filter((person) => person.name !== '')
    setSaving(true)
    const saved = await saveArticleCorrespondents(article.id, people)
    setSaving(false)
    if (saved) close()
  }
  return (
    <form
      className="correspondents-editor"
      aria-label="Who wrote this article"
      data-testid="correspondents-editor"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          close()
        }
      }}
    >
      <ul className="correspondents-editor-list">
        {drafts.map((d, index) => {
          const label = d.name.trim() === '' ? `correspondent ${index + 1}` : d.name.trim()
          return (
            <li key={d.key} className="correspondents-editor-row" data-testid="correspondent-draft">
              <input
                ref={index === 0 ? firstField : undefined}
                className="correspondents-editor-name"
                aria-label={`Name of correspondent ${index + 1}`}
                value={d.name}
                maxLength={200}
                dir="auto"
                onChange={(event) => change(d.key, { name: event.target.value })}
              />
              <select
                aria-label={`What ${label} is`}
                value={d.kind}
                onChange={(event) => change(d.key, { kind: event.target.value as CorrespondentKind })}
              >
                {KINDS.map((kind) => (
                  <option key={kind.value} value={kind.value}>
                    {kind.label}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="link-button"
                aria-label={`Remove ${label}`}
                onClick={() => setDrafts((list) => (list ?? []).filter((other) => other.key !== d.key))}
              >
                Remove
              </button>
            </li>
          )
        })}
      </ul>
      <div className="correspondents-editor-actions">
        <button
          type="button"
          className="link-button"
          data-testid="correspondent-add"
          disabled={drafts.length >= 20}
          onClick={() => setDrafts((list) => [...(list ?? []), draft('', 'person')])}
        >
          + Add a correspondent
        </button>
        <button type="submit" className="button" data-testid="correspondents-save" disabled={saving}>
          Save
        </button>
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  )
}
