import type { JSX } from 'react'
import { IMPORT_FORMAT_NAMES, ImportFormat } from '@shared/imports'
import { chooseImportFile, chooseImportFormat, startImport } from '@renderer/store/imports/actions'
import { useImports } from '@renderer/store/imports/store'

const ACCEPTED =
  '.csv,.json,.zip,.html,.htm,.txt,text/csv,application/json,application/zip,text/html,text/plain'

export function ImportFilePicker(): JSX.Element {
  const file = useImports((state) => state.file)
  const format = useImports((state) => state.format)
  const starting = useImports((state) => state.starting)
  const error = useImports((state) => state.error)
  const pickerKey = useImports((state) => state.pickerKey)
  return (
    <form
      className="import-picker"
      onSubmit={(event) => {
        event.preventDefault()
        void startImport()
      }}
    >
      <label className="field-label" htmlFor="import-file">
        The export file
      </label>
      <input
        key={pickerKey}
        id="import-file"
        className="file-input"
        type="file"
        accept={ACCEPTED}
        data-testid="import-file"
        onChange={(event) => chooseImportFile(event.currentTarget.files?.[0] ?? null)}
      />
      <p className="field-hint">
        Pocket or Instapaper (CSV), wallabag (JSON), Omnivore (ZIP), your browser’s bookmarks (HTML) or a list
        of links, one a line; up to 28 MB.
      </p>
      <div className="import-picker-row">
        <label className="field-label" htmlFor="import-format">
          Format
        </label>
        <select
          id="import-format"
          className="text-input import-format-select"
          value={format}
          data-testid="import-format"
          onChange={(event) => chooseImportFormat(event.currentTarget.value as ImportFormat | 'detect')}
        >
          <option value="detect">Find out from the file</option>
          {ImportFormat.options.map((f) => (
            <option key={f} value={f}>
              {IMPORT_FORMAT_NAMES[f]}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="button button-primary"
          disabled={!file || starting}
          data-testid="import-start"
        >
          {starting ? 'Reading the file…' : 'Import'}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
    </form>
  )
}
