import { textOf, type DomElement } from './dom'
import { countWords } from './text'

/*
 * A paragraph printed twice in the story's copy: the teaser a paywalled page shows above its
 * subscription prompt and again as the body's first paragraph, the lead a CMS prints in the header
 * and in the body, an app's server-rendered first paragraph beside the hydrated one. A person reads
 * it once. Only whole paragraphs of a full sentence or more count: short lines ("Read more", a
 * date, a subheading) legitimately repeat, and a pull quote repeats a fragment, not a paragraph.
 */

/** A repeated block shorter than this is a label, not a paragraph read twice. */
const MIN_WORDS = 12

/** List items and table cells repeat by design (a meal plan's days, a timetable's rows). */
const REPEATING_TAGS = new Set(['li', 'td', 'th', 'dd', 'dt'])

/**
 * Removes the second of two neighbouring copies of a paragraph in `blocks` (the story's leaf blocks,
 * in order; shorter lines between them are passed over). Copies further apart are the story's own:
 * a recipe's or a plan's repeated entries.
 */
export function removeRepeatedParagraphs(blocks: DomElement[]): void {
  let previous: string | null = null
  for (const block of blocks) {
    if (REPEATING_TAGS.has(block.localName)) {
      previous = null
      continue
    }
    const text = textOf(block)
    if (countWords(text) < MIN_WORDS) continue
    if (text === previous) block.remove()
    else previous = text
  }
}
