import type { JSX } from 'react'
import { openImports } from '@renderer/store/imports/actions'
import { useUi } from '@renderer/store/ui/store'

/** The sidebar's way to the import page. */
export function ImportButton(): JSX.Element {
  const current = useUi((state) => state.view.kind === 'imports')
  return (
    <button
      type="button"
      className="filter-button import-link"
      aria-current={current ? 'page' : undefined}
      data-testid="open-imports"
      title="Bring in saves from Pocket, Instapaper, wallabag, Omnivore, bookmarks or a list of links"
      onClick={openImports}
    >
      Import…
    </button>
  )
}
