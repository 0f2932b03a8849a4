import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readability } from '@mozilla/readability'
import {
  keepCaptionNames,
  neutraliseDisplayStates,
  neutraliseEmbeds,
  removeBoilerplate,
} from '../src/main/ingest/extract/boilerplate'
import { normaliseSpace, type DomElement } from '../src/main/ingest/extract/dom'
import { markTeaserCards } from '../src/main/ingest/extract/teaser-cards'
import { foldLazyImages } from '../src/main/ingest/extract/lazy-images'
import { parseWithLinkedom, readPageTree } from '../src/main/ingest/extract/page-tree'
import { BLOCK_MARK, mapBlocks, type BlockMap } from '../src/main/ingest/extract/recover-blocks'
import {
  articleExtractionIds,
  readArticleExtractionPage,
  readTrafilaturaPage,
  trafilaturaEntries,
  type BenchmarkPage,
} from '../tests/fixtures/benchmark-pages'
import { isHeldOut } from '../tests/fixtures/extraction-scores'
import { extractArticle } from '../src/main/ingest/extract'
import { readJsonLd } from '../src/main/ingest/extract/json-ld'
import { splitArticleBody } from '../src/main/ingest/extract/choose-body'
import { countWords } from '../src/main/ingest/extract/text'

/*
 * Why the snippets the second set expects are missing from Dateline's copy, grouped into failure
 * classes, on the dev pages only (held-out pages are never looked at). Reads the texts of the last
 * `extraction-quality` run (.bench/tf-texts.json) and replays the pipeline's stages on each page to
 * find the stage that lost each snippet: not in the visible page at all, removed by the clean-up
 * before Readability, left out by Readability (before its first kept block, between kept blocks,
 * after its last, or outside the story's container), or removed after it. `node
 * out/main/extraction-misses.js [class]` prints the counts and, for one class, its pages.
 * `--leaks` lists the snippets that must not be in the copy and are, each with the block of the
 * article's HTML that holds it: whether it is the whole block, a line of it (`<br>`-separated, or
 * text outside any block), or part of a sentence, which is how the leaks group into classes.
 * `--shortfall` lists the dev pages of both sets whose copy is much shorter than another reading of
 * them, and `--trace FILE SNIPPET` follows one snippet through the clean-up (see each below).
 */

type MissClass =
  | 'not-in-visible-page'
  | 'removed-before-readability'
  | 'before-first-kept'
  | 'between-kept'
  | 'after-last-kept'
  | 'outside-story'
  | 'kept-by-readability-then-removed'
  | 'no-readability'

const norm = (text: string): string => normaliseSpace(text)

let detail = ''

function classify(html: string, snippet: string): MissClass {
  detail = ''
  const wanted = norm(snippet)
  const { document } = readPageTree(html)
  const body = document.body
  if (body === null || !norm(body.textContent ?? '').includes(wanted)) return 'not-in-visible-page'
  foldLazyImages(body)
  removeBoilerplate(body)
  neutraliseEmbeds(body)
  neutraliseDisplayStates(body)
  keepCaptionNames(body)
  markTeaserCards(body)
  if (!norm(body.textContent ?? '').includes(wanted)) return 'removed-before-readability'
  const map = mapBlocks(body)
  const parsed = new Readability(document as never, { keepClasses: true, charThreshold: 300 }).parse()
  if (parsed === null || typeof parsed.content !== 'string') return 'no-readability'
  const content = parseWithLinkedom(parsed.content).body
  if (content === null) return 'no-readability'
  if (norm(content.textContent ?? '').includes(wanted)) return 'kept-by-readability-then-removed'
  return placeOf(map, content, wanted)
}

function placeOf(map: BlockMap, content: DomElement, wanted: string): MissClass {
  const kept = new Set<number>()
  for (const element of Array.from(content.querySelectorAll(`[${BLOCK_MARK}]`))) {
    kept.add(Number(element.getAttribute(BLOCK_MARK)))
  }
  const indexes = [...kept].sort((a, b) => a - b)
  const block = map.blocks.find((candidate) => candidate.text.includes(wanted))
  const first = indexes[0]
  const last = indexes.at(-1)
  if (block === undefined || first === undefined || last === undefined) return 'outside-story'
  const keptBlocks = indexes.flatMap((i) => (map.blocks[i] === undefined ? [] : [map.blocks[i]]))
  const story = keptBlocks.length > 0 ? sharedAncestor(keptBlocks.map((b) => b.ancestors)) : null
  const distance = block.index < first ? first - block.index : block.index - last
  detail = `[${block.tag} ${block.words}w link ${block.linkShare.toFixed(2)} ${block.furniture ? 'furniture ' : ''}${story !== null && block.ancestors.includes(story) ? 'in-story ' : ''}d ${distance} rep ${map.repeats.get(block.text)}]`
  if (block.index < first) return 'before-first-kept'
  if (block.index > last) return 'after-last-kept'
  return 'between-kept'
}

