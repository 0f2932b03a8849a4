import type { JSX } from 'react'
import type { ExportSelection } from '@shared/export'
import { openExport } from '@renderer/store/export/actions'

interface ExportButtonProps {
  /** What to export: a collection by name, ids, or a list filter. */
  selection: ExportSelection
  /** What it is called in the dialog and in the file's name (a collection's name). */
  title: string
  label?: string
}

/** Opens the Export dialog for a selection; a collection page places one for its collection. */
export function ExportButton({ selection, title, label = 'Export…' }: ExportButtonProps): JSX.Element {
  return (
    <button
      type="button"
      className="button"
      data-testid="export-button"
      onClick={() => openExport(selection, title)}
    >
      {label}
    </button>
  )
}
