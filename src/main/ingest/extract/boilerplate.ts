import rules from './boilerplate.json'
import { normaliseSpace, textOf, toArray, type DomElement } from './dom'
import { PHRASING_TAGS } from './phrasing-tags'

/** The boilerplate rules of boilerplate.json, compiled once. */
export interface BoilerplateRules {
  dropSelector: string
  furnitureSelector: string
  classWords: RegExp
  keepClassWords: RegExp
  embedClassWords: RegExp
  captionClassWords: RegExp
  leadClassWords: RegExp
  dekClassWords: RegExp
  headlineBoxClassWords: RegExp
  lineTexts: RegExp
  blockOnlyLines: RegExp
  captionLines: RegExp
  tailStarts: RegExp
  trailingLines: RegExp
  socialCalls: RegExp
  bioStarts: RegExp
  stateWords: ReadonlySet<string>
}

function anyWord(patterns: string[]): RegExp {
  return new RegExp(`(?:^| )(?:${patterns.join('|')})(?: |$)`, 'u')
}

function wholeLine(patterns: string[]): RegExp {
  return new RegExp(`^(?:${patterns.join('|')})$`, 'u')
}

export const boilerplateRules: BoilerplateRules = {
  dropSelector: rules.dropSelectors.join(','),
  furnitureSelector: rules.furnitureSelectors.join(','),
  classWords: anyWord(rules.classWords),
  keepClassWords: anyWord(rules.keepClassWords),
  embedClassWords: anyWord(rules.embedClassWords),
  captionClassWords: anyWord(rules.captionClassWords),
  leadClassWords: anyWord(rules.leadClassWords),
  dekClassWords: anyWord(rules.dekClassWords),
  headlineBoxClassWords: anyWord(rules.headlineBoxClassWords),
  lineTexts: wholeLine(rules.lineTexts),
  blockOnlyLines: wholeLine(rules.blockOnlyLines),
  captionLines: wholeLine(rules.captionLines),
  tailStarts: wholeLine(rules.tailStarts),
  trailingLines: wholeLine(rules.trailingLines),
  socialCalls: new RegExp(`^(?:${rules.socialCalls.join('|')})`, 'u'),
  bioStarts: new RegExp(`(?:${rules.bioStarts.join('|')})`, 'u'),
  stateWords: new Set(rules.stateWords),
}

const NAMING_ATTRIBUTES = ['class', 'id', 'data-component', 'data-testid', 'data-module', 'data-type']

/** "relatedPosts share_bar" becomes ["related posts", "share bar"]: one entry per token, words by spaces. */
export function namingWords(element: DomElement): string[] {
  const words: string[] = []
  for (const attribute of NAMING_ATTRIBUTES) {
    const value = element.getAttribute(attribute)
    if (value === null || value === '') continue
    for (const token of value.split(/\s+/)) {
      const spaced = token
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .replace(/[-_:.]+/g, ' ')
        .toLowerCase()
        .trim()
      if (spaced !== '') words.push(spaced)
    }
  }
  return words
}

export function hasBoilerplateName(element: DomElement): boolean {
  return boilerplateKinds(element).length > 0
}

/**
 * The furniture words the element's names carry ("comment", "share bar"), singular; none when its
 * names also say it is the story or an embed.
 */
export function boilerplateKinds(element: DomElement): string[] {
  const words = namingWords(element)
  if (words.length === 0) return []
  if (
    words.some((w) => boilerplateRules.keepClassWords.test(w) || boilerplateRules.embedClassWords.test(w))
  ) {
    return []
  }
  const kinds: string[] = []
  for (const word of words) {
    if (boilerplateRules.stateWords.has(word.split(' ')[0] ?? '')) continue
    const match = boilerplateRules.classWords.exec(word)
    if (match !== null) kinds.push(match[0].trim().replace(/s$/, ''))
  }
  return kinds
}