function sharedAncestor(lists: DomElement[][]): DomElement | null {
  const first = lists[0] ?? []
  let depth = first.length
  for (const list of lists) {
    let shared = 0
    while (shared < depth && list[shared] === first[shared]) shared += 1
    depth = shared
  }
  return depth === 0 ? null : (first[depth - 1] ?? null)
}

/** `--blocks FILE`: the page's leaf blocks around Readability's kept ones, to see a class's markup. */
function printBlocks(file: string): void {
  const found = (trafilaturaEntries() ?? []).find(([, entry]) => entry.file === file)
  if (found === undefined) return
  const { document } = readPageTree(readTrafilaturaPage(found[0], found[1]).html)
  const body = document.body
  if (body === null) return
  foldLazyImages(body)
  removeBoilerplate(body)
  neutraliseEmbeds(body)
  neutraliseDisplayStates(body)
  keepCaptionNames(body)
  markTeaserCards(body)
  const map = mapBlocks(body)
  const parsed = new Readability(document as never, { keepClasses: true, charThreshold: 300 }).parse()
  const content = parseWithLinkedom(parsed?.content ?? '').body
  const kept = new Set(
    Array.from(content?.querySelectorAll(`[${BLOCK_MARK}]`) ?? []).map((e) =>
      Number(e.getAttribute(BLOCK_MARK)),
    ),
  )
  const indexes = [...kept].sort((a, b) => a - b)
  const from = Math.max(0, (indexes[0] ?? 0) - 30)
  const to = Math.min(map.blocks.length, (indexes.at(-1) ?? 0) + 30)
  for (const block of map.blocks.slice(from, to)) {
    const path = block.ancestors
      .slice(-3)
      .map((a) => `${a.localName}.${(a.getAttribute('class') ?? '').split(' ')[0]}`)
      .join('>')
    console.log(
      `${kept.has(block.index) ? 'K' : ' '} ${block.index} ${block.tag} ${block.words}w l${block.linkShare.toFixed(1)}${block.furniture ? ' F' : ''} ${path} | ${block.text.slice(0, 80)}`,
    )
  }
}

/** The innermost element of `root` whose text holds `wanted`, and how the snippet sits in it. */
function whereLeaked(root: DomElement, wanted: string): string {
  let holder: DomElement = root
  for (;;) {
    const inner = Array.from(holder.children).find((child) => norm(child.textContent ?? '').includes(wanted))
    if (inner === undefined) break
    holder = inner
  }
  const path = [holder, holder.parentElement, holder.parentElement?.parentElement]
    .flatMap((element) => (element === null || element === undefined ? [] : [element]))
    .map((element) => `${element.localName}.${(element.getAttribute('class') ?? '').split(' ')[0] ?? ''}`)
    .reverse()
    .join('>')
  const whole = norm(holder.textContent ?? '')
  const lines = paragraphsOfText(holder)
  const line = lines.find((candidate) => candidate.includes(wanted)) ?? whole
  const how =
    whole === wanted
      ? 'block'
      : line === wanted
        ? 'line'
        : line.length < wanted.length + 40
          ? 'near-line'
          : 'in-text'
  return `[${how} ${path}] ${line.slice(0, 140)}`
}

/** The lines of an element: split at <br> and at child blocks, as a reader sees them. */
function paragraphsOfText(element: DomElement): string[] {
  const html = element.innerHTML.replace(
    /<br\s*\/?>|<\/?(p|div|li|h\d|section|ul|ol|blockquote)\b[^>]*>/gi,
    '\n',
  )
  return html
    .split('\n')
    .map((part) => norm(part.replace(/<[^>]+>/g, ' ')))
    .filter((part) => part !== '')
}

function printLeaks(): void {
  let count = 0
  for (const [index, [url, entry]] of (trafilaturaEntries() ?? []).entries()) {
    if (isHeldOut(index) || entry.without.length === 0) continue
    const page = readTrafilaturaPage(url, entry)
    let article
    try {
      article = extractArticle({ kind: 'html', html: page.html, url })
    } catch {
      continue
    }
    const text = norm(article.text)
    const root = parseWithLinkedom(`<div>${article.html}</div>`).body
    for (const snippet of entry.without) {
      const wanted = norm(snippet)
      if (!text.includes(wanted) || root === null) continue
      count += 1
      console.log(`${entry.file}: ${snippet.slice(0, 80)} ${whereLeaked(root, wanted)}`)
    }
  }
  console.log(`leaked: ${count}`)
}

/** Below this share of another reading's words, the copy has probably lost part of the story. */
const SHORTFALL_SHARE = 0.5

/**
 * `--shortfall`: dev pages of both sets whose copy is much shorter than plain Readability's on the
 * untouched page or than the page's JSON-LD articleBody. Needs no labels: a loss of recall that a
 * scorer with a few snippets may not see.
 */
