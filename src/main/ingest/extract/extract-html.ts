import { isProbablyReaderable, Readability } from '@mozilla/readability'
import type { ExtractedArticle } from '@shared/article'
import { DatelineError } from '@shared/errors'
import { keepCaptionNames, neutraliseDisplayStates, neutraliseEmbeds, removeBoilerplate } from './boilerplate'
import { textOf, toArray, type DomDocument, type DomElement } from './dom'
import { largestTextBlock, markedArticleElement, revealScriptedContent } from './fallback-blocks'
import {
  findHydrationStory,
  MIN_HYDRATION_WORDS,
  readHydrationData,
  type HydrationStory,
} from './hydration-data'
import { emptyJsonLd, readJsonLd, type JsonLdArticle } from './json-ld'
import { absolutiseUrls, foldLazyImages } from './lazy-images'
import { withoutOutletCredit } from './byline-cleanup'
import { baseUrlOf, cleanByline, emptyMetadata, readMetadata } from './metadata'
import { parseWithLinkedom, readPageTree, type TreeRepair } from './page-tree'
import { paragraphsHtml } from './plain-text'
import { CAPTION_MARK, postClean, stripPresentation } from './post-clean'
import { mapBlocks, recoverBlocks, type BlockMap } from './recover-blocks'
import { StepRunner } from './steps'
import { markTeaserCards } from './teaser-cards'
import { keepTitledStory } from './titled-story'
import { countWords, paragraphsOf, textOfParagraphs } from './text'
import { chooseBody, splitArticleBody, withDescribedLead } from './choose-body'
import {
  FALLBACK_WARNINGS,
  FLATTENED_WARNING,
  makeExcerpt,
  LITTLE_TEXT_WARNING,
  NOT_AN_ARTICLE_MESSAGE,
  skippedStepsWarning,
  type ReadingPath,
} from './wording'
import { resolveUrl } from './urls'

/**
 * Fewer words than this and the copy is probably a teaser, a gallery or a paywall stub, or the
 * clean-up took the story away and Readability settled on a box of the site's own prose (an "about
 * us" note): the readings of the whole page are tried, and one finding twice as many words wins.
 */
const FEW_WORDS = 120
/**
 * Below this the usual reading is treated as having missed the story, and the cruder fallbacks (the
 * page's <article>, its largest block) are tried too. A news brief has more; a byline, a caption or
 * a cookie notice has fewer.
 */
const MISSED_STORY_WORDS = 50
/** A fallback replaces the usual reading only when it finds clearly more: twice as many words. */
const FALLBACK_GAIN = 2
/**
 * The page's hydration data replaces a reading of its markup that holds less than this share of its
 * words: the markup then shows a teaser (or a consent wall's excerpt) and the story is in the data.
 */
const TEASER_SHARE = 0.5

interface ReadabilityResult {
  content: string
  title: string | null
  byline: string | null
  siteName: string | null
}

/** One reading of the page: where its text came from, the element holding it (if HTML), its paragraphs. */
interface BodyReading {
  path: ReadingPath
  root: DomElement | null
  paragraphs: string[]
  words: number
}

/** An extracted article with the page's tree as it was served, before the clean-up rewrote it. */
export interface ExtractedPage {
  article: ExtractedArticle
  /** The page as read before any step changed it, for later steps that read it again (bylines). */
  page: DomDocument
}

/** A web page's HTML in, the article in it out. Pure: no I/O, same input gives the same output. */
export function extractFromHtml(html: string, url: string | null): ExtractedArticle {
  return extractFromPage(new PageSource(html, false), url)
}

/**
 * The same, also giving back the page as served: parsed once, copied before the clean-up, so the
 * steps after extraction and the fallbacks read a copy instead of parsing the page again (copying a
 * tree costs about half of parsing it).
 */
export function extractPageFromHtml(html: string, url: string | null): ExtractedPage {
  const source = new PageSource(html, true)
  const article = extractFromPage(source, url)
  return { article, page: source.served() }
}

