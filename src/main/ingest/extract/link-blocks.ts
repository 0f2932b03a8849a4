import { textOf, toArray, type DomElement } from './dom'

/*
 * What Readability keeps around a story often includes lists of other stories: a "Read on:" heading
 * over a line of links, teaser headlines, "see also" lines made of one link. Their mark is not a
 * word in any language but their shape: a block whose text is (almost) all link text points
 * elsewhere and is not part of the story. A heading over nothing but such blocks goes with them.
 */

/** A block with this share of its text in links is a pointer to other pages, not prose. */
const LINKED_SHARE = 0.8
/** Never more than this share of the story's text goes by link density alone. */
const MAX_REMOVED_SHARE = 0.3

// Headings are left out: a blog's headline often links to the post itself.
const BLOCK_TAGS = new Set('p,li,div,dt,dd'.split(','))
const HEADING_RE = /^h([1-6])$/

function linkedShare(block: DomElement): number {
  const text = textOf(block).length
  if (text === 0) return 0
  const linked = toArray(block.querySelectorAll('a')).reduce((sum, a) => sum + textOf(a).length, 0)
  return Math.min(1, linked / text)
}

/** Removes the blocks of `leaves` that are made of links, and the headings over nothing but them. */
export function removeLinkBlocks(root: DomElement, leaves: DomElement[]): void {
  const total = Math.max(1, textOf(root).length)
  const linked = new Set(
    leaves.filter(
      (block) =>
        BLOCK_TAGS.has(block.localName) &&
        block.querySelector('a') !== null &&
        linkedShare(block) >= LINKED_SHARE,
    ),
  )
  if (linked.size === 0) return
  const removed = [...linked].reduce((sum, block) => sum + textOf(block).length, 0)
  if (removed > total * MAX_REMOVED_SHARE) return
  const headings = leaves.filter((_, index) => headsOnly(leaves, index, linked))
  for (const block of [...linked, ...headings]) block.remove()
}

/**
 * True when `leaves[index]` is a heading and all it heads (up to its next peer) is in `removed`, or
 * when it ends in a colon (it introduces what follows: "Read on:") and the blocks right after it are.
 */
function headsOnly(leaves: DomElement[], index: number, removed: Set<DomElement>): boolean {
  const heading = leaves[index]
  const rank = rankOf(heading)
  if (heading === undefined || rank === null) return false
  const next = leaves[index + 1]
  if (textOf(heading).endsWith(':') && next !== undefined && removed.has(next)) return true
  let headed = 0
  for (let i = index + 1; i < leaves.length; i += 1) {
    const next = leaves[i]
    if (next === undefined) break
    const nextRank = rankOf(next)
    if (nextRank !== null && nextRank <= rank) break
    if (!removed.has(next)) return false
    headed += 1
  }
  return headed > 0
}

function rankOf(block: DomElement | undefined): number | null {
  const match = block === undefined ? null : HEADING_RE.exec(block.localName)
  return match === null ? null : Number(match[1])
}
