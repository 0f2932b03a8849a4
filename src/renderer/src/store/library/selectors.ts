import type { ArticleSummary } from '@shared/article'
import { PAGE_SIZE, type LibraryState, type ListFilter } from './store'

export function pageOf(index: number): number {
  return Math.floor(index / PAGE_SIZE)
}

export function articleAt(state: Pick<LibraryState, 'pages'>, index: number): ArticleSummary | undefined {
  return state.pages[pageOf(index)]?.[index % PAGE_SIZE]
}

export function loadedIndexOf(state: Pick<LibraryState, 'pages'>, id: string): number | null {
  for (const [page, items] of Object.entries(state.pages)) {
    const position = items.findIndex((item) => item.id === id)
    if (position >= 0) return Number(page) * PAGE_SIZE + position
  }
  return null
}

export function loadedSummary(state: Pick<LibraryState, 'pages'>, id: string): ArticleSummary | undefined {
  const index = loadedIndexOf(state, id)
  return index === null ? undefined : articleAt(state, index)
}

/** The article the toolbar and the keys act on: the selected one, else the one in the reader. */
export function currentArticle(state: LibraryState): ArticleSummary | null {
  if (state.article && (state.selectedId === null || state.selectedId === state.article.id))
    return state.article
  return state.selectedId ? (loadedSummary(state, state.selectedId) ?? null) : null
}

export function isLibraryEmpty(state: LibraryState): boolean {
  if (state.status !== 'ready') return false
  return state.counts?.all === 0 || (state.filter === 'all' && state.total === 0)
}

export function countFor(state: LibraryState, filter: ListFilter): number | null {
  return state.counts ? state.counts[filter] : null
}
