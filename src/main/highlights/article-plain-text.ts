import { parseHTML } from 'linkedom'
import { documentText } from '@shared/highlight-marks'

/**
 * The text highlights are anchored in: every text node of the article's stored (sanitised) body
 * in order, as the reader frame's DOM gives it (the same walk, src/shared/highlight-marks.ts).
 * Not the `.txt` file, whose paragraph breaks the window cannot see; both sides must count alike.
 */
export function articlePlainText(html: string): string {
  return documentText(bodyOf(html)).text
}

export function bodyOf(html: string): HTMLElement {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body
}
