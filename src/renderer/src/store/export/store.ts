import { create } from 'zustand'
import type { ExportFormat, ExportResult, ExportSelection } from '@shared/export'

/** The Export dialog: what is being exported, how far it is, and how it ended. */
export interface ExportState {
  /** Open with this selection; null when closed. */
  selection: ExportSelection | null
  /** What the selection is called in the dialog and in the file's name. */
  title: string
  format: ExportFormat
  /** The running export, with its progress. */
  running: { exportId: string; done: number; total: number | null } | null
  result: ExportResult | null
  error: string | null
}

export const useExport = create<ExportState>()(() => ({
  selection: null,
  title: '',
  format: 'epub',
  running: null,
  result: null,
  error: null,
}))
