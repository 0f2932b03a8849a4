import { BEGUN_PROGRESS, FINISHED_PROGRESS } from '@shared/reading'
import { windowTitleFor } from '@shared/window-title'
import { api } from '@renderer/api'
import { displayTitle } from '@renderer/lib/format'
import { readerFonts } from '@renderer/lib/reading/reader-fonts'
import { useLibrary } from '../library/store'
import { useReading } from './store'

/** A save a second after the person stops scrolling: one write per pause, not per frame. */
const SAVE_AFTER_MS = 1000
const UNFINISHED_SHOWN = 5
/** As many as reading.positions takes. */
const POSITIONS_PER_CALL = 1000

let pendingSave: { id: string; progress: number; timer: ReturnType<typeof setTimeout> } | null = null
const asked = new Set<string>()

function setProgress(entries: Iterable<[string, number]>): void {
  useReading.setState((state) => ({ progress: { ...state.progress, ...Object.fromEntries(entries) } }))
}

/** Asks where the person is in the articles the list has loaded and not asked about yet. */
export async function loadPositions(ids: readonly string[]): Promise<void> {
  const fresh = [...new Set(ids)].filter((id) => !asked.has(id))
  for (let start = 0; start < fresh.length; start += POSITIONS_PER_CALL)
    await loadSomePositions(fresh.slice(start, start + POSITIONS_PER_CALL))
}

async function loadSomePositions(fresh: readonly string[]): Promise<void> {
  for (const id of fresh) asked.add(id)
  try {
    const { positions } = await api.invoke('reading.positions', { ids: [...fresh] })
    const found = new Map(positions.map((p) => [p.id, p.progress]))
    setProgress(fresh.map((id) => [id, found.get(id) ?? 0]))
  } catch {
    // The list still works without them; ask again when the row is next loaded.
    for (const id of fresh) asked.delete(id)
  }
}

/** Where to put the reader when this article opens: null means the top. */
export async function positionToRestore(id: string): Promise<number | null> {
  await loadPositions([id])
  const progress = useReading.getState().progress[id] ?? 0
  return progress >= BEGUN_PROGRESS && progress < FINISHED_PROGRESS ? progress : null
}

export async function loadUnfinished(): Promise<void> {
  try {
    const { articles } = await api.invoke('reading.unfinished', { limit: UNFINISHED_SHOWN })
    useReading.setState({ unfinished: articles })
  } catch {
    // "Continue reading" is a convenience: it stays as it was.
  }
}

async function save(id: string, progress: number): Promise<void> {
  try {
    await api.invoke('reading.savePosition', { id, progress })
    void loadUnfinished()
  } catch {
    // Deleted meanwhile, or the host went away: the place is lost, nothing else.
  }
}

export function flushPosition(): void {
  if (!pendingSave) return
  clearTimeout(pendingSave.timer)
  const { id, progress } = pendingSave
  pendingSave = null
  void save(id, progress)
}

/**
 * The reader pane reports where it is scrolled. Shown at once (list and progress bar), kept after
 * a pause. Scrolling an article never begun back to its top saves nothing.
 */
export function readerMovedTo(id: string, progress: number): void {
  const known = useReading.getState().progress[id] ?? 0
  if (progress < BEGUN_PROGRESS && known < BEGUN_PROGRESS) return
  setProgress([[id, progress]])
  if (pendingSave && pendingSave.id !== id) flushPosition()
  if (pendingSave) clearTimeout(pendingSave.timer)
  pendingSave = { id, progress, timer: setTimeout(flushPosition, SAVE_AFTER_MS) }
}

/** Positions of rows as their pages load; wired once at start-up. */
export function startReading(): void {
  // The list shows headlines in every script before any article is opened.
  readerFonts()
  void loadUnfinished()
  useLibrary.subscribe((state, previous) => {
    if (state.pages === previous.pages) return
    const ids = Object.values(state.pages).flatMap((items) => items.map((item) => item.id))
    void loadPositions(ids)
  })
  // The window is named after the article read, so a print or a PDF is too.
  useLibrary.subscribe((state, previous) => {
    if (state.article?.id !== previous.article?.id || state.article?.title !== previous.article?.title)
      document.title = windowTitleFor(state.article ? displayTitle(state.article) : null)
  })
  window.addEventListener('pagehide', flushPosition)
}
