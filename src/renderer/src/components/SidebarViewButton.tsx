import type { JSX } from 'react'
import { useUi, type MainViewKind } from '@renderer/store/ui/store'

/** A sidebar link to one of the main views (Import, Trash, Save from the browser…), marked while shown. */
export function SidebarViewButton({
  view,
  label,
  title,
  testId,
  onOpen,
}: {
  view: MainViewKind
  label: string
  title?: string
  testId: string
  onOpen: () => void
}): JSX.Element {
  const current = useUi((state) => state.view.kind === view)
  return (
    <button
      type="button"
      className="filter-button import-link"
      aria-current={current ? 'page' : undefined}
      data-testid={testId}
      title={title}
      onClick={onOpen}
    >
      {label}
    </button>
  )
}
