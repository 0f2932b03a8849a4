import { createHash } from 'node:crypto'

/**
 * The same article reached another way (a pasted text of a page already saved by its link, a
 * saved file without its address) has no address to match on. It is recognised by its headline
 * and the start of its text, folded so that case, punctuation, quotes and spacing do not count.
 */
const OPENING_WORDS = 40
/** Fewer words than this is no fingerprint: short notes would match each other. */
const MIN_OPENING_WORDS = 12

function fold(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .split(/\s+/u)
    .filter((word) => word.length > 0)
}

/** Headline plus the opening words of the text (after the headline, when the text repeats it). */
export function contentKey(title: string, text: string): string | null {
  const headline = fold(title)
  if (headline.length === 0) return null
  let words = fold(text)
  if (words.slice(0, headline.length).join(' ') === headline.join(' ')) words = words.slice(headline.length)
  if (words.length < MIN_OPENING_WORDS) return null
  const opening = words.slice(0, OPENING_WORDS).join(' ')
  return createHash('sha256')
    .update(`${headline.join(' ')}\n${opening}`)
    .digest('hex')
    .slice(0, 32)
}

/** Sites compare by name, folded; an unknown site (a paste) matches any. */
export function sameSite(a: string | null, b: string | null): boolean {
  if (!a || !b) return true
  return fold(a).join(' ') === fold(b).join(' ')
}
