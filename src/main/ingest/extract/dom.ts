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

/** `textOf(node) !== ''`, without normalising all of a large element's text to learn it. */
export function hasText(node: DomNode): boolean {
  return VISIBLE_RE.test(node.textContent ?? '')
}

/**
 * `textOf(node).length > limit`, counted as normaliseSpace would count it and stopped as soon as
 * the limit is passed: a wrapper holding the whole story is not normalised to learn it is long.
 */
export function textLongerThan(node: DomNode, limit: number): boolean {
  const text = node.textContent ?? ''
  let length = 0
  let space = false
  for (let i = 0; i < text.length; i += 1) {
    if (!VISIBLE_RE.test(text.charAt(i))) {
      space = length > 0
      continue
    }
    length += space ? 2 : 1
    space = false
    if (length > limit) return true
  }
  return false
}