function printShortfalls(): void {
  const pages: BenchmarkPage[] = []
  for (const [index, id] of (articleExtractionIds() ?? []).entries()) {
    if (!isHeldOut(index)) pages.push(readArticleExtractionPage(id))
  }
  for (const [index, [url, entry]] of (trafilaturaEntries() ?? []).entries()) {
    if (!isHeldOut(index)) pages.push(readTrafilaturaPage(url, entry))
  }
  let count = 0
  for (const page of pages) {
    let words = 0
    try {
      words = extractArticle({ kind: 'html', html: page.html, url: page.url }).wordCount
    } catch {
      // A refused page has no words: every other reading is a shortfall of it.
    }
    const { document } = readPageTree(page.html)
    const jsonLd = readJsonLd(document)
    const jsonLdWords =
      jsonLd.articleBody === null ? 0 : countWords(splitArticleBody(jsonLd.articleBody).join(' '))
    const plain = new Readability(document as never, { charThreshold: 300 }).parse()
    const plainWords = countWords(normaliseSpace(plain?.textContent ?? ''))
    const other = Math.max(jsonLdWords, plainWords)
    if (other === 0 || words >= other * SHORTFALL_SHARE) continue
    count += 1
    console.log(`${page.id}: copy ${words} words, plain Readability ${plainWords}, JSON-LD ${jsonLdWords}`)
  }
  console.log(`shortfalls: ${count} of ${pages.length} dev pages`)
}

/**
 * `--trace FILE SNIPPET`: the element holding the snippet on the page, with its names, and after
 * each step of the clean-up before Readability, whether Readability would still keep it and whether
 * the step removed it: a step can lose a story without touching it, by changing what Readability
 * scores highest.
 */
function traceSnippet(file: string, snippet: string): void {
  const found = (trafilaturaEntries() ?? []).find(([, entry]) => entry.file === file)
  if (found === undefined) return
  const { document } = readPageTree(readTrafilaturaPage(found[0], found[1]).html)
  const body = document.body
  if (body === null) return
  const wanted = norm(snippet)
  const holder = (): string => {
    let element: DomElement = body
    const path: string[] = []
    for (;;) {
      const inner = Array.from(element.children).find((child) =>
        norm(child.textContent ?? '').includes(wanted),
      )
      if (inner === undefined) break
      element = inner
      path.push(`${element.localName}.${(element.getAttribute('class') ?? '').replace(/\s+/g, '.')}`)
    }
    return path.join(' > ')
  }
  console.log(`before: ${holder()}`)
  const steps: [string, () => void][] = [
    ['foldLazyImages', () => foldLazyImages(body)],
    ['removeBoilerplate', () => removeBoilerplate(body)],
    ['neutraliseEmbeds', () => neutraliseEmbeds(body)],
    ['neutraliseDisplayStates', () => neutraliseDisplayStates(body)],
    ['keepCaptionNames', () => keepCaptionNames(body)],
    ['markTeaserCards', () => markTeaserCards(body)],
  ]
  for (const [name, step] of steps) {
    step()
    const copy = document.cloneNode(true) as typeof document
    const parsed = new Readability(copy as never, { keepClasses: true, charThreshold: 300 }).parse()
    console.log(`  after ${name}: Readability keeps it: ${norm(parsed?.textContent ?? '').includes(wanted)}`)
    if (!norm(body.textContent ?? '').includes(wanted)) {
      console.log(`removed by ${name}`)
      return
    }
  }
  console.log('still there before Readability')
}

function main(): void {
  if (process.argv[2] === '--trace') {
    traceSnippet(process.argv[3] ?? '', process.argv[4] ?? '')
    return
  }
  if (process.argv[2] === '--shortfall') {
    printShortfalls()
    return
  }
  if (process.argv[2] === '--leaks') {
    printLeaks()
    return
  }
  if (process.argv[2] === '--blocks') {
    printBlocks(process.argv[3] ?? '')
    return
  }
  const only = process.argv[2]
  const texts = JSON.parse(readFileSync(join('.bench', 'tf-texts.json'), 'utf8')) as Record<string, string>
  const tally = new Map<MissClass, string[]>()
  for (const [index, [url, entry]] of (trafilaturaEntries() ?? []).entries()) {
    if (isHeldOut(index)) continue
    const text = norm(texts[entry.file] ?? '')
    const missing = entry.with.filter((snippet) => !text.includes(norm(snippet)))
    if (missing.length === 0) continue
    const page = readTrafilaturaPage(url, entry)
    for (const snippet of missing) {
      const missClass = classify(page.html, snippet)
      tally.set(missClass, [...(tally.get(missClass) ?? []), `${entry.file}: ${snippet} ${detail}`])
    }
  }
  for (const [missClass, misses] of [...tally].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`${missClass}: ${misses.length}`)
    if (only === missClass) for (const miss of misses) console.log(`  ${miss}`)
  }
}

main()
