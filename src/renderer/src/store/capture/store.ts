import { create } from 'zustand'
import type { CaptureProgress } from '@shared/contract'

export type AddTab = 'url' | 'file' | 'paste'

export interface CaptureState {
  dialogOpen: boolean
  tab: AddTab
  /** What the person typed or chose; kept through errors and until the article is saved. */
  url: string
  paste: string
  file: File | null
  /** Every file chosen at once (file is the first). */
  files: readonly File[]
  /** The capture this window is waiting for; one at a time. */
  activeCaptureId: string | null
  /** Latest progress of each capture, from capture.progress events. */
  progress: Readonly<Record<string, CaptureProgress>>
  error: string | null
}

export const useCapture = create<CaptureState>()(() => ({
  dialogOpen: false,
  tab: 'url',
  url: '',
  paste: '',
  file: null,
  files: [],
  activeCaptureId: null,
  progress: {},
  error: null,
}))
