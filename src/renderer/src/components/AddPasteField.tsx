import type { JSX } from 'react'
import { setPasteDraft } from '@renderer/store/capture/actions'
import { useCapture } from '@renderer/store/capture/store'

export function AddPasteField({ hidden }: { hidden: boolean }): JSX.Element {
  const paste = useCapture((state) => state.paste)
  return (
    <div
      id="add-panel-paste"
      role="tabpanel"
      aria-labelledby="add-tab-paste"
      className="tab-panel"
      hidden={hidden}
    >
      <label className="field-label" htmlFor="add-paste">
        The article’s text, or its HTML
      </label>
      <textarea
        id="add-paste"
        className="text-input paste-input"
        rows={10}
        value={paste}
        onChange={(event) => setPasteDraft(event.currentTarget.value)}
        data-testid="add-paste"
        {...(hidden ? {} : { 'data-autofocus': true })}
      />
      <p className="field-hint">Text that starts with an HTML tag is read as a web page.</p>
    </div>
  )
}
