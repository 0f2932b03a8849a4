import { useLibrary } from './store'

/**
 * When an article counts as read: the person kept it open for READ_AFTER_MS, or scrolled to its
 * end. Opening it is not reading it (a glance on the way to the next one), and neither is adding
 * it: a newly added article opens in the reader but stays unread until it is scrolled to the end.
 */
export const READ_AFTER_MS = 4000

/** How the article now in the reader got there. */
export type OpenedBy = 'person' | 'capture' | 'restore'

let timer: ReturnType<typeof setTimeout> | null = null
let watched: { id: string; markRead: (id: string) => void } | null = null

export function stopWatchingRead(): void {
  if (timer !== null) clearTimeout(timer)
  timer = null
  watched = null
}

/**
 * The person set the read state of these articles themselves (a bulk "Mark unread", the key): the
 * one in the reader is no longer watched, or its timer or the end of its text would undo their
 * choice a moment later. Reopening it watches it again.
 */
export function readStateChosen(ids: readonly string[]): void {
  if (watched && ids.includes(watched.id)) stopWatchingRead()
}

/** Starts watching the article just shown; `markRead` is called at most once for it. */
export function watchRead(id: string, openedBy: OpenedBy, markRead: (id: string) => void): void {
  stopWatchingRead()
  if (openedBy === 'restore') return
  watched = { id, markRead }
  if (openedBy === 'person') {
    timer = setTimeout(() => done(id), READ_AFTER_MS)
  }
}

/** The reader pane reports how far it is scrolled; the end of the article is read. */
export function readerScrolled(scrollTop: number, clientHeight: number, scrollHeight: number): void {
  if (!watched) return
  // A few pixels of slack: zoom and rounding rarely land exactly on the last pixel.
  const atEnd = scrollHeight > clientHeight && scrollTop + clientHeight >= scrollHeight - 4
  if (atEnd) done(watched.id)
}

function done(id: string): void {
  const current = watched
  stopWatchingRead()
  if (!current || current.id !== id) return
  const open = useLibrary.getState().article
  if (open?.id === id && !open.read) current.markRead(id)
}
