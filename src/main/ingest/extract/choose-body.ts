import type { DomElement } from './dom'
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
