import { useRef, useState, type JSX, type KeyboardEvent } from 'react'
import type { SearchHit } from '@shared/contract'
import { matchCommands, type PaletteCommand, type PaletteCommandId } from '@renderer/lib/palette-commands'
import { openAddDialog } from '@renderer/store/capture/actions'
import { openExportOfList } from '@renderer/store/export/actions'
import { setFilter, showFiltered } from '@renderer/store/library/list-actions'
import type { FacetName } from '@renderer/store/library/store'
import {
  addPaletteFilter,
  closePalette,
  openFoundArticle,
  removePaletteFilter,
  setSearchQuery,
} from '@renderer/store/search/actions'
import { useSearch, type PaletteFilters } from '@renderer/store/search/store'
import type { ArticleStateFilter } from '@shared/contract'
import type { FilterSuggestion } from '@shared/search'
import { ChipRow, facetChipLabel, STATE_LABELS, type ChipItem } from './ChipRow'
import { setReaderSettingsOpen, setShortcutsOpen } from '@renderer/store/ui/actions'
import { Highlighted } from './Highlighted'
import { resultCountText } from './SearchResults'
import { useModalDialog } from '@renderer/lib/use-modal-dialog'

const RUN: Record<PaletteCommandId, () => void> = {
  'add-article': () => openAddDialog(),
  'show-all': () => setFilter('all'),
  'show-unread': () => setFilter('unread'),
  'show-starred': () => setFilter('starred'),
  'show-archived': () => setFilter('archived'),
  'reader-settings': () => setReaderSettingsOpen(true),
  shortcuts: () => setShortcutsOpen(true),
  'export-list': () => openExportOfList(),
}

/** A filter the palette offers for the words typed: the library's (from main) or a state. */
type Suggested =
  | { kind: 'state'; value: Exclude<ArticleStateFilter, 'all'>; label: string; words: string; articles: null }
  | FilterSuggestion

type Option =
  | { kind: 'command'; command: PaletteCommand }
  | { kind: 'apply' }
  | { kind: 'filter'; filter: Suggested }
  | { kind: 'article'; hit: SearchHit }

const KIND_NAMES: Record<Suggested['kind'], string> = {
  state: 'State',
  country: 'Country',
  correspondent: 'Correspondent',
  collection: 'Collection',
  feed: 'Feed',
  site: 'Site',
}

function optionId(index: number): string {
  return `palette-option-${index}`
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}

/** The states a typed word begins ("unr" → Unread), as chips to offer. */
function matchStates(text: string, filters: PaletteFilters): Suggested[] {
  const words = fold(text)
    .split(/\s+/u)
    .filter((word) => word.length >= 3)
  const typed = text.split(/\s+/u).filter(Boolean)
  return (Object.keys(STATE_LABELS) as Exclude<ArticleStateFilter, 'all'>[])
    .filter((state) => state !== filters.state)
    .flatMap((state): Suggested[] => {
      const at = words.findIndex((word) => fold(STATE_LABELS[state]).startsWith(word))
      if (at === -1) return []
      const word = typed.find((t) => fold(t) === words[at]) ?? words[at]!
      return [{ kind: 'state', value: state, label: STATE_LABELS[state], words: word, articles: null }]
    })
}

/** Whether a chip like this one is on already (the same kind and value). */
function alreadyOn(filter: Suggested, filters: PaletteFilters): boolean {
  if (filter.kind === 'state') return filters.state === filter.value
  return filters.facets[filter.kind] === filter.value
}

/** The text without the words a chip now stands for ("belarus election" → "election"). */
export function withoutWords(text: string, words: string): string {
  const at = fold(text).indexOf(fold(words))
  if (at === -1 || fold(text).length !== text.length) {
    // Folding changed the length (a decomposed letter): fall back to whole typed words.
    const drop = new Set(fold(words).split(/\s+/u))
    return text
      .split(/\s+/u)
      .filter((word) => !drop.has(fold(word)))
      .join(' ')
  }
  return `${text.slice(0, at)} ${text.slice(at + words.length)}`.replace(/\s+/gu, ' ').trim()
}

