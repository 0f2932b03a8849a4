import type { JSX } from 'react'
import { openExtensionSettings } from '@renderer/store/extension/actions'
import { useUi } from '@renderer/store/ui/store'

/** The sidebar's way to the settings of the browser extension, the link handler and the bookmarklet. */
export function ExtensionButton(): JSX.Element {
  const current = useUi((state) => state.view.kind === 'extension')
  return (
    <button
      type="button"
      className="filter-button import-link"
      aria-current={current ? 'page' : undefined}
      data-testid="open-extension-settings"
      title="Save pages from your browser with one click: pair the Dateline extension, or use the bookmarklet"
      onClick={openExtensionSettings}
    >
      Save from the browser…
    </button>
  )
}