/**
 * Readability scores class names like "social-media-embed" down and drops link-heavy wrapper divs,
 * which loses the posts a story quotes. Embed wrappers are unwrapped and embeds lose their names, so
 * Readability judges them by their text, like the paragraphs around them.
 */
export function neutraliseEmbeds(root: DomElement): void {
  for (const element of toArray(root.querySelectorAll('[class],[id]'))) {
    if (!namingWords(element).some((w) => boilerplateRules.embedClassWords.test(w))) continue
    if (element.localName === 'div' || element.localName === 'span') {
      element.replaceWith(...toArray(element.childNodes))
    } else {
      element.removeAttribute('class')
      element.removeAttribute('id')
    }
  }
}

/**
 * Drupal's "paragraphs" module splits a story into entities (text, quote, picture, box), each a
 * field printed with `field--label-hidden`, inside one multi-value field. Readability reads
 * "hidden" anywhere in a class as a mark against the element, so the story's own boxes scored
 * below a teaser beside them and were dropped. Inside such a field the token only says that a
 * label is not printed, and it is taken off there. Elsewhere it is left: on a Drupal page's other
 * fields (sidebar blocks, "you may also like" boxes) it keeps helping Readability leave them out.
 */
const PARAGRAPHS_FIELD_SELECTOR = [
  '.field--type-entity-reference-revisions',
  '.field-type-paragraphs',
  '.paragraphs-items',
].join(',')
const LABEL_HIDDEN_TOKEN_RE = /^field-?-label-hidden$/

export function neutraliseDisplayStates(root: DomElement): void {
  for (const field of toArray(root.querySelectorAll(PARAGRAPHS_FIELD_SELECTOR))) {
    for (const element of [field, ...toArray(field.querySelectorAll('[class*="label-hidden"]'))]) {
      const tokens = (element.getAttribute('class') ?? '').split(/\s+/).filter((token) => token !== '')
      const kept = tokens.filter((token) => !LABEL_HIDDEN_TOKEN_RE.test(token))
      if (kept.length < tokens.length) element.setAttribute('class', kept.join(' '))
    }
  }
}

export function hasCaptionName(element: DomElement): boolean {
  return namingWords(element).some((w) => boilerplateRules.captionClassWords.test(w))
}

/**
 * Readability turns a <div> holding only a line of text into a new <p> without the div's class, so
 * a caption printed in a bare box (`<div class="dida">`, `<div class="caption">`) reached the copy
 * as a paragraph of the story. Its text is wrapped in a <span> carrying the box's class, which
 * travels with the text into the new paragraph, where the caption is then recognised.
 */
export function keepCaptionNames(root: DomElement): void {
  for (const box of toArray(root.querySelectorAll('div[class],section[class]'))) {
    if (box.firstElementChild !== null && !onlyPhrasing(box)) continue
    if (!hasCaptionName(box) || box.textContent?.trim() === '') continue
    const span = box.ownerDocument.createElement('span')
    span.setAttribute('class', box.getAttribute('class') ?? '')
    span.append(...toArray(box.childNodes))
    box.append(span)
  }
}

function onlyPhrasing(box: DomElement): boolean {
  return toArray(box.children).every(
    (child) => PHRASING_TAGS.has(child.localName) || child.localName === 'br',
  )
}

/** Named as the story's lead paragraph ("article-intro", "chapo"), and not as a dek or summary. */
export function hasLeadName(element: DomElement): boolean {
  const words = namingWords(element)
  return (
    words.some((w) => boilerplateRules.leadClassWords.test(w)) &&
    !words.some((w) => boilerplateRules.dekClassWords.test(w))
  )
}

/** Named as a dek or summary beside the headline ("dek", "standfirst", "sub-head", "blurb"). */
export function hasDekName(element: DomElement): boolean {
  return namingWords(element).some((w) => boilerplateRules.dekClassWords.test(w) && !DRUPAL_BODY_RE.test(w))
}

