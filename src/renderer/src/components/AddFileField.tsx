import type { JSX } from 'react'
import { ACCEPTED_FILE_TYPES } from '@renderer/lib/capture-input'
import { setFileDraft } from '@renderer/store/capture/actions'
import { useCapture } from '@renderer/store/capture/store'

export function AddFileField({ hidden }: { hidden: boolean }): JSX.Element {
  const file = useCapture((state) => state.file)
  return (
    <div
      id="add-panel-file"
      role="tabpanel"
      aria-labelledby="add-tab-file"
      className="tab-panel"
      hidden={hidden}
    >
      <label className="field-label" htmlFor="add-file">
        A saved web page or a text file
      </label>
      <input
        id="add-file"
        className="file-input"
        type="file"
        accept={ACCEPTED_FILE_TYPES}
        onChange={(event) => setFileDraft(event.currentTarget.files?.[0] ?? null)}
        data-testid="add-file"
        {...(hidden ? {} : { 'data-autofocus': true })}
      />
      <p className="field-hint">
        {file
          ? `Chosen: ${file.name}`
          : 'An .html, .htm or .txt file, up to 10 MB. You can also drop it on the window.'}
      </p>
    </div>
  )
}
