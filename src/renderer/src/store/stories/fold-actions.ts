import type { ArticleSummary } from '@shared/article'
import { api } from '@renderer/api'
import { reorderList, scheduleRefresh } from '@renderer/store/library/list-actions'
import { articleAt } from '@renderer/store/library/selectors'
import { useLibrary } from '@renderer/store/library/store'
import { reportError } from '@renderer/store/ui/actions'
import { STORAGE_KEY, useStoryFold } from './fold'

/** Folding the list by story, expanding a row's story, and the rows' stories as pages load. */

export function setGroupByStory(folded: boolean): void {
  if (useStoryFold.getState().folded === folded) return
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, String(folded))
  } catch {
    // Remembering is a convenience: a window without storage still folds.
  }
  useStoryFold.setState({ folded, expanded: {} })
  reorderList()
}

export async function toggleStory(articleId: string): Promise<void> {
  const { expanded, rows } = useStoryFold.getState()
  const row = rows[articleId]
  if (expanded[articleId] !== undefined) {
    const next = { ...expanded }
    delete next[articleId]
    useStoryFold.setState({ expanded: next })
    return
  }
  if (!row) return
  useStoryFold.setState({ expanded: { ...expanded, [articleId]: 'loading' } })
  try {
    const story = await api.invoke('stories.get', { id: row.story })
    const others = story.items.filter((item) => item.article.id !== articleId)
    if (useStoryFold.getState().expanded[articleId] === undefined) return
    useStoryFold.setState((state) => ({ expanded: { ...state.expanded, [articleId]: others } }))
  } catch (error) {
    useStoryFold.setState((state) => {
      const next = { ...state.expanded }
      delete next[articleId]
      return { expanded: next }
    })
    reportError(error)
  }
}

/** → and ← on the list expand and fold the selected row's story, as in a tree. */
function onListKey(event: KeyboardEvent): void {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
  const target = event.target instanceof Element ? event.target : null
  if (!target?.closest('[data-testid="article-list"]') || !useStoryFold.getState().folded) return
  const library = useLibrary.getState()
  const article = library.selectedIndex === null ? undefined : articleAt(library, library.selectedIndex)
  if (!article || !useStoryFold.getState().rows[article.id]) return
  const open = useStoryFold.getState().expanded[article.id] !== undefined
  if (open === (event.key === 'ArrowRight')) return
  event.preventDefault()
  void toggleStory(article.id)
}

let started = false
const asked = new WeakSet<readonly ArticleSummary[]>()

/** Follows the list's pages: each page loaded while folded asks for its rows' stories once. */
export function startStoryFold(): void {
  if (started) return
  started = true
  globalThis.addEventListener?.('keydown', onListKey)
  // Grouping in the background folds rows that were alone a moment ago.
  api.on('stories.changed', () => {
    if (useStoryFold.getState().folded) scheduleRefresh()
  })
  const follow = (): void => {
    if (!useStoryFold.getState().folded) return
    for (const items of Object.values(useLibrary.getState().pages)) {
      if (asked.has(items) || items.length === 0) continue
      asked.add(items)
      void api
        .invoke('stories.ofRows', { ids: items.map((item) => item.id) })
        .then(({ items: stories }) =>
          useStoryFold.setState((state) => {
            // A row whose story lost its other articles since is alone again.
            const rows = { ...state.rows }
            for (const item of items) delete rows[item.id]
            for (const story of stories) rows[story.article] = story
            return { rows }
          }),
        )
        .catch(reportError)
    }
  }
  useLibrary.subscribe((state, previous) => {
    if (state.pages !== previous.pages) follow()
  })
  useStoryFold.subscribe((state, previous) => {
    if (state.folded !== previous.folded) follow()
  })
  follow()
}