const APPLY_WORDS = fold('Show these in the list filters apply')

/**
 * "Show these in the list" while nothing is typed (or its own words are): once the person types
 * words to search within the chips, Enter is for the articles found.
 */
function offersApply(text: string): boolean {
  return fold(text)
    .split(/\s+/u)
    .filter(Boolean)
    .every((word) => APPLY_WORDS.includes(word))
}

function chipItems(filters: PaletteFilters): ChipItem[] {
  return filters.order.map((name) => ({
    key: name,
    label:
      name === 'state'
        ? STATE_LABELS[filters.state as Exclude<ArticleStateFilter, 'all'>]
        : facetChipLabel(name, filters.labels[name] ?? String(filters.facets[name])),
    onRemove: () => removePaletteFilter(name),
  }))
}

/** Ctrl/⌘ K: one field for the commands of the window and the articles of the library. */
export function CommandPalette(): JSX.Element {
  const open = useSearch((state) => state.paletteOpen)
  const dialogRef = useModalDialog(open)

  return (
    <dialog
      ref={dialogRef}
      className="dialog palette"
      data-testid="command-palette"
      aria-label="Command palette"
      onClose={closePalette}
      onMouseDown={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === dialogRef.current) closePalette()
      }}
    >
      {open && <PaletteBody />}
    </dialog>
  )
}

function PaletteBody(): JSX.Element {
  const results = useSearch((state) => state.palette)
  const filters = useSearch((state) => state.paletteFilters)
  const suggestions = useSearch((state) => state.paletteSuggestions)
  const inputRef = useRef<HTMLInputElement | null>(null)
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const hasChips = filters.order.length > 0
  const offered: Suggested[] =
    text.trim() === ''
      ? []
      : [...matchStates(text, filters), ...suggestions].filter((filter) => !alreadyOn(filter, filters))
  const options: Option[] = [
    ...(hasChips && offersApply(text) ? [{ kind: 'apply' } as const] : []),
    ...matchCommands(text).map((command): Option => ({ kind: 'command', command })),
    ...offered.map((filter): Option => ({ kind: 'filter', filter })),
    ...results.hits.map((hit): Option => ({ kind: 'article', hit })),
  ]
  const firstOf = (kind: Option['kind']): number => options.findIndex((o) => o.kind === kind)
  const headings = new Map<number, string>([
    [Math.min(...[firstOf('apply'), firstOf('command')].filter((i) => i !== -1)), 'Commands'],
    [firstOf('filter'), 'Filters'],
    [firstOf('article'), 'Articles'],
  ])
  const current = Math.min(active, Math.max(0, options.length - 1))

  const changeText = (next: string): void => {
    setText(next)
    setActive(0)
    setSearchQuery('palette', next)
  }

  const choose = (option: Option | undefined): void => {
    if (!option) return
    if (option.kind === 'filter') {
      // The chip takes the words it stands for; the rest still search, within it.
      const rest = withoutWords(text, option.filter.words)
      setText(rest)
      setActive(0)
      addPaletteFilter(
        option.filter.kind === 'state' ? { kind: 'state', value: option.filter.value } : option.filter,
        rest,
      )
      inputRef.current?.focus()
      return
    }
    closePalette()
    if (option.kind === 'command') RUN[option.command.id]()
    else if (option.kind === 'apply') showFiltered(filters.state, filters.facets, filters.labels)
    else openFoundArticle(option.hit.article.id)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Backspace' && text === '' && hasChips) {
      event.preventDefault()
      removePaletteFilter()
      return
    }
    if (options.length === 0) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((current + step + options.length) % options.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      choose(options[current])
    }
  }

  return (
    <div className="palette-body">
      <div className="palette-field">
        {hasChips && <ChipRow label="Palette filters" testId="palette-chips" items={chipItems(filters)} />}
        <input
          ref={inputRef}
          autoFocus
          className="palette-input"
          data-testid="palette-input"
          role="combobox"
          aria-label="Search articles or run a command"
          aria-expanded={options.length > 0}
          aria-controls="palette-options"
          aria-autocomplete="list"
          aria-activedescendant={options.length > 0 ? optionId(current) : undefined}
          aria-describedby="palette-hint"
          placeholder={hasChips ? 'Search within the filters…' : 'Search articles or type a command…'}
          value={text}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => changeText(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <p id="palette-hint" className="visually-hidden">
        Type a country, a correspondent, a collection, a feed, a site or a state to filter by it; Backspace in
        the empty field takes off the last filter.
      </p>
      <ul id="palette-options" className="palette-options" role="listbox" aria-label="Commands and articles">
        {options.map((option, index) => (
          <PaletteOption
            key={optionKey(option)}
            option={option}
            index={index}
            active={index === current}
            heading={headings.get(index) ?? null}
            onHover={() => setActive(index)}
            onChoose={() => choose(option)}
          />
        ))}
      </ul>
      {(text.trim() !== '' || hasChips) && (
        <p className="palette-status" role="status" aria-live="polite">
          {results.status === 'searching'
            ? 'Searching…'
            : results.status === 'ready'
              ? (results.notice ?? resultCountText(results.total, results.totalIsLowerBound))
              : ''}
        </p>
      )}
    </div>
  )
}

