import { normaliseSpace, textOf, toArray, type DomDocument, type DomElement } from './dom'
import { countWords } from './text'

/*
 * Pages that hold several whole stories one after another: news sites that load the next article
 * as the reader scrolls (WordPress themes' "auto-load next post", Arc's and many regional papers'
 * infinite article pages), or blogs whose single-post page prints the neighbouring posts in full.
 * Readability keeps the largest of them, which is often not the one the link is about. The story
 * the page is about is the one whose headline is the page's own title; its siblings built the same
 * way (same element, same headline markup) are the other stories, and are removed before
 * Readability runs.
 */

/** A box with fewer words than this is a teaser card, not a whole story. */
const STORY_MIN_WORDS = 80
/** A headline shorter than this ("News", "Live") could be anything's. */
const HEADLINE_MIN_CHARACTERS = 12

const HEADLINE_SELECTOR = 'h1,h2,h3'

/** Lower case, punctuation and spacing folded, so a title and its headline compare as text. */
function folded(text: string): string {
  return normaliseSpace(text.toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' '))
}

/** The element's tag and class list: two boxes of one kind were built by the same template. */
function kindOf(element: DomElement): string {
  const classes = (element.getAttribute('class') ?? '').split(/\s+/).filter((c) => c !== '')
  return `${element.localName}.${classes.sort().join('.')}`
}

/**
 * The page's <title> often adds the site's name ("Diario HOY | Headline", "Headline - Site"): each
 * part between such separators is a title too. The headline must be one of them whole: a section
 * heading that only starts like the title ("What is X?" under "What is X and what is it for?") is not.
 */
const TITLE_SEPARATORS = / [|\-–—:·•»] /u

function titleParts(title: string): string[] {
  return [title, ...title.split(TITLE_SEPARATORS)]
}

function headlineMatches(headline: string, titles: string[]): boolean {
  const text = folded(headline)
  return text.length >= HEADLINE_MIN_CHARACTERS && titles.includes(text)
}

/** The kinds of the boxes from `box` (not included) down to `headline`: where a template puts it. */
function pathFrom(box: DomElement, headline: DomElement): string | null {
  const kinds: string[] = []
  for (let at: DomElement | null = headline; at !== box; at = at.parentElement) {
    if (at === null) return null
    kinds.push(kindOf(at))
  }
  return kinds.join('<')
}

/** The sibling's own headline, where the same template put the page's: null when it has none there. */
function headlineAt(sibling: DomElement, path: string): DomElement | null {
  const found = toArray(sibling.querySelectorAll(HEADLINE_SELECTOR)).find(
    (candidate) => pathFrom(sibling, candidate) === path,
  )
  return found ?? null
}

/**
 * The box that holds the page's own story, when it is one of several sibling boxes of the same
 * kind that each hold a whole story under a headline placed the same way; null otherwise. Boxes of
 * a kind that are not stories (the headline's row and the body's row of one layout) are passed on
 * the way up: their twins hold no headline where the page's is.
 */
function findTitledStory(
  headline: DomElement,
  body: DomElement,
  titles: string[],
): { story: DomElement; others: DomElement[] } | null {
  for (let box = headline.parentElement; box !== null && box !== body; box = box.parentElement) {
    const parent = box.parentElement
    if (parent === null) return null
    const kind = kindOf(box)
    const siblings = toArray(parent.children).filter((child) => child !== box && kindOf(child) === kind)
    if (siblings.length === 0 || countWords(textOf(box)) < STORY_MIN_WORDS) continue
    const path = pathFrom(box, headline)
    if (path === null) return null
    const others = siblings.filter((sibling) => {
      const own = headlineAt(sibling, path)
      return (
        own !== null &&
        !headlineMatches(textOf(own), titles) &&
        countWords(textOf(sibling)) >= STORY_MIN_WORDS
      )
    })
    if (others.length > 0) return { story: box, others }
  }
  return null
}

/**
 * Removes the other whole stories from a page that prints several, keeping the one whose headline
 * is the page's title (`title`: the metadata's headline; the document's <title> is also used).
 * Leaves the page as it is when no headline, or more than one, is the title's.
 */
export function keepTitledStory(document: DomDocument, title: string | null): void {
  const body = document.body
  if (body === null) return
  const titles = [title ?? '', document.title]
    .flatMap(titleParts)
    .map(folded)
    .filter((text) => text.length >= HEADLINE_MIN_CHARACTERS)
  if (titles.length === 0) return
  const headlines = toArray(body.querySelectorAll(HEADLINE_SELECTOR)).filter((headline) =>
    headlineMatches(textOf(headline), titles),
  )
  const found = headlines.flatMap((headline) => {
    const match = findTitledStory(headline, body, titles)
    return match === null ? [] : [match]
  })
  const stories = new Set(found.map((match) => match.story))
  // Two different boxes both titled like the page: which one is the story is not known.
  if (stories.size !== 1) return
  for (const other of found[0]?.others ?? []) other.remove()
}
