import { isElement, normaliseSpace, TEXT_NODE, type DomNode } from './dom'

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tr',
  'ul',
])
/**
 * Never part of the line a person reads. <rt> and <rp> are ruby annotations: the reading of a word
 * printed small above it (Japanese furigana, Chinese pinyin), kept in the HTML, where they render
 * as such, but left out of the text, where they would split every annotated word in two.
 */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'button',
  'select',
  'rt',
  'rp',
])

/**
 * Characters that shape the rendering but are no letters: the soft hyphen (where a word may break
 * across lines; some German CMSs put one every few letters), the word joiner and the byte-order
 * mark. Left in the text they split words for search, tagging and any copy a person makes.
 */
const INVISIBLE_MARKS_RE = /[\u00ad\u2060\ufeff]/g

/** The text as a reader sees it: the invisible marks inside words removed. */
export function withoutInvisibleMarks(text: string): string {
  return text.replace(INVISIBLE_MARKS_RE, '')
}

/**
 * The readable text under `root`, one paragraph per block, as a person would copy it. Elements
 * carrying `skipAttribute` (captions, credits) are left out.
 */
export function paragraphsOf(root: DomNode, skipAttribute?: string): string[] {
  const paragraphs: string[] = []
  eachParagraph(root, skipAttribute, (text) => {
    paragraphs.push(text)
    return true
  })
  return paragraphs
}

/**
 * Whether `root` has paragraphs (those of paragraphsOf) and `test` holds for every one: read up to
 * the first that fails, as a block holding the story fails at its first line.
 */
export function everyParagraph(root: DomNode, test: (text: string) => boolean): boolean {
  let count = 0
  let all = true
  eachParagraph(root, undefined, (text) => {
    count += 1
    all = test(text)
    return all
  })
  return count > 0 && all
}

/** Gives `take` the paragraphs of paragraphsOf, in order, until it returns false. */
function eachParagraph(
  root: DomNode,
  skipAttribute: string | undefined,
  take: (text: string) => boolean,
): void {
  let line = ''
  let stopped = false
  const flush = (): void => {
    if (stopped) return
    const text = normaliseSpace(withoutInvisibleMarks(line))
    if (text !== '' && !take(text)) stopped = true
    line = ''
  }
  const walk = (node: DomNode): void => {
    if (stopped) return
    if (node.nodeType === TEXT_NODE) {
      line += node.textContent ?? ''
      return
    }
    if (!isElement(node)) return
    const tag = node.localName
    if (SKIPPED_TAGS.has(tag)) return
    if (skipAttribute !== undefined && node.hasAttribute(skipAttribute)) return
    if (tag === 'br') {
      flush()
      return
    }
    const block = BLOCK_TAGS.has(tag)
    if (block) flush()
    else if (tag === 'td' || tag === 'th') line += ' '
    // Sibling by sibling: listing each element's children costs two arrays an element.
    for (let child = node.firstChild; child !== null; child = child.nextSibling) walk(child)
    if (block) flush()
  }
  walk(root)
  flush()
}

export function textOfParagraphs(paragraphs: string[]): string {
  return paragraphs.join('\n\n')
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu
/** Chinese and Japanese are written without spaces between words. */
const UNSPACED_SCRIPT_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu

/**
 * Words as a reader counts them. In unspaced scripts a word is about two characters (most Chinese
 * words are one or two characters), so a paragraph of Chinese is not one long "word".
 */
export function countWords(text: string): number {
  const unspaced = text.match(UNSPACED_SCRIPT_RE)?.length ?? 0
  const spaced = (unspaced > 0 ? text.replace(UNSPACED_SCRIPT_RE, ' ') : text).match(WORD_RE)?.length ?? 0
  return spaced + Math.round(unspaced / 2)
}
