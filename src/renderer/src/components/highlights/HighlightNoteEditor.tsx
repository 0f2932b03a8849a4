import { useEffect, useId, useRef, useState, type JSX } from 'react'
import { MAX_NOTE_CHARS } from '@shared/highlights'
import { changeHighlight, editNote } from '@renderer/store/highlights/actions'

interface HighlightNoteEditorProps {
  id: string
  note: string
}

/** The note of one highlight, written in place; Ctrl/⌘ Enter saves, Escape leaves it as it was. */
export function HighlightNoteEditor({ id, note }: HighlightNoteEditorProps): JSX.Element {
  const [text, setText] = useState(note)
  const fieldId = useId()
  const fieldRef = useRef<HTMLTextAreaElement | null>(null)
  useEffect(() => {
    fieldRef.current?.focus()
  }, [])
  const save = (): void => void changeHighlight(id, { note: text.trim() })
  return (
    <form
      className="highlight-note-editor"
      onSubmit={(event) => {
        event.preventDefault()
        save()
      }}
    >
      <label htmlFor={fieldId}>Note</label>
      <textarea
        id={fieldId}
        ref={fieldRef}
        value={text}
        maxLength={MAX_NOTE_CHARS}
        rows={3}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault()
            save()
          } else if (event.key === 'Escape') {
            event.preventDefault()
            editNote(null)
          }
        }}
      />
      <div className="highlight-note-actions">
        <button type="submit" className="button-primary">
          Save note
        </button>
        <button type="button" onClick={() => editNote(null)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