/**
 * The page's tree for the usual reading, and fresh trees of the page as served for the readings
 * that need one untouched by it (the fallbacks, the bylines): copies of one kept copy when asked
 * to keep it, else parsed again, which costs nothing on the many pages that need no fallback.
 */
class PageSource {
  readonly document: DomDocument
  readonly repairs: TreeRepair[]
  private readonly kept: DomDocument | null

  constructor(
    private readonly html: string,
    keep: boolean,
  ) {
    const { document, repairs } = readPageTree(html)
    this.document = document
    this.repairs = repairs
    this.kept = keep ? copyOf(document) : null
  }

  /** A tree of the page as served that no other reading holds; the caller may change it. */
  fresh(): DomDocument {
    return this.kept === null ? readPageTree(this.html).document : copyOf(this.kept)
  }

  /** The kept copy itself, for the last reader of the page (it may change it). */
  served(): DomDocument {
    return this.kept ?? readPageTree(this.html).document
  }
}

function copyOf(document: DomDocument): DomDocument {
  return document.cloneNode(true)
}

function extractFromPage(source: PageSource, url: string | null): ExtractedArticle {
  const steps = new StepRunner()
  const { document, repairs } = source
  const jsonLd = steps.run('reading the page’s article data', () => readJsonLd(document), emptyJsonLd())
  const metadata = steps.run(
    'reading the page’s details',
    () => readMetadata(document, url, jsonLd),
    emptyMetadata(url),
  )
  const base = steps.run('reading the page’s address', () => baseUrlOf(document, url), resolveUrl(url, null))
  const readerable = isReaderable(document)
  // Read before the clean-up, which removes the scripts that carry it.
  const hydration = steps.run(
    'reading the page’s app data',
    () => findHydrationStory(readHydrationData(document), [metadata.title, jsonLd.headline, document.title]),
    null,
  )

  const usual = readCleaned(document, jsonLd, metadata.title, steps)
  const found =
    usual.reading.words >= FEW_WORDS
      ? usual.reading
      : readFallbacks(source, usual.reading, jsonLd, hydration, steps)
  const reading = preferHydration(found, hydration, steps)
  if (reading.paragraphs.length === 0) throw new DatelineError('NOT_AN_ARTICLE', NOT_AN_ARTICLE_MESSAGE)

  const readability = usual.readability
  const title = metadata.title ?? readability?.title ?? null
  let { paragraphs } = reading
  let articleHtml = paragraphsHtml(paragraphs)
  let firstImage: string | null = null
  const root = reading.root
  if (root !== null) {
    steps.apply('removing the repeated headline', () => dropLeadingTitle(root, title))
    paragraphs = paragraphsOf(root, CAPTION_MARK)
    firstImage = steps.run('finding the first picture', () => firstImageUrl(root, base), null)
    steps.apply('making links absolute', () => absolutiseUrls(root, base))
    steps.apply('removing the page’s styling', () => stripPresentation(root))
    articleHtml = root.innerHTML.trim()
  }
  if (paragraphs.length === 0) {
    // Only the headline was there; keep it rather than lose the page.
    paragraphs = reading.paragraphs
    articleHtml = paragraphsHtml(paragraphs)
  }
  const text = textOfParagraphs(paragraphs)
  const wordCount = countWords(text)
  return {
    title: title ?? paragraphs[0] ?? 'Untitled',
    byline:
      metadata.byline ??
      (metadata.bylineNamesOutlet ? null : readabilityByline(readability, metadata.outletNames)),
    correspondents: [],
    countries: [],
    siteName: metadata.siteName ?? readability?.siteName ?? null,
    publishedAt: metadata.publishedAt,
    lang: metadata.lang,
    excerpt: makeExcerpt(metadata.description, paragraphs),
    wordCount,
    text,
    html: articleHtml,
    url,
    canonicalUrl: metadata.canonicalUrl,
    leadImageUrl: metadata.leadImageUrl ?? firstImage,
    readerable,
    warnings: warningsFor(readerable, wordCount, reading.path, steps.skipped, repairs),
  }
}

