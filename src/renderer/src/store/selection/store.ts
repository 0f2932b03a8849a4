import { create } from 'zustand'

/**
 * The articles picked in the list for one action on all of them (shift/ctrl/⌘ click, ctrl/⌘ A).
 * Apart from the list's own selection, which is the one article open in the reader: a plain click
 * opens an article and drops the picked ones.
 */
export interface SelectionState {
  /** Picked article ids, in the order of the list. */
  ids: readonly string[]
  /** The same ids, for a row to ask whether it is picked. */
  picked: Readonly<Record<string, true>>
  /** Where a shift+click range starts: the row last clicked. */
  anchor: number | null
  /** True while a range or "select all" is fetching the rows it needs. */
  busy: boolean
}

export const useSelection = create<SelectionState>()(() => ({
  ids: [],
  picked: {},
  anchor: null,
  busy: false,
}))

export function isPicked(state: SelectionState, id: string): boolean {
  return state.picked[id] === true
}

export function pickedCount(state: SelectionState): number {
  return state.ids.length
}
