import { create } from 'zustand'
import type {
  CorrespondentPage,
  CorrespondentSort,
  CorrespondentSummary,
  FollowingPage,
  SameNamePair,
} from '@shared/correspondents'

/** The correspondents' part of the window: the list as searched and sorted, one page, Following. */
export interface CorrespondentsState {
  query: string
  sort: CorrespondentSort
  list: CorrespondentSummary[]
  total: number
  loading: boolean
  /** The correspondent page shown, once loaded. */
  page: CorrespondentPage | null
  following: FollowingPage | null
  /** Separate entries that are probably one person, offered as "Same person? Merge". */
  sameName: SameNamePair[]
}

export const useCorrespondents = create<CorrespondentsState>()(() => ({
  query: '',
  sort: 'count',
  list: [],
  total: 0,
  loading: false,
  page: null,
  following: null,
  sameName: [],
}))
