import type { JSX } from 'react'
import { openExtensionSettings } from '@renderer/store/extension/actions'
import { SidebarViewButton } from '../SidebarViewButton'

/** The sidebar's way to the settings of the browser extension, the link handler and the bookmarklet. */
export function ExtensionButton(): JSX.Element {
  return (
    <SidebarViewButton
      view="extension"
      label="Save from the browser…"
      title="Save pages from your browser with one click: pair the Dateline extension, or use the bookmarklet"
      testId="open-extension-settings"
      onOpen={openExtensionSettings}
    />
  )
}
