import { textOf, toArray, type DomElement } from './dom'

/*
 * What Readability keeps around a story often includes lists of other stories: a "Read on:" heading
 * over a line of links, teaser headlines, "see also" lines made of one link. Their mark is not a
 * word in any language but their shape: a block whose text is (almost) all link text points
 * elsewhere and is not part of the story. A heading over nothing but such blocks goes with them.
 * A short label ending in a colon before the link ("LE PUEDE INTERESAR:", "Mire:", "Lesen Sie
 * auch:") is part of that shape in every language: the link's share is taken of the rest.
 * The link may also wrap the block (`<a href><p>headline</p></a>`, `<a><h3>…</h3></a>`: a card's
 * whole box made clickable), in which case all of the block's text is link text.
 *
 * Headings are left out of the density rule, as a blog's headline often links to the post itself,
 * except a heading made of a link that is an entry of a list of links: it sits in a list item or
 * inside the link's own box (`<li><h4><a>headline</a></h4></li>`, "read more" lists between a
 * story's paragraphs), or it heads no text of its own (the next block is a heading of its rank or
 * higher, another link block, or the end of the story: "next post" headlines after the story).
 * A post's own headline heads the post's text, so it stays.
 */

/** A block with this share of its text in links is a pointer to other pages, not prose. */
const LINKED_SHARE = 0.8
/** Never more than this share of the story's text goes by link density alone. */
const MAX_REMOVED_SHARE = 0.3

const BLOCK_TAGS = new Set('p,li,div,dt,dd'.split(','))
const HEADING_RE = /^h([1-6])$/

/** A label longer than this is a sentence that happens to end in a colon, not a label. */
const LABEL_MAX_WORDS = 4
/**
 * A labelled link points to another story when its text is that story's headline; a link of fewer
 * words is a name the story credits or cites ("Account: @okuprin", "See it now: Amazon").
 */
const HEADLINE_MIN_WORDS = 4

function linkedShare(block: DomElement, root: DomElement): number {
  if (insideLink(block, root)) return 1
  const text = textOf(block)
  const length = text.length - leadingLabel(block, text).length
  if (length <= 0) return 0
  const linked = toArray(block.querySelectorAll('a')).reduce((sum, a) => sum + textOf(a).length, 0)
  return Math.min(1, linked / length)
}

/**
 * The text before the block's only link when the block is that label and the link, a headline,
 * and nothing else: a pointer to another story; else ''. A line that goes on after its link ("Pro
 * tip: get more ideas <a>here</a>!") is the story talking to the reader, not a pointer.
 */
function leadingLabel(block: DomElement, text: string): string {
  const links = toArray(block.querySelectorAll('a'))
  const linkText = links.length === 1 && links[0] !== undefined ? textOf(links[0]) : ''
  if (linkText.split(' ').length < HEADLINE_MIN_WORDS || !text.endsWith(linkText)) return ''
  const label = text.slice(0, text.length - linkText.length).trim()
  // A label with a number dates or counts an entry of a list the page is made of (a press review,
  // a timeline: "2 décembre 2019 : <a>…</a>"), which is the page's content.
  const isLabel = label.endsWith(':') && label.split(' ').length <= LABEL_MAX_WORDS && !/\p{N}/u.test(label)
  return isLabel ? label : ''
}

/**
 * A link wrapping blocks is a card's box when it holds a teaser's worth of text; one holding more
 * is an `<a>` left unclosed, which the parser carries over the paragraphs that follow it.
 */
const CARD_LINK_MAX_CHARS = 300

/** True when a link (`<a href>`) below `root`, of a card's size, wraps `block`. */
function insideLink(block: DomElement, root: DomElement): boolean {
  for (let parent = block.parentElement; parent !== null && parent !== root; parent = parent.parentElement) {
    if (parent.localName === 'a' && parent.hasAttribute('href')) {
      return textOf(parent).length <= CARD_LINK_MAX_CHARS
    }
  }
  return false
}

/** True when a link wraps `block` or the block holds one. */
function hasLink(block: DomElement, root: DomElement, selector = 'a'): boolean {
  return block.querySelector(selector) !== null || insideLink(block, root)
}

/** A heading made of a label and a link ("Mire: <a>…</a>") points elsewhere as a paragraph would. */
function isLabelledLinkHeading(block: DomElement): boolean {
  return HEADING_RE.test(block.localName) && leadingLabel(block, textOf(block)) !== ''
}

/** Removes the blocks of `leaves` that are made of links, and the headings over nothing but them. */
export function removeLinkBlocks(root: DomElement, leaves: DomElement[]): void {
  const total = Math.max(1, textOf(root).length)
  const linked = new Set(
    leaves.filter(
      (block) =>
        (BLOCK_TAGS.has(block.localName) || isLabelledLinkHeading(block)) &&
        hasLink(block, root) &&
        linkedShare(block, root) >= LINKED_SHARE,
    ),
  )
  leaves.forEach((block, index) => {
    if (isListedLinkHeading(leaves, index, linked, root)) linked.add(block)
  })
  if (linked.size === 0) return
  const removed = [...linked].reduce((sum, block) => sum + textOf(block).length, 0)
  if (removed > total * MAX_REMOVED_SHARE) return
  const headings = leaves.filter((_, index) => headsOnly(leaves, index, linked))
  for (const block of [...linked, ...headings]) block.remove()
}

/** A heading made of a link that is an entry of a list of links (see the top of the file). */
function isListedLinkHeading(
  leaves: DomElement[],
  index: number,
  linked: Set<DomElement>,
  root: DomElement,
): boolean {
  const heading = leaves[index]
  const rank = rankOf(heading)
  if (heading === undefined || rank === null || linked.has(heading)) return false
  // An anchor without an address (`<h2><a name="part-2">`) is a target, not a link.
  if (!hasLink(heading, root, 'a[href]')) return false
  if (linkedShare(heading, root) < LINKED_SHARE) return false
  if (insideLink(heading, root) || heading.closest('li') !== null) return true
  const next = leaves[index + 1]
  if (next === undefined) return index > 0
  const nextRank = rankOf(next)
  return (nextRank !== null && nextRank <= rank) || linked.has(next)
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
