import type { HighlightColour } from '@shared/highlights'
import { api } from '@renderer/api'
import { reportError } from '@renderer/store/ui/actions'
import { useHighlights, type FrameSelection } from './store'

let started = false
let request = 0

/** Another window, the CLI or a sync changed highlights: reload the open article's. */
export function startHighlights(): void {
  if (started) return
  started = true
  api.on('highlights.changed', ({ articleIds }) => {
    const open = useHighlights.getState().articleId
    if (open && (articleIds.length === 0 || articleIds.includes(open))) void loadHighlights(open)
  })
}

export async function loadHighlights(articleId: string): Promise<void> {
  const asked = ++request
  if (useHighlights.getState().articleId !== articleId) {
    useHighlights.setState({ articleId, items: [], selection: null, editing: null })
  }
  try {
    const { highlights } = await api.invoke('highlights.list', { articleId })
    if (asked === request) useHighlights.setState({ items: highlights })
  } catch (error) {
    if (asked === request) reportError(error)
  }
}

export function setFrameSelection(selection: FrameSelection | null): void {
  useHighlights.setState({ selection })
}

/** Highlights what is selected in the frame; with `withNote`, opens its note for writing. */
export async function highlightSelection(withNote = false): Promise<void> {
  const { articleId, selection } = useHighlights.getState()
  if (!articleId || !selection) return
  useHighlights.setState({ selection: null })
  try {
    const made = await api.invoke('highlights.add', { articleId, ...selection.passage })
    useHighlights.setState((state) => ({
      items:
        state.articleId === articleId ? [...state.items.filter((h) => h.id !== made.id), made] : state.items,
      editing: withNote ? made.id : state.editing,
    }))
    await loadHighlights(articleId)
  } catch (error) {
    reportError(error)
  }
}

export function editNote(id: string | null): void {
  useHighlights.setState({ editing: id })
}

export async function changeHighlight(
  id: string,
  change: { note?: string; colour?: HighlightColour },
): Promise<void> {
  try {
    const changed = await api.invoke('highlights.update', { id, ...change })
    useHighlights.setState((state) => ({
      items: state.items.map((h) => (h.id === id ? changed : h)),
      editing: change.note !== undefined && state.editing === id ? null : state.editing,
    }))
  } catch (error) {
    reportError(error)
  }
}

export async function removeHighlight(id: string): Promise<void> {
  try {
    await api.invoke('highlights.remove', { id })
    useHighlights.setState((state) => ({
      items: state.items.filter((h) => h.id !== id),
      editing: state.editing === id ? null : state.editing,
    }))
  } catch (error) {
    reportError(error)
  }
}
