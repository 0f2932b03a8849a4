import type { JSX } from 'react'
import { setUrlDraft } from '@renderer/store/capture/actions'
import { useCapture } from '@renderer/store/capture/store'

export function AddUrlField({ hidden }: { hidden: boolean }): JSX.Element {
  const url = useCapture((state) => state.url)
  return (
    <div
      id="add-panel-url"
      role="tabpanel"
      aria-labelledby="add-tab-url"
      className="tab-panel"
      hidden={hidden}
    >
      <label className="field-label" htmlFor="add-url">
        Address of the article
      </label>
      <input
        id="add-url"
        className="text-input"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://example.com/news/story"
        value={url}
        onChange={(event) => setUrlDraft(event.currentTarget.value)}
        data-testid="add-url"
        {...(hidden ? {} : { 'data-autofocus': true })}
      />
      <p className="field-hint">
        Dateline fetches the page once, with its pictures, and keeps it on this computer.
      </p>
    </div>
  )
}
