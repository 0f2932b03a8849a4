import { create } from 'zustand'
import type { FailedImportItem, ImportFormat, ImportJob } from '@shared/imports'

export interface ImportsState {
  /** Every import of the library by id, and their order (newest first). */
  jobs: Readonly<Record<number, ImportJob>>
  order: readonly number[]
  /** The failures of the imports whose list the person opened. */
  failures: Readonly<Record<number, readonly FailedImportItem[]>>
  /** The file chosen and the format asked for (`detect`: found from the file). */
  file: File | null
  format: ImportFormat | 'detect'
  /** The file is being sent and read. */
  starting: boolean
  /** Changes when a file has gone in, so the file field is emptied for the next one. */
  pickerKey: number
  error: string | null
}

export const useImports = create<ImportsState>()(() => ({
  jobs: {},
  order: [],
  failures: {},
  file: null,
  format: 'detect',
  starting: false,
  pickerKey: 0,
  error: null,
}))
