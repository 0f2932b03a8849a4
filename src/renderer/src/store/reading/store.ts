import { create } from 'zustand'
import type { UnfinishedArticle } from '@shared/reading'

export interface ReadingState {
  /**
   * How far through each article the person has read (0..1), for the articles the list or the
   * reader has shown; an id missing has not been asked about yet, 0 has never been begun.
   */
  progress: Readonly<Record<string, number>>
  /** "Continue reading": begun, not finished, most recent first. */
  unfinished: readonly UnfinishedArticle[]
}

export const useReading = create<ReadingState>()(() => ({
  progress: {},
  unfinished: [],
}))
