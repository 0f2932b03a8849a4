import { create } from 'zustand'
import type { ArticleSummary } from '@shared/article'
import type { CollectionCoverage, CollectionInfo } from '@shared/collections'

/** The open collection page: its countries and correspondents, and its first articles in order. */
export interface CollectionPageState {
  id: number
  coverage: CollectionCoverage | null
  items: readonly ArticleSummary[]
  total: number
  loading: boolean
  /** True when the collection no longer exists (deleted here or elsewhere). */
  missing: boolean
}

export interface CollectionsState {
  status: 'loading' | 'ready'
  /** By name, as collections.list gives them; smart ones among the others. */
  collections: readonly CollectionInfo[]
  page: CollectionPageState | null
}

export const useCollections = create<CollectionsState>()(() => ({
  status: 'loading',
  collections: [],
  page: null,
}))
