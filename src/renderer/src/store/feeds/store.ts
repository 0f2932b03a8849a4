import { create } from 'zustand'
import type { CaptureMode, DiskUsage, FeedCandidate, FeedDefaults, FeedInfo } from '@shared/feeds'

export interface SubscribeState {
  open: boolean
  status: 'idle' | 'finding' | 'choosing' | 'subscribing'
  /** What the person pasted, and the feeds it offers once found. */
  url: string
  candidates: FeedCandidate[]
  chosen: string | null
  folder: string
  captureMode: CaptureMode
  error: string | null
}

export interface FeedsState {
  status: 'loading' | 'ready'
  feeds: FeedInfo[]
  refreshing: boolean
  /** Of the round under way, or the last one. */
  progress: { done: number; total: number } | null
  offline: boolean
  lastRoundAt: string | null
  defaults: FeedDefaults | null
  diskUsage: DiskUsage | null
  subscribe: SubscribeState
  /** The feed each listed article came through, by article id (null: none); loaded for the rows shown. */
  articleFeeds: Record<string, { id: number; title: string } | null>
}

export const closedSubscribe: SubscribeState = {
  open: false,
  status: 'idle',
  url: '',
  candidates: [],
  chosen: null,
  folder: '',
  captureMode: 'full',
  error: null,
}

export const useFeeds = create<FeedsState>()(() => ({
  status: 'loading',
  feeds: [],
  refreshing: false,
  progress: null,
  offline: false,
  lastRoundAt: null,
  defaults: null,
  diskUsage: null,
  subscribe: closedSubscribe,
  articleFeeds: {},
}))
