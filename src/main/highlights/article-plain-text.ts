import { parseHTML } from 'linkedom'

/**
 * The text highlights are anchored in: the text content of the article's stored (sanitised) body,
 * every text node in document order, as the reader frame's DOM gives it. Not the `.txt` file,
 * whose paragraph breaks the window cannot see; both sides must count characters alike.
 */
export function articlePlainText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  return document.body.textContent ?? ''
}
