import { parseHTML } from 'linkedom'
import type { DomNode } from '../ingest/extract/dom'
import { paragraphsOf, textOfParagraphs } from '../ingest/extract/text'

/**
 * The text of an article as a person reads it on paper or in a terminal, captions included. The
 * stored .txt leaves captions out (search, word counts and duplicate keys want the story alone);
 * the txt export and `dateline show` keep them, marked so a caption does not read as the story.
 */
export function readableText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  for (const caption of Array.from(document.querySelectorAll('figcaption'))) {
    const text = (caption.textContent ?? '').replace(/\s+/g, ' ').trim()
    caption.textContent = text ? `[Picture: ${text}]` : ''
  }
  // linkedom's nodes are the structural DomNode the extractor declares; the DOM lib's types differ.
  return textOfParagraphs(paragraphsOf(document.body as unknown as DomNode))
}
