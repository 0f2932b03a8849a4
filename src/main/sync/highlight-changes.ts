import { HIGHLIGHT_COLOURS, MAX_NOTE_CHARS, MAX_QUOTE_CHARS, type Highlight } from '@shared/highlights'
import type { SqlDatabase } from '../library/database'
import { allHighlights, deleteHighlight, highlightById, putHighlight } from '../highlights/highlight-store'
import { markForReindex } from '../highlights/highlight-index'
import type { RegisterValue } from './log-line'
import type { LocalChange } from './local-changes'
import { registerOf, registersUnder } from './sync-store'

/**
 * Highlights in the change log: one register per highlight, `highlight/<id>`, holding the whole
 * highlight (quote, position, note, colour), or null once removed. Last writer wins per
 * highlight; the null is its tombstone, so a removal reaches every device and a device that
 * never heard of the highlight does not bring it back (docs/sync.md).
 */

const PREFIX = 'highlight/'
const HIGHLIGHT_ID = /^[0-9a-f]{16}$/
const ARTICLE_ID = /^[0-9a-f]{16}$/
const MAX_CONTEXT_CHARS = 200
const MAX_TIME_CHARS = 40

type Obj = { [key: string]: RegisterValue }

function valueOf(h: Highlight): Obj {
  return {
    article: h.articleId,
    exact: h.exact,
    prefix: h.prefix,
    suffix: h.suffix,
    start: h.start,
    end: h.end,
    note: h.note,
    colour: h.colour,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
  }
}

/** The highlight a register holds, or null when it holds none a Dateline could store. */
export function highlightOfValue(id: string, value: RegisterValue): Highlight | null {
  if (!HIGHLIGHT_ID.test(id) || value === null || typeof value !== 'object' || Array.isArray(value))
    return null
  const { article, exact, prefix, suffix, start, end, note, colour, createdAt, updatedAt } = value
  const text = (v: RegisterValue | undefined, max: number): v is string =>
    typeof v === 'string' && v.length <= max
  if (typeof article !== 'string' || !ARTICLE_ID.test(article)) return null
  if (
    !text(exact, MAX_QUOTE_CHARS) ||
    exact === '' ||
    !text(prefix, MAX_CONTEXT_CHARS) ||
    !text(suffix, MAX_CONTEXT_CHARS)
  )
    return null
  if (
    !Number.isSafeInteger(start) ||
    !Number.isSafeInteger(end) ||
    (start as number) < 0 ||
    (end as number) <= (start as number)
  )
    return null
  if (!text(note, MAX_NOTE_CHARS) || !text(createdAt, MAX_TIME_CHARS) || !text(updatedAt, MAX_TIME_CHARS))
    return null
  const known = HIGHLIGHT_COLOURS.find((c) => c === colour)
  return {
    id,
    articleId: article,
    exact,
    prefix,
    suffix,
    start: start as number,
    end: end as number,
    note,
    colour: known ?? 'yellow',
    createdAt,
    updatedAt,
  }
}

function sameHighlight(register: RegisterValue | undefined, h: Highlight): boolean {
  if (register === undefined) return false
  const held = highlightOfValue(h.id, register)
  return held !== null && JSON.stringify(valueOf(held)) === JSON.stringify(valueOf(h))
}

/** Highlights made, changed or removed here since they were last recorded. */
export function changedHighlights(db: SqlDatabase): LocalChange[] {
  const changes: LocalChange[] = []
  const live = new Set<string>()
  for (const h of allHighlights(db)) {
    live.add(h.id)
    if (!sameHighlight(registerOf(db, PREFIX + h.id)?.value, h))
      changes.push({ key: PREFIX + h.id, value: valueOf(h) })
  }
  for (const [key, register] of registersUnder(db, PREFIX)) {
    if (register.value !== null && !live.has(key.slice(PREFIX.length))) changes.push({ key, value: null })
  }
  return changes
}

/** A highlight register that won here: the highlight stored, replaced or removed. */
export function applyHighlight(db: SqlDatabase, id: string, value: RegisterValue): void {
  if (!HIGHLIGHT_ID.test(id)) return
  if (value === null) {
    const gone = highlightById(db, id)
    if (!gone) return
    deleteHighlight(db, id)
    markForReindex(db, gone.articleId)
    return
  }
  const highlight = highlightOfValue(id, value)
  if (!highlight) return
  putHighlight(db, highlight)
  markForReindex(db, highlight.articleId)
}
