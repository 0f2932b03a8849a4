import { create } from 'zustand'

/**
 * Whether the sidebar is shown. Below NARROW_WINDOW it starts hidden, so the list and the reader
 * keep their room at 800×600; the person's own choice (the ‹ / ☰ buttons) wins and is kept in
 * the window's storage: a preference of this window, not library data.
 */
export const NARROW_WINDOW = '(max-width: 960px)'
const STORAGE_KEY = 'dateline.sidebar'

type Choice = 'shown' | 'hidden' | null

function storedChoice(): Choice {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY)
    return value === 'shown' || value === 'hidden' ? value : null
  } catch {
    return null
  }
}

function isNarrow(): boolean {
  return typeof matchMedia === 'function' && matchMedia(NARROW_WINDOW).matches
}

interface SidebarState {
  choice: Choice
  narrow: boolean
}

export const useSidebar = create<SidebarState>()(() => ({ choice: storedChoice(), narrow: isNarrow() }))

export function sidebarShown(state: SidebarState): boolean {
  return state.choice === null ? !state.narrow : state.choice === 'shown'
}

export function setSidebarShown(shown: boolean): void {
  const choice: Choice = shown ? 'shown' : 'hidden'
  useSidebar.setState({ choice })
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, choice)
  } catch {
    // Storage refused (private mode): the choice holds for this session.
  }
}

let watching = false

/** Follows the window's width, once per window. */
export function watchWindowWidth(): void {
  if (watching || typeof matchMedia !== 'function') return
  watching = true
  matchMedia(NARROW_WINDOW).addEventListener('change', (event) =>
    useSidebar.setState({ narrow: event.matches }),
  )
}
