/** The commands of the palette, matched by what is typed; what they do is wired in the component. */
export type PaletteCommandId =
  | 'add-article'
  | 'show-all'
  | 'show-unread'
  | 'show-starred'
  | 'show-archived'
  | 'reader-settings'
  | 'shortcuts'
  | 'export-list'

export interface PaletteCommand {
  id: PaletteCommandId
  label: string
  /** Other words a person might type for it. */
  keywords: string
  shortcut?: string
}

export const PALETTE_COMMANDS: readonly PaletteCommand[] = [
  {
    id: 'add-article',
    label: 'Add article',
    keywords: 'new save capture link url file paste',
    shortcut: 'A',
  },
  { id: 'show-all', label: 'Show all articles', keywords: 'list library everything' },
  { id: 'show-unread', label: 'Show unread', keywords: 'new not read filter' },
  { id: 'show-starred', label: 'Show starred', keywords: 'favourites favorites saved filter' },
  { id: 'show-archived', label: 'Show archived', keywords: 'archive old filter' },
  { id: 'reader-settings', label: 'Reader settings', keywords: 'font size theme dark light width' },
  {
    id: 'export-list',
    label: 'Export these articles…',
    keywords: 'epub e-book ebook markdown obsidian html archive backup save download',
  },
  { id: 'shortcuts', label: 'Keyboard shortcuts', keywords: 'keys help', shortcut: '?' },
]

/**
 * Commands whose label or keywords contain every typed word (any order, case and accents
 * ignored); all of them when nothing is typed.
 */
export function matchCommands(
  query: string,
  commands: readonly PaletteCommand[] = PALETTE_COMMANDS,
): PaletteCommand[] {
  const words = fold(query).split(/\s+/u).filter(Boolean)
  if (words.length === 0) return [...commands]
  return commands.filter((command) => {
    const haystack = fold(`${command.label} ${command.keywords}`)
    return words.every((word) => haystack.includes(word))
  })
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}
