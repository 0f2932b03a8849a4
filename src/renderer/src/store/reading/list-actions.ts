import type { ListDate } from '@shared/reading'
import { api } from '@renderer/api'
import { openExternally } from '@renderer/lib/external-link'
import { originalAddress } from '@renderer/lib/format'
import { openArticle, selectIndex } from '../library/article-actions'
import { loadPage, reorderList, scheduleRefresh } from '../library/list-actions'
import { articleAt, currentArticle, pageOf } from '../library/selectors'
import { useLibrary } from '../library/store'
import { updateSettings } from '../settings/actions'
import { useSettings } from '../settings/store'
import { reportError, showArticles, showToast } from '../ui/actions'

/** How far down the list "next unread" looks, loading pages as it goes, before it gives up. */
const NEXT_UNREAD_REACH = 2000

/** Opens the next unread article below the selection, in the list's own order. */
export async function openNextUnread(): Promise<void> {
  const start = (useLibrary.getState().selectedIndex ?? -1) + 1
  const openId = useLibrary.getState().article?.id
  for (let index = start; index < Math.min(useLibrary.getState().total, start + NEXT_UNREAD_REACH); index++) {
    let summary = articleAt(useLibrary.getState(), index)
    if (!summary) {
      await loadPage(pageOf(index))
      summary = articleAt(useLibrary.getState(), index)
      if (!summary) break
    }
    if (!summary.read && summary.id !== openId) {
      selectIndex(index)
      return
    }
  }
  showToast('No more unread articles below this one')
}

/** Opens the article's own page in the system browser (`v`). */
export function openOriginal(): void {
  const article = currentArticle(useLibrary.getState())
  const address = article ? originalAddress(article) : null
  if (address) openExternally(address)
  else if (article) showToast('This article has no web address to open (it came from a file or a paste)')
}

/** "Continue reading": back into the list, the article open where it was left. */
export function continueReading(id: string): void {
  showArticles()
  useLibrary.setState({ selectedId: id, selectedIndex: null })
  void openArticle(id)
}

/** Marks every unread article of the list read, with Undo for exactly those. */
export async function markListRead(): Promise<void> {
  const { filter, facets } = useLibrary.getState()
  try {
    const { ids } = await api.invoke('reading.markAllRead', { state: filter, ...facets })
    scheduleRefresh()
    if (ids.length === 0) {
      showToast('Every article here is read already')
      return
    }
    showToast(`Marked ${ids.length === 1 ? 'one article' : `${ids.length.toLocaleString()} articles`} read`, {
      label: 'Undo',
      testId: 'undo-mark-all-read',
      run: () => void undoMarkRead(ids),
    })
  } catch (error) {
    reportError(error)
  }
}

async function undoMarkRead(ids: string[]): Promise<void> {
  try {
    await api.invoke('reading.markUnread', { ids })
    scheduleRefresh()
  } catch (error) {
    reportError(error)
  }
}

export function listDate(): ListDate {
  return useSettings.getState().settings.listDate
}

export function setListDate(by: ListDate): void {
  if (listDate() !== by) void updateSettings({ listDate: by })
}

/** The list follows the order setting, whichever window changed it. */
export function startListOrder(): void {
  useSettings.subscribe((state, previous) => {
    if (state.settings.listDate !== previous.settings.listDate) reorderList()
  })
}
