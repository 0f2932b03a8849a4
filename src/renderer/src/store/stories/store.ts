import { create } from 'zustand'
import type { GroupingStatus, StoryDetail, StorySummary } from '@shared/stories'

/** The stories' part of the window: the latest stories under the list's country and collection, one story. */
export interface StoriesState {
  list: StorySummary[]
  more: boolean
  loading: boolean
  grouping: GroupingStatus
  /** The story page shown, once loaded. */
  page: StoryDetail | null
  /** The latest stories, single articles too: where the page's articles can move or merge. */
  nearby: StorySummary[]
}

export const useStories = create<StoriesState>()(() => ({
  list: [],
  more: false,
  loading: false,
  grouping: { running: false, done: 0, total: 0 },
  page: null,
  nearby: [],
}))
