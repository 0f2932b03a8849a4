import type { JSX } from 'react'
import { ACCEPTED_FILE_TYPES } from '@renderer/lib/capture-input'
import { setFileDraft } from '@renderer/store/capture/actions'
import { useCapture } from '@renderer/store/capture/store'

export function AddFileField({ hidden }: { hidden: boolean }): JSX.Element {
  const files = useCapture((state) => state.files)
  return (
    <div
      id="add-panel-file"
      role="tabpanel"
      aria-labelledby="add-tab-file"
      className="tab-panel"
      hidden={hidden}
    >
      <label className="field-label" htmlFor="add-file">
        Saved web pages or text files
      </label>
      <input
        id="add-file"
        className="file-input"
        type="file"
        accept={ACCEPTED_FILE_TYPES}
        multiple
        onChange={(event) => setFileDraft(Array.from(event.currentTarget.files ?? []))}
        data-testid="add-file"
        {...(hidden ? {} : { 'data-autofocus': true })}
      />
      <p className="field-hint">
        {files.length > 1
          ? `Chosen: ${files.length} files (${files.map((file) => file.name).join(', ')})`
          : files[0]
            ? `Chosen: ${files[0].name}`
            : '.html, .htm or .txt files, up to 10 MB each; choose several at once if you like. You can also drop them on the window.'}
      </p>
    </div>
  )
}