/** Drupal's body field type ("field--type-text-with-summary"): the story's text, not a summary. */
const DRUPAL_BODY_RE = /(?:^| )with summary(?: |$)/

/** The headline's own box: a <header>, or an element named so ("article-header", "entry-hero"). */
export function isHeadlineBox(element: DomElement): boolean {
  return (
    element.localName === 'header' ||
    namingWords(element).some((w) => boilerplateRules.headlineBoxClassWords.test(w))
  )
}

function lineKey(text: string): string {
  return normaliseSpace(text).toLowerCase()
}

export function isBoilerplateLine(text: string): boolean {
  return boilerplateRules.lineTexts.test(lineKey(text))
}

/** A line of a block that is boilerplate on its own: not an address, a date or markup-like text. */
export function isBoilerplateLineOfBlock(text: string): boolean {
  const key = lineKey(text)
  return boilerplateRules.lineTexts.test(key) && !boilerplateRules.blockOnlyLines.test(key)
}

export function isCaptionLine(text: string): boolean {
  return boilerplateRules.captionLines.test(lineKey(text))
}

export function isTrailingLine(text: string): boolean {
  return boilerplateRules.trailingLines.test(lineKey(text))
}

export function isTailStart(text: string): boolean {
  return boilerplateRules.tailStarts.test(lineKey(text).replace(/[:.!?]+$/, ''))
}

/** An element holding more of the text than this is never removed by name alone. */
const MAX_REMOVED_SHARE = 0.35
/**
 * Three paragraphs of prose mean a story, whatever the wrapper is called: class names such as
 * "page-content and-w-sidebar" name a layout, not the content.
 */
const MIN_STORY_PARAGRAPHS = 3
const PROSE_MIN_CHARS = 120

/** A test for "this element is not where the story is", relative to the text under `root` now. */
export function minorityTest(root: DomElement): (element: DomElement) => boolean {
  const total = Math.max(1, textOf(root).length)
  return (element) =>
    textOf(element).length / total < MAX_REMOVED_SHARE && countProseParagraphs(element) < MIN_STORY_PARAGRAPHS
}

function countProseParagraphs(element: DomElement): number {
  let count = 0
  for (const paragraph of toArray(element.querySelectorAll('p'))) {
    const length = textOf(paragraph).length
    if (length < PROSE_MIN_CHARS) continue
    const linked = toArray(paragraph.querySelectorAll('a')).reduce((sum, a) => sum + textOf(a).length, 0)
    if (linked / length < 0.5) count += 1
    if (count >= MIN_STORY_PARAGRAPHS) break
  }
  return count
}

const PROTECTED_TAGS = new Set(['html', 'body', 'main', 'article'])

/**
 * Removes page furniture by tag, role and class/id names. An element is kept whatever its name when
 * it holds most of the text under `root`: sites put words like "comments" or "share" on the wrapper
 * of the whole story, and losing the story is worse than keeping a share bar.
 */
export function removeBoilerplate(root: DomElement): void {
  for (const element of toArray(root.querySelectorAll(boilerplateRules.dropSelector))) element.remove()
  const isMinor = minorityTest(root)
  for (const element of toArray(root.querySelectorAll(boilerplateRules.furnitureSelector))) {
    if (root.contains(element) && isMinor(element)) element.remove()
  }
  // A wrapper kept for its text despite its name (a live blog's "comments", a "related" list that
  // is the story) names what its entries are: entries named the same are the story too.
  const walk = (element: DomElement, storyKinds: ReadonlySet<string>): void => {
    for (const child of toArray(element.children)) {
      const kinds = PROTECTED_TAGS.has(child.localName) ? [] : boilerplateKinds(child)
      const named = kinds.some((kind) => !storyKinds.has(kind))
      if (named && isMinor(child)) {
        child.remove()
        continue
      }
      walk(child, kinds.length === 0 ? storyKinds : new Set([...storyKinds, ...kinds]))
    }
  }
  walk(root, new Set())
}