function warningsFor(
  readerable: boolean,
  wordCount: number,
  path: ReadingPath,
  skipped: string[],
  repairs: TreeRepair[],
): string[] {
  const warnings: string[] = []
  if (!readerable || wordCount < FEW_WORDS) warnings.push(LITTLE_TEXT_WARNING)
  const fallback = FALLBACK_WARNINGS[path]
  if (fallback !== null) warnings.push(fallback)
  if (skipped.length > 0) warnings.push(skippedStepsWarning(skipped))
  if (repairs.includes('flattened')) warnings.push(FLATTENED_WARNING)
  return warnings
}

/** The usual reading: Dateline's clean-up, then Readability, then the clean-up of what it kept. */
function readCleaned(
  document: DomDocument,
  jsonLd: JsonLdArticle,
  title: string | null,
  steps: StepRunner,
): { reading: BodyReading; readability: ReadabilityResult | null } {
  const body = document.body
  let blocks: BlockMap | null = null
  if (body !== null) {
    steps.apply('loading the pictures', () => foldLazyImages(body))
    steps.apply('removing page furniture', () => removeBoilerplate(body))
    steps.apply('keeping the page’s own story', () => keepTitledStory(document, title))
    steps.apply('keeping embedded posts', () => neutraliseEmbeds(body))
    steps.apply('keeping the story’s Drupal paragraphs', () => neutraliseDisplayStates(body))
    steps.apply('keeping captions’ names', () => keepCaptionNames(body))
    steps.apply('finding teaser cards', () => markTeaserCards(body))
    blocks = steps.run('mapping the page’s blocks', () => mapBlocks(body), null)
  }
  const readability = steps.run('finding the story', () => runReadability(document), null)
  const content = readability === null ? null : parseWithLinkedom(readability.content).body
  if (content !== null && blocks !== null) {
    const map = blocks
    steps.apply('recovering the paragraphs left out', () => recoverBlocks(map, content, title))
  }
  if (content !== null) steps.apply('tidying the story', () => postClean(content))
  const chosen = chooseBody(content, jsonLd.articleBody)
  // The page's own articleBody replacing Readability's copy is a fallback too, and named as one.
  const reading: BodyReading =
    chosen.kind === 'html'
      ? {
          path: 'usual',
          root: content,
          paragraphs: chosen.paragraphs,
          words: countWords(chosen.paragraphs.join(' ')),
        }
      : jsonLdReading(withDescribedLead(chosen.paragraphs, jsonLd.description, blocks))
  return { reading, readability }
}

function jsonLdReading(paragraphs: string[]): BodyReading {
  return { path: 'json-ld', root: null, paragraphs, words: countWords(paragraphs.join(' ')) }
}

/**
 * When the usual reading found little, the other ways of finding the story are tried in order, each
 * on a fresh tree: Readability alone (Dateline's clean-up may have removed the story), the page's
 * JSON-LD articleBody, its hydration data (Next.js, Nuxt, Arc), and, when it found almost nothing,
 * the page's <article> or articleBody element and the largest block of text. Those two take any
 * long box (a sidebar, a legal note) over a brief, so a reading of a brief's length keeps its own
 * copy rather than theirs. The first that finds clearly more wins; failing that, the first that
 * finds anything.
 */
function readFallbacks(
  source: PageSource,
  usual: BodyReading,
  jsonLd: JsonLdArticle,
  hydration: HydrationStory | null,
  steps: StepRunner,
): BodyReading {
  const wanted = Math.max(MISSED_STORY_WORDS, usual.words * FALLBACK_GAIN)
  const fallbacks: (() => BodyReading | null)[] = [
    () => readPlainReadability(source, steps),
    () => readJsonLdBody(jsonLd),
    () => readHydration(hydration, steps),
  ]
  if (usual.words < MISSED_STORY_WORDS) {
    fallbacks.push(
      () => readMarkedArticle(source, steps),
      () => readLargestBlock(source, steps),
    )
  }
  let firstFound: BodyReading | null = usual.words > 0 ? usual : null
  for (const fallback of fallbacks) {
    const reading = steps.run('reading the page another way', fallback, null)
    if (reading === null || reading.words === 0) continue
    if (reading.words >= wanted) return reading
    firstFound ??= reading
  }
  return firstFound ?? usual
}

