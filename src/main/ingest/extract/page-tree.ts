import { PHRASING_TAGS } from './phrasing-tags'
import { parseHTML } from 'linkedom'
import { parse, serialize } from 'parse5'
import {
  ELEMENT_NODE,
  isElement,
  TEXT_NODE,
  toArray,
  type DomDocument,
  type DomElement,
  type DomNode,
} from './dom'

/*
 * linkedom builds the tree as the tags are written (htmlparser2), not by the HTML standard's tree
 * construction that browsers and jsdom follow. On markup that leans on the standard's error
 * recovery (a stray </body> or </br>, a second <html>, a <div> in <head>, an unclosed <style>) the
 * article can end up outside <body>, or <body> inside another element. Readability climbs from its
 * best candidate until it meets BODY; outside <body> it climbs past the document and reads
 * `tagName` of null. Such trees are rebuilt with parse5, the standard's algorithm, so every page
 * has the shape a browser would give it.
 */

/** What was done to the page's markup before reading it, for the warnings and the benchmark. */
export type TreeRepair = 'rebuilt' | 'flattened'

/**
 * Deeper than this the markup is not a layout but an accident or an attack: Readability's cost grows
 * with depth squared (1,000 levels took 12 s) and recursive walks overflow the stack past ~10,000.
 * Browsers cap their own parse depth at 512; real pages stay far below this limit.
 */
export const MAX_TREE_DEPTH = 128

/** Elements the standard lets stay in <head>; any other element there means the tree went wrong. */
const HEAD_TAGS = new Set(['meta', 'title', 'link', 'style', 'script', 'base', 'noscript', 'template'])

export interface PageTree {
  document: DomDocument
  repairs: TreeRepair[]
}

/** A page's HTML as a tree in the shape the HTML standard gives it, nested no deeper than the limit. */
export function readPageTree(html: string): PageTree {
  const repairs: TreeRepair[] = []
  let document = parseWithLinkedom(html)
  if (!hasStandardShape(document)) {
    document = rebuildByStandard(html) ?? moveStrayNodesIntoBody(document)
    repairs.push('rebuilt')
  }
  const body = document.body
  if (body !== null && flattenDeepNesting(body, MAX_TREE_DEPTH)) repairs.push('flattened')
  if (body !== null) showWhatBrowsersShow(body)
  return { document, repairs }
}

/** A <noscript> with at least this many words is content, not a "please enable JavaScript" line. */
const NOSCRIPT_CONTENT_WORDS = 25

/**
 * Dateline runs no scripts, so it reads the page as a browser without them shows it: a declarative
 * shadow root (<template shadowrootmode>) is rendered, and so is a <noscript> that holds content.
 * Short <noscript> notes and image fallbacks are left for the clean-up that handles them.
 */
function showWhatBrowsersShow(body: DomElement): void {
  const shown = toArray(
    body.querySelectorAll('template[shadowrootmode],template[shadowroot],noscript'),
  ).filter(
    (element) =>
      element.localName === 'template' ||
      (element.textContent ?? '').split(/\s+/).filter((word) => word !== '').length >= NOSCRIPT_CONTENT_WORDS,
  )
  for (const element of shown.reverse()) {
    if (element.parentNode !== null) element.replaceWith(...toArray(element.childNodes))
  }
}

const HEAD_RE = /<head[\s>][\s\S]*?<\/head>/i

/**
 * linkedom does not invent the <html>/<body> elements the standard implies, so a fragment is wrapped
 * first; a fragment is small, and wrapping is cheaper than the standard's full algorithm.
 */
export function parseWithLinkedom(html: string): DomDocument {
  const hasShell = /<body[\s>]/i.test(html) && /<html[\s>]/i.test(html)
  const source = hasShell ? html : wrapInShell(html)
  return parseHTML(source).document as unknown as DomDocument
}

function wrapInShell(html: string): string {
  const head = HEAD_RE.exec(html)?.[0] ?? ''
  const body = html
    .replace(HEAD_RE, '')
    .replace(/<!doctype[^>]*>/i, '')
    .replace(/<\/?(html|body)(\s[^>]*)?>/gi, '')
  return `<!DOCTYPE html><html>${head || '<head></head>'}<body>${body}</body></html>`
}

/**
 * True when the document is `<html>` holding one <head> of head elements and then one <body>, and
 * no other <html>, <head> or <body> hides deeper in the tree: the shape every browser builds.
 */
