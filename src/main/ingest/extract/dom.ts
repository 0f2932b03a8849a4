/*
 * The main process compiles without the DOM lib (it is Node, not a browser), so the few DOM members
 * the extractor uses are declared here, structurally, as linkedom provides them.
 */

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3

export interface DomNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly parentNode: DomNode | null
  readonly parentElement: DomElement | null
  readonly childNodes: ArrayLike<DomNode>
  readonly firstChild: DomNode | null
  readonly nextSibling: DomNode | null
  readonly previousSibling: DomNode | null
  readonly ownerDocument: DomDocument
  textContent: string | null
  remove(): void
}

export interface DomAttribute {
  readonly name: string
  readonly value: string
}

export interface DomElement extends DomNode {
  readonly tagName: string
  readonly localName: string
  readonly children: ArrayLike<DomElement>
  readonly attributes: ArrayLike<DomAttribute>
  readonly firstElementChild: DomElement | null
  readonly nextElementSibling: DomElement | null
  readonly previousElementSibling: DomElement | null
  innerHTML: string
  readonly outerHTML: string
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
  hasAttribute(name: string): boolean
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  closest(selector: string): DomElement | null
  matches(selector: string): boolean
  contains(other: DomNode): boolean
  replaceWith(...nodes: DomNode[]): void
  append(...nodes: (DomNode | string)[]): void
  before(...nodes: (DomNode | string)[]): void
}

export interface DomDocument {
  readonly documentElement: DomElement | null
  readonly body: DomElement | null
  readonly head: DomElement | null
  readonly title: string
  readonly childNodes: ArrayLike<DomNode>
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  createElement(tagName: string): DomElement
  createTextNode(text: string): DomNode
  cloneNode(deep: boolean): DomDocument
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE
}

export function toArray<T>(list: ArrayLike<T>): T[] {
  return Array.from(list)
}

/** Whitespace collapsed to single spaces, trimmed. */
export function normaliseSpace(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim()
}

export function textOf(node: DomNode): string {
  return normaliseSpace(node.textContent)
}

const VISIBLE_RE = /[^\s\u00a0\u200b]/

const CDATA_SECTION_NODE = 4

/**
 * Gives `take` the texts that `node.textContent` joins (its text and CDATA nodes, in document
 * order) until one returns true; true when one did. linkedom builds textContent by walking the
 * whole subtree and joining every text in it: for a wrapper that is the whole page, built only to
 * learn whether it has a letter in it. A walk can stop at the text that decides.
 */
function someText(node: DomNode, take: (text: string) => boolean): boolean {
  if (!isElement(node)) return take(node.textContent ?? '')
  let at: DomNode | null = node.firstChild
  while (at !== null) {
    const type = at.nodeType
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      if (take(at.textContent ?? '')) return true
    } else if (type === ELEMENT_NODE) {
      const first: DomNode | null = at.firstChild
      if (first !== null) {
        at = first
        continue
      }
    }
    // The next node after `at` and all it holds, without leaving `node`.
    let next: DomNode | null = at.nextSibling
    while (next === null) {
      const up: DomNode | null = at.parentNode
      if (up === null || up === node) return false
      at = up
      next = at.nextSibling
    }
    at = next
  }
  return false
}

/** `textOf(node) !== ''`, without normalising all of a large element's text to learn it. */
export function hasText(node: DomNode): boolean {
  return someText(node, (text) => VISIBLE_RE.test(text))
}

/** Whether a UTF-16 code unit is whitespace to normaliseSpace: `[\s\u00a0\u200b]`. */
function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0xa0) return false
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/**
 * `textOf(node).length > limit`, counted as normaliseSpace would count it and stopped as soon as
 * the limit is passed: a wrapper holding the whole story is not normalised to learn it is long.
 */
export function textLongerThan(node: DomNode, limit: number): boolean {
  let length = 0
  let space = false
  // A run of spaces may span texts ("a <b> b</b>"), so `space` carries from one text to the next.
  return someText(node, (text) => {
    for (let i = 0; i < text.length; i += 1) {
      if (isSpaceCode(text.charCodeAt(i))) {
        space = length > 0
        continue
      }
      length += space ? 2 : 1
      space = false
      if (length > limit) return true
    }
    return false
  })
}
