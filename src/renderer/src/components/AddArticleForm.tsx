import type { JSX, KeyboardEvent } from 'react'
import { chooseAddTab, closeAddDialog, submitCapture } from '@renderer/store/capture/actions'
import { isCapturing } from '@renderer/store/capture/selectors'
import { useCapture, type AddTab } from '@renderer/store/capture/store'
import { AddFileField } from './AddFileField'
import { AddPasteField } from './AddPasteField'
import { AddUrlField } from './AddUrlField'
import { CaptureStatus } from './CaptureStatus'

const TABS: { id: AddTab; label: string }[] = [
  { id: 'url', label: 'Link' },
  { id: 'file', label: 'File' },
  { id: 'paste', label: 'Paste' },
]

function onTabKeyDown(event: KeyboardEvent<HTMLDivElement>, tab: AddTab): void {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
  const index = TABS.findIndex((candidate) => candidate.id === tab)
  const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]
  if (!next) return
  chooseAddTab(next.id)
  event.currentTarget.querySelector<HTMLElement>(`#add-tab-${next.id}`)?.focus()
}

export function AddArticleForm(): JSX.Element {
  const tab = useCapture((state) => state.tab)
  const error = useCapture((state) => state.error)
  const busy = useCapture(isCapturing)

  return (
    <form
      className="add-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submitCapture()
      }}
    >
      <h2 id="add-title" className="dialog-title">
        Add an article
      </h2>
      <div
        className="tabs"
        role="tablist"
        aria-label="Add from"
        onKeyDown={(event) => onTabKeyDown(event, tab)}
      >
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            id={`add-tab-${id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === id}
            aria-controls={`add-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            data-testid={`add-tab-${id}`}
            onClick={() => chooseAddTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      {/* Every panel stays in the page (hidden when not chosen) so what was typed in each survives. */}
      <AddUrlField hidden={tab !== 'url'} />
      <AddFileField hidden={tab !== 'file'} />
      <AddPasteField hidden={tab !== 'paste'} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <CaptureStatus />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={closeAddDialog}>
          {busy ? 'Close' : 'Cancel'}
        </button>
        <button type="submit" className="button button-primary" data-testid="add-submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add to library'}
        </button>
      </div>
    </form>
  )
}