export function hasStandardShape(document: DomDocument): boolean {
  const root = document.documentElement
  if (root === null || root.localName !== 'html') return false
  for (const node of toArray(document.childNodes)) {
    if (isElement(node) && node !== root) return false
    if (node.nodeType === TEXT_NODE && (node.textContent ?? '').trim() !== '') return false
  }
  const children = toArray(root.childNodes)
  const elements = children.filter(isElement)
  if (elements.length !== 2 || elements[0]?.localName !== 'head' || elements[1]?.localName !== 'body')
    return false
  if (children.some((node) => node.nodeType === TEXT_NODE && (node.textContent ?? '').trim() !== ''))
    return false
  if (document.body !== elements[1]) return false
  if (!toArray(elements[0].children).every((element) => HEAD_TAGS.has(element.localName))) return false
  return document.querySelectorAll('html,head,body').length === 3
}

/**
 * The last page rebuilt, as the standard's markup. The same page is read again right after (by a
 * fallback on a fresh tree, by the correspondents step, which needs the tree before Readability
 * rewrote it), and parse5 and its serialisation cost more than linkedom's parse (~13 ms a page).
 * Same input, same output: a cache of a pure function, one page deep.
 */
let lastRebuilt: { html: string; standard: string } | null = null

/**
 * The standard's tree construction (parse5), serialised and read again by linkedom. Scripting is
 * off, as Dateline runs no scripts: <noscript> holds markup, as a browser without JavaScript shows it.
 */
function rebuildByStandard(html: string): DomDocument | null {
  try {
    let standard = lastRebuilt !== null && lastRebuilt.html === html ? lastRebuilt.standard : null
    if (standard === null) {
      standard = serialize(parse(html, { scriptingEnabled: false }))
      lastRebuilt = { html, standard }
    }
    const rebuilt = parseHTML(standard).document as unknown as DomDocument
    return hasStandardShape(rebuilt) ? rebuilt : null
  } catch {
    return null
  }
}

/** Last resort when parse5 fails: whatever sits beside <body> is moved into it, in document order. */
function moveStrayNodesIntoBody(document: DomDocument): DomDocument {
  const rebuilt = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>')
    .document as unknown as DomDocument
  const head = rebuilt.head
  const body = rebuilt.body
  if (head === null || body === null) return document
  const place = (node: DomNode, inHead: boolean): void => {
    if (isElement(node)) {
      const tag = node.localName
      if (tag === 'html' || tag === 'body' || tag === 'head') {
        for (const child of toArray(node.childNodes)) place(child, tag === 'head')
        return
      }
      if (inHead && HEAD_TAGS.has(tag)) {
        head.append(node)
        return
      }
    }
    if (node.nodeType === ELEMENT_NODE || node.nodeType === TEXT_NODE) body.append(node)
  }
  for (const node of toArray(document.childNodes)) place(node, false)
  return rebuilt
}

/**
 * Elements below `maxDepth` are unwrapped: their text and pictures move up to the element at the
 * limit, and a block leaves a line break where it ended so its text stays a paragraph of its own.
 * Iterative, as the point is to survive trees too deep for recursion. True when anything changed.
 */
export function flattenDeepNesting(root: DomElement, maxDepth: number): boolean {
  const atLimit: DomElement[] = []
  const stack: [DomElement, number][] = [[root, 1]]
  while (stack.length > 0) {
    const entry = stack.pop()
    if (entry === undefined) break
    const [element, depth] = entry
    if (depth >= maxDepth) {
      if (element.firstElementChild !== null) atLimit.push(element)
      continue
    }
    for (const child of toArray(element.children)) stack.push([child, depth + 1])
  }
  for (const element of atLimit) flattenInto(element)
  return atLimit.length > 0
}

/**
 * Works on the markup rather than the nodes: linkedom keeps a tree as one linked list, so listing
 * the children of every level of a deep subtree costs its size each time, quadratic in all.
 * Serialising, rewriting the tags and parsing again is linear.
 */
function flattenInto(container: DomElement): void {
  for (const hidden of toArray(container.querySelectorAll('script,style,template,noscript,svg,math'))) {
    hidden.remove()
  }
  container.innerHTML = container.innerHTML.replace(TAG_RE, (tag: string, name: string) => {
    const lower = name.toLowerCase()
    if (lower === 'img' || lower === 'br') return tag
    return PHRASING_TAGS.has(lower) ? '' : '<br>'
  })
}

const TAG_RE = /<\/?([a-zA-Z][\w:-]*)\b[^>]*>/g