function readPlainReadability(source: PageSource, steps: StepRunner): BodyReading | null {
  const document = source.fresh()
  const readability = steps.run('finding the story without clean-up', () => runReadability(document), null)
  if (readability === null) return null
  return domReading('plain-readability', parseWithLinkedom(readability.content).body, steps)
}

function readJsonLdBody(jsonLd: JsonLdArticle): BodyReading | null {
  if (jsonLd.articleBody === null) return null
  const paragraphs = splitArticleBody(jsonLd.articleBody)
  return { path: 'json-ld', root: null, paragraphs, words: countWords(paragraphs.join(' ')) }
}

function readHydration(hydration: HydrationStory | null, steps: StepRunner): BodyReading | null {
  if (hydration === null) return null
  return domReading('hydration-data', parseWithLinkedom(hydration.html).body, steps)
}

/** The hydration data's story when the markup's reading is a teaser of it. */
function preferHydration(
  reading: BodyReading,
  hydration: HydrationStory | null,
  steps: StepRunner,
): BodyReading {
  if (hydration === null || reading.path === 'hydration-data') return reading
  if (hydration.words < MIN_HYDRATION_WORDS || reading.words >= hydration.words * TEASER_SHARE) return reading
  const fromData = steps.run('reading the page another way', () => readHydration(hydration, steps), null)
  return fromData !== null && fromData.words > reading.words ? fromData : reading
}

function readMarkedArticle(source: PageSource, steps: StepRunner): BodyReading | null {
  const document = source.fresh()
  const body = document.body
  if (body !== null) steps.apply('loading the pictures', () => foldLazyImages(body))
  return domReading('article-element', markedArticleElement(document), steps)
}

function readLargestBlock(source: PageSource, steps: StepRunner): BodyReading | null {
  const document = source.fresh()
  const body = document.body
  if (body === null) return null
  revealScriptedContent(body)
  steps.apply('loading the pictures', () => foldLazyImages(body))
  return domReading('largest-block', largestTextBlock(body), steps)
}

function domReading(path: ReadingPath, root: DomElement | null, steps: StepRunner): BodyReading | null {
  if (root === null) return null
  steps.apply('tidying the story', () => postClean(root))
  const paragraphs = paragraphsOf(root, CAPTION_MARK)
  return { path, root, paragraphs, words: countWords(paragraphs.join(' ')) }
}

function isReaderable(document: DomDocument): boolean {
  try {
    return isProbablyReaderable(document as never)
  } catch {
    return false
  }
}

function runReadability(document: DomDocument): ReadabilityResult | null {
  // keepClasses: post-clean reads class names to find furniture Readability let through.
  const parsed = new Readability(document as never, { keepClasses: true, charThreshold: 300 }).parse()
  if (parsed === null || typeof parsed.content !== 'string') return null
  return {
    content: parsed.content,
    title: parsed.title ?? null,
    byline: parsed.byline ?? null,
    siteName: parsed.siteName ?? null,
  }
}

/** The headline is shown above the body, so a copy of it as the body's first line is dropped. */
function dropLeadingTitle(root: DomElement, title: string | null): void {
  if (title === null) return
  const first = toArray(root.querySelectorAll('h1,h2,h3,p')).find((element) => textOf(element) !== '')
  if (first !== undefined && textOf(first).toLowerCase() === title.toLowerCase()) first.remove()
}

function readabilityByline(readability: ReadabilityResult | null, outletNames: string[]): string | null {
  const byline = cleanByline(readability?.byline)
  return byline === null ? null : withoutOutletCredit(byline, outletNames)
}

function firstImageUrl(root: DomElement, base: string | null): string | null {
  for (const image of toArray(root.querySelectorAll('img[src]'))) {
    const url = resolveUrl(image.getAttribute('src'), base)
    if (url !== null) return url
  }
  return null
}
