import { useState, type JSX, type KeyboardEvent } from 'react'
import type { SearchHit } from '@shared/contract'
import { matchCommands, type PaletteCommand, type PaletteCommandId } from '@renderer/lib/palette-commands'
import { openAddDialog } from '@renderer/store/capture/actions'
import { openExportOfList } from '@renderer/store/export/actions'
import { setFilter } from '@renderer/store/library/list-actions'
import { closePalette, openFoundArticle, setSearchQuery } from '@renderer/store/search/actions'
import { useSearch } from '@renderer/store/search/store'
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

type Option = { kind: 'command'; command: PaletteCommand } | { kind: 'article'; hit: SearchHit }

function optionId(index: number): string {
  return `palette-option-${index}`
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
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const options: Option[] = [
    ...matchCommands(text).map((command): Option => ({ kind: 'command', command })),
    ...results.hits.map((hit): Option => ({ kind: 'article', hit })),
  ]
  const commandCount = options.findIndex((o) => o.kind === 'article')
  const firstArticle = commandCount === -1 ? options.length : commandCount
  const current = Math.min(active, Math.max(0, options.length - 1))

  const choose = (option: Option | undefined): void => {
    if (!option) return
    closePalette()
    if (option.kind === 'command') RUN[option.command.id]()
    else openFoundArticle(option.hit.article.id)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
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
      <input
        autoFocus
        className="palette-input"
        data-testid="palette-input"
        role="combobox"
        aria-label="Search articles or run a command"
        aria-expanded={options.length > 0}
        aria-controls="palette-options"
        aria-autocomplete="list"
        aria-activedescendant={options.length > 0 ? optionId(current) : undefined}
        placeholder="Search articles or type a command…"
        value={text}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => {
          setText(event.target.value)
          setActive(0)
          setSearchQuery('palette', event.target.value)
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-options" className="palette-options" role="listbox" aria-label="Commands and articles">
        {options.map((option, index) => (
          <PaletteOption
            key={option.kind === 'command' ? option.command.id : option.hit.article.id}
            option={option}
            index={index}
            active={index === current}
            heading={
              index === 0 && option.kind === 'command'
                ? 'Commands'
                : index === firstArticle
                  ? 'Articles'
                  : null
            }
            onHover={() => setActive(index)}
            onChoose={() => choose(option)}
          />
        ))}
      </ul>
      {text.trim() !== '' && (
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
        data-testid={option.kind === 'command' ? 'palette-command' : 'palette-article'}
        onMouseMove={onHover}
        onClick={onChoose}
      >
        {option.kind === 'command' ? (
          <>
            <span className="palette-label">{option.command.label}</span>
            {option.command.shortcut && <kbd>{option.command.shortcut}</kbd>}
          </>
        ) : (
          <span className="palette-article">
            <span className="palette-label">
              <Highlighted value={option.hit.match.title} />
            </span>
            <span className="palette-snippet">
              <Highlighted value={option.hit.match.snippet} />
            </span>
          </span>
        )}
      </li>
    </>
  )
}
