import { create } from 'zustand'
import type { TrashedArticle } from '@shared/trash'

export interface TrashState {
  items: readonly TrashedArticle[]
  total: number
  loading: boolean
  /** The person pressed Empty trash and is asked to confirm. */
  confirmingEmpty: boolean
}

export const useTrash = create<TrashState>()(() => ({
  items: [],
  total: 0,
  loading: false,
  confirmingEmpty: false,
}))
