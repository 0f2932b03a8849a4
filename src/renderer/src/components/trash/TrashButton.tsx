import type { JSX } from 'react'
import { openTrash } from '@renderer/store/trash/actions'
import { useUi } from '@renderer/store/ui/store'

/** The sidebar's way to the deleted articles. */
export function TrashButton(): JSX.Element {
  const current = useUi((state) => state.view.kind === 'trash')
  return (
    <button
      type="button"
      className="filter-button import-link"
      aria-current={current ? 'page' : undefined}
      data-testid="open-trash"
      onClick={openTrash}
    >
      Trash
    </button>
  )
}
