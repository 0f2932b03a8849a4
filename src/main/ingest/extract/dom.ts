import { parseHTML } from 'linkedom'

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
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  createElement(tagName: string): DomElement
  createTextNode(text: string): DomNode
}

const HEAD_RE = /<head[\s>][\s\S]*?<\/head>/i

/**
 * linkedom builds the tree as written and does not invent the <html>/<body> elements the HTML
 * standard implies, so a fragment or a page without <body> would leave nothing to read. Those are
 * wrapped before parsing.
 */
export function parseDocument(html: string): DomDocument {
  const hasShell = /<body[\s>]/i.test(html) && /<html[\s>]/i.test(html)
  const source = hasShell ? html : wrapInShell(html)
  const { document } = parseHTML(source)
  return document as unknown as DomDocument
}

function wrapInShell(html: string): string {
  const head = HEAD_RE.exec(html)?.[0] ?? ''
  const body = html
    .replace(HEAD_RE, '')
    .replace(/<!doctype[^>]*>/i, '')
    .replace(/<\/?(html|body)(\s[^>]*)?>/gi, '')
  return `<!DOCTYPE html><html>${head || '<head></head>'}<body>${body}</body></html>`
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
