import type { CollectionInfo, SavedFilter } from '@shared/collections'
import type { CollectionsState } from './store'

export function collectionById(state: CollectionsState, id: number): CollectionInfo | undefined {
  return state.collections.find((c) => c.id === id)
}

const STATE_WORDS: Record<SavedFilter['state'], string | null> = {
  all: null,
  unread: 'unread',
  starred: 'starred',
  archived: 'archived',
}

/** A smart collection's search in words: “election”, country BY, unread. */
export function describeSavedFilter(filter: SavedFilter): string {
  const parts: string[] = []
  if (filter.query?.trim()) parts.push(`“${filter.query.trim()}”`)
  const state = STATE_WORDS[filter.state]
  if (state) parts.push(state)
  if (filter.country) parts.push(`country ${filter.country.toUpperCase()}`)
  if (filter.correspondent) parts.push(`by ${filter.correspondent}`)
  if (filter.collection) parts.push(`in ${filter.collection}`)
  if (filter.feed !== undefined) parts.push(`feed ${filter.feed}`)
  if (filter.site) parts.push(`from ${filter.site}`)
  if (filter.from) parts.push(`since ${filter.from}`)
  if (filter.to) parts.push(`until ${filter.to}`)
  return parts.length > 0 ? parts.join(', ') : 'every article'
}
