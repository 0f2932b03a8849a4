import type { JSX } from 'react'
import { openTrash } from '@renderer/store/trash/actions'
import { SidebarViewButton } from '../SidebarViewButton'

/** The sidebar's way to the deleted articles. */
export function TrashButton(): JSX.Element {
  return <SidebarViewButton view="trash" label="Trash" testId="open-trash" onOpen={openTrash} />
}