function optionKey(option: Option): string {
  switch (option.kind) {
    case 'command':
      return `command-${option.command.id}`
    case 'apply':
      return 'apply'
    case 'filter':
      return `filter-${option.filter.kind}-${String(option.filter.value)}`
    case 'article':
      return `article-${option.hit.article.id}`
  }
}

const TEST_IDS: Record<Option['kind'], string> = {
  command: 'palette-command',
  apply: 'palette-command',
  filter: 'palette-filter',
  article: 'palette-article',
}

interface OptionProps {
  option: Option
  index: number
  active: boolean
  heading: string | null
  onHover: () => void
  onChoose: () => void
}

function PaletteOption({ option, index, active, heading, onHover, onChoose }: OptionProps): JSX.Element {
  return (
    <>
      {heading && (
        <li role="presentation" className="palette-heading">
          {heading}
        </li>
      )}
      <li
        id={optionId(index)}
        role="option"
        aria-selected={active}
        className={`palette-option${active ? ' is-active' : ''}`}
        data-testid={TEST_IDS[option.kind]}
        onMouseMove={onHover}
        onClick={onChoose}
      >
        <OptionContent option={option} />
      </li>
    </>
  )
}

function OptionContent({ option }: { option: Option }): JSX.Element {
  switch (option.kind) {
    case 'command':
      return (
        <>
          <span className="palette-label">{option.command.label}</span>
          {option.command.shortcut && <kbd>{option.command.shortcut}</kbd>}
        </>
      )
    case 'apply':
      return <span className="palette-label">Show these in the list</span>
    case 'filter': {
      const { filter } = option
      const label =
        filter.kind === 'state' ? filter.label : facetChipLabel(filter.kind as FacetName, filter.label)
      const count =
        filter.articles === null
          ? ''
          : `, ${filter.articles} ${filter.articles === 1 ? 'article' : 'articles'}`
      return (
        <>
          <span className="palette-label">
            <span className="palette-add" aria-hidden="true">
              +
            </span>
            {label}
          </span>
          <span className="palette-kind">
            {KIND_NAMES[filter.kind]}
            {count}
          </span>
        </>
      )
    }
    case 'article':
      return (
        <span className="palette-article">
          <span className="palette-label">
            <Highlighted value={option.hit.match.title} />
          </span>
          <span className="palette-snippet">
            <Highlighted value={option.hit.match.snippet} />
          </span>
        </span>
      )
  }
}
