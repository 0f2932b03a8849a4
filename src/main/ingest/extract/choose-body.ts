import { normaliseSpace, type DomElement } from './dom'
import type { BlockMap } from './recover-blocks'
import { CAPTION_MARK } from './post-clean'
import { countWords, paragraphsOf, withoutInvisibleMarks } from './text'

export interface BodyChoice {
  /** 'html': Readability's cleaned content; 'json-ld': the page's own schema.org articleBody. */
  kind: 'html' | 'json-ld'
  paragraphs: string[]
}

/** Below this many words a JSON-LD articleBody is a summary or a teaser, not the story. */
const MIN_JSON_LD_WORDS = 80

/**
 * Readability's copy is preferred because it keeps the page's structure (headings, images, links).
 * The page's own articleBody wins when Readability found much less than it: Readability then picked
 * a wrong block or a fragment of the story.
 */
export function chooseBody(content: DomElement | null, articleBody: string | null): BodyChoice {
  const htmlParagraphs = content === null ? [] : paragraphsOf(content, CAPTION_MARK)
  const jsonParagraphs = articleBody === null ? [] : splitArticleBody(articleBody)
  const htmlWords = countWords(htmlParagraphs.join(' '))
  const jsonWords = countWords(jsonParagraphs.join(' '))
  if (jsonWords >= MIN_JSON_LD_WORDS && htmlWords < jsonWords * 0.5) {
    return { kind: 'json-ld', paragraphs: jsonParagraphs }
  }
  return { kind: 'html', paragraphs: htmlParagraphs }
}

/** A description shorter than this is a tagline, not a lead paragraph. */
const MIN_LEAD_WORDS = 12

/**
 * The lead in front of a story read from the JSON-LD articleBody. Many CMSs keep the lead in the
 * description field and print it as the first paragraph under the headline, while articleBody holds
 * only the body field: when the page prints the description as a block of its own (the same text,
 * outside page furniture) and the articleBody does not open with it, it is put first. A description
 * the page does not print is an abstract for search engines and stays out.
 */
export function withDescribedLead(
  paragraphs: string[],
  description: string | null,
  blocks: BlockMap | null,
): string[] {
  if (description === null || blocks === null) return paragraphs
  const lead = normaliseSpace(withoutInvisibleMarks(description))
  if (countWords(lead) < MIN_LEAD_WORDS) return paragraphs
  const opening = normaliseSpace(paragraphs.slice(0, 3).join(' '))
  if (opening.includes(lead.slice(0, 80))) return paragraphs
  const printed = blocks.blocks.some((block) => !block.furniture && block.text === lead)
  return printed ? [lead, ...paragraphs] : paragraphs
}

/** articleBody is plain text by the standard, but some sites put HTML or entities in it. */
export function splitArticleBody(articleBody: string): string[] {
  const text = withoutInvisibleMarks(articleBody)
    .replace(/&shy;/g, '')
    .replace(/<\/(p|div|h\d|li|blockquote)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
  return text
    .split(/\n\s*\n|\r\n\s*\r\n|\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
}
