import { openAddDialog } from '@renderer/store/capture/actions'
import { useCapture } from '@renderer/store/capture/store'
import { highlightSelection } from '@renderer/store/highlights/actions'
import { useHighlights } from '@renderer/store/highlights/store'
import {
  deleteArticle,
  moveSelection,
  selectIndex,
  toggleRead,
  toggleArchived,
  toggleStar,
} from '@renderer/store/library/article-actions'
import { useLibrary } from '@renderer/store/library/store'
import { openNextUnread, openOriginal } from '@renderer/store/reading/list-actions'
import { openPalette } from '@renderer/store/search/actions'
import { useSearch } from '@renderer/store/search/store'
import { toggleShortcuts } from '@renderer/store/ui/actions'
import { useUi } from '@renderer/store/ui/store'
import { undoLatest } from '@renderer/store/undo/undo-stack'

export interface ShortcutHelp {
  keys: string[]
  does: string
}

export const SHORTCUTS: ShortcutHelp[] = [
  { keys: ['j', '↓'], does: 'Next article' },
  { keys: ['k', '↑'], does: 'Previous article' },
  { keys: ['o', 'Enter'], does: 'Open the selected article and move into it' },
  { keys: ['n'], does: 'Next unread article (also Space at the end of an article)' },
  { keys: ['v'], does: 'Open the original page in your browser' },
  { keys: ['u'], does: 'Mark read or unread' },
  { keys: ['s'], does: 'Star or unstar' },
  { keys: ['e'], does: 'Archive or unarchive (out of the list, still found by search)' },
  { keys: ['Delete'], does: 'Delete (to the Trash, kept 30 days)' },
  { keys: ['Ctrl/⌘ Z'], does: 'Undo the last delete; again for the one before' },
  { keys: ['Shift ↓', 'Shift ↑'], does: 'Pick articles for one action on all (also Shift/Ctrl/⌘ click)' },
  { keys: ['x'], does: 'Pick the open article, or let it go' },
  { keys: ['Ctrl/⌘ A'], does: 'Pick every article of the list' },
  { keys: ['Escape'], does: 'Let the picked articles go' },
  { keys: ['Alt ↑', 'Alt ↓'], does: 'On a collection page: move the article up or down' },
  { keys: ['h', 'Shift H'], does: 'Highlight the text selected in the article (with Shift: and add a note)' },
  { keys: ['a', 'Ctrl/⌘ N'], does: 'Add an article' },
  { keys: ['/'], does: 'Search headlines and text' },
  { keys: ['Ctrl/⌘ K'], does: 'Command palette: search articles, run a command' },
  { keys: ['?'], does: 'Show or hide these shortcuts' },
]

/** Duck-typed: keys may come from the article frame, whose elements belong to another realm. */
function elementOf(target: EventTarget | null): Element | null {
  return typeof target === 'object' && target !== null && 'closest' in target ? (target as Element) : null
}

function isTextEntry(element: Element | null): boolean {
  if (!element) return false
  return (
    (element as HTMLElement).isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)
  )
}

/** Enter on a button or link must press it, not open an article. */
function isPressable(element: Element | null): boolean {
  return element !== null && ['BUTTON', 'A', 'SUMMARY'].includes(element.tagName)
}

/** Inside the reader, the arrow keys scroll the article instead of changing article. */
function isInReader(element: Element | null): boolean {
  if (!element) return false
  return element.ownerDocument !== document || element.closest('[data-reader-scroll]') !== null
}

function readerAtEnd(): boolean {
  const pane = document.querySelector<HTMLElement>('[data-reader-scroll]')
  return pane !== null && pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 4
}

function focusReader(): void {
  document.querySelector<HTMLElement>('[data-reader-scroll]')?.focus()
}

type Action = () => void

function focusSearchBox(): void {
  const box = document.querySelector<HTMLInputElement>('[data-search-box]')
  box?.focus()
  box?.select()
}

function openSelected(): void {
  if (useLibrary.getState().selectedIndex === null) selectIndex(0)
  focusReader()
}

function actionFor(event: KeyboardEvent, target: Element | null): Action | null {
  const command = event.ctrlKey || event.metaKey
  if (command && !event.altKey && event.key.toLowerCase() === 'n') return () => openAddDialog()
  if (command && !event.altKey && event.key.toLowerCase() === 'k') return openPalette
  // In a text field Ctrl/⌘ Z undoes typing, as everywhere.
  if (command && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z') {
    return isTextEntry(target) || event.repeat ? null : () => void undoLatest()
  }
  if (command || event.altKey) return null
  switch (event.key) {
    case 'j':
      return () => moveSelection(1)
    case 'k':
      return () => moveSelection(-1)
    case 'ArrowDown':
      return isInReader(target) ? null : () => moveSelection(1)
    case 'ArrowUp':
      return isInReader(target) ? null : () => moveSelection(-1)
    case 'Enter':
      if (isPressable(target)) return null
      return openSelected
    case 'o':
      return openSelected
    case 'n':
      return event.repeat ? null : () => void openNextUnread()
    case ' ':
      // Space scrolls the article as ever; at its end it goes on to the next unread one.
      return isInReader(target) && readerAtEnd() && !event.shiftKey ? () => void openNextUnread() : null
    case 'v':
      return event.repeat ? null : openOriginal
    case 'u':
      return event.repeat ? null : toggleRead
    case 's':
      return event.repeat ? null : toggleStar
    case 'e':
      return event.repeat ? null : toggleArchived
    case 'Delete':
    case 'Backspace':
      // Holding the key would delete a run of articles, with Undo offered for the last one only.
      return event.repeat ? null : () => void deleteArticle()
    case 'h':
    case 'H':
      if (event.repeat || !useHighlights.getState().selection) return null
      return () => void highlightSelection(event.key === 'H')
    case 'a':
      return () => openAddDialog()
    case '?':
      return toggleShortcuts
    case '/':
      return focusSearchBox
    default:
      return null
  }
}

/** The window's keyboard commands; also fed the keys pressed while the article frame has focus. */
export function handleShortcutKey(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing) return
  if (useCapture.getState().dialogOpen || useSearch.getState().paletteOpen) return
  if (useUi.getState().shortcutsOpen && event.key !== '?') return
  const target = elementOf(event.target)
  const command = event.ctrlKey || event.metaKey
  if (!command && isTextEntry(target)) return
  const action = actionFor(event, target)
  if (!action) return
  event.preventDefault()
  action()
}
