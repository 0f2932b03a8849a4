import type { JSX } from 'react'
import { openImports } from '@renderer/store/imports/actions'
import { SidebarViewButton } from '../SidebarViewButton'

/** The sidebar's way to the import page. */
export function ImportButton(): JSX.Element {
  return (
    <SidebarViewButton
      view="imports"
      label="Import…"
      title="Bring in saves from Pocket, Instapaper, wallabag, Omnivore, bookmarks or a list of links"
      testId="open-imports"
      onOpen={openImports}
    />
  )
}
