import { create } from 'zustand'
import type { ErrorInfo } from '@shared/errors'

export interface ToastAction {
  label: string
  testId: string
  run: () => void
}

export interface Toast {
  /** Distinguishes a new toast from the one it replaced, so its timer starts again. */
  id: number
  message: string
  action: ToastAction | null
  /** The article the notice is about: named in it, with a button to open it. */
  article: NoticeArticle | null
}

export interface NoticeArticle {
  id: string
  title: string
}

/**
 * What the main area shows: the article list with the reader, or one of the features' own views
 * (src/renderer/src/views.tsx maps each kind to its component). `key` names the one thing a view is
 * about, such as a correspondent's or a collection's id.
 */
export type MainViewKind =
  | 'articles'
  | 'countries'
  | 'map'
  | 'correspondents'
  | 'correspondent'
  | 'following'
  | 'feeds'
  | 'feed'
  | 'collection'
  | 'imports'
  | 'sync'
  | 'extension'
  | 'trash'
  | 'stories'
  | 'story'
export interface MainView {
  kind: MainViewKind
  key?: string
}

export interface UiState {
  view: MainView
  /** The error the person should know about, shown as a banner until dismissed. */
  banner: ErrorInfo | null
  toast: Toast | null
  shortcutsOpen: boolean
  /** The reader settings panel (Aa), opened from its button or the command palette. */
  readerSettingsOpen: boolean
  /** Something that can become an article is being dragged over the window. */
  dropping: boolean
}

export const useUi = create<UiState>()(() => ({
  view: { kind: 'articles' },
  banner: null,
  toast: null,
  shortcutsOpen: false,
  readerSettingsOpen: false,
  dropping: false,
}))
