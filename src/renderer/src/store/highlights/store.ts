import { create } from 'zustand'
import type { TextSelector } from '@shared/highlight-anchor'
import type { AnchoredHighlight } from '@shared/highlights'

/** What is selected in the article frame, and where the "Highlight" bar goes (in the reader's box). */
export interface FrameSelection {
  passage: TextSelector
  top: number
  left: number
}

export interface HighlightsState {
  /** The article whose highlights `items` are. */
  articleId: string | null
  items: readonly AnchoredHighlight[]
  selection: FrameSelection | null
  /** The highlight whose note is being written (the panel opens its editor). */
  editing: string | null
}

export const useHighlights = create<HighlightsState>()(() => ({
  articleId: null,
  items: [],
  selection: null,
  editing: null,
}))
