import type { JSX } from 'react'
import { openAddDialog } from '@renderer/store/capture/actions'

export function EmptyLibrary(): JSX.Element {
  return (
    <section
      className="empty-state empty-library"
      aria-labelledby="empty-library-title"
      data-testid="empty-library"
    >
      <h1 id="empty-library-title" className="empty-title">
        Your library is empty.
      </h1>
      <p className="empty-text">
        Add an article from a link, a file or pasted text — it will be kept on this computer for offline
        reading.
      </p>
      <button type="button" className="button button-primary" onClick={() => openAddDialog()}>
        Add an article
      </button>
      <p className="empty-hint">You can also drop a link or a file on this window, or paste a link.</p>
    </section>
  )
}
