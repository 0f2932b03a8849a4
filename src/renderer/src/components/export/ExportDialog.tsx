import { type JSX } from 'react'
import { ExportFormat, exportFormatInfo } from '@shared/export'
import { api } from '@renderer/api'
import { cancelExport, chooseFormat, closeExport, startExport } from '@renderer/store/export/actions'
import { useExport } from '@renderer/store/export/store'
import { useModalDialog } from '@renderer/lib/use-modal-dialog'

const HINTS: Record<ExportFormat, string> = {
  epub: 'One e-book with a chapter per article and its pictures, for an e-reader.',
  markdown: 'A folder of Markdown notes with their properties and pictures, for Obsidian or any editor.',
  html: 'A folder of web pages that open in any browser, offline, pictures inside.',
  archive: 'Everything Dateline knows about these articles, to bring back into Dateline.',
}

/** Format, destination (save dialog or download), progress and cancel. */
export function ExportDialog(): JSX.Element {
  const open = useExport((state) => state.selection !== null)
  const dialogRef = useModalDialog(open)

  return (
    <dialog
      ref={dialogRef}
      className="dialog export-dialog"
      data-testid="export-dialog"
      aria-labelledby="export-title"
      onCancel={(event) => {
        // Escape while an export runs would leave it running unseen: cancel it first.
        if (useExport.getState().running) event.preventDefault()
      }}
      onClose={closeExport}
    >
      {open && <ExportForm />}
    </dialog>
  )
}

function ExportForm(): JSX.Element {
  const { title, format, running, result, error } = useExport()
  const downloads = api.host !== 'electron'

  return (
    <form
      method="dialog"
      onSubmit={(event) => {
        event.preventDefault()
        void startExport()
      }}
    >
      <h2 id="export-title" className="dialog-title">
        Export {title}
      </h2>
      <fieldset className="export-formats" disabled={running !== null}>
        <legend className="field-label">Format</legend>
        {ExportFormat.options.map((option) => (
          <label key={option} className="export-format">
            <input
              type="radio"
              name="export-format"
              value={option}
              checked={format === option}
              data-testid={`export-format-${option}`}
              onChange={() => chooseFormat(option)}
            />
            <span>
              <strong>{exportFormatInfo[option].label}</strong>
              <span className="field-hint">{HINTS[option]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="field-hint">
        {downloads
          ? 'Your browser will download it' +
            (exportFormatInfo[format].folder ? ' as a zip of the folder.' : '.')
          : 'You will choose where to save it.'}
      </p>
      {running && (
        <div className="export-progress" role="status" aria-live="polite" data-testid="export-progress">
          <progress max={running.total ?? undefined} value={running.total ? running.done : undefined} />
          <span>{running.total ? `${running.done} of ${running.total} articles` : 'Preparing…'}</span>
        </div>
      )}
      {result && !running && (
        <p className="field-hint" role="status" data-testid="export-result">
          {result.status === 'cancelled'
            ? 'Export cancelled; nothing was left behind.'
            : `Exported ${result.articles} ${result.articles === 1 ? 'article' : 'articles'}` +
              (result.path ? ` to ${result.path}` : result.download ? ` as ${result.download.name}` : '') +
              '.'}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {running ? (
          <button type="button" className="button" data-testid="export-cancel" onClick={cancelExport}>
            Cancel export
          </button>
        ) : (
          <>
            <button type="button" className="button button-quiet" onClick={closeExport}>
              {result ? 'Close' : 'Cancel'}
            </button>
            <button type="submit" className="button button-primary" data-testid="export-start">
              Export
            </button>
          </>
        )}
      </div>
    </form>
  )
}
