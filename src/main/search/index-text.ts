/**
 * Text as the full-text index sees it. FTS5's unicode61 tokenizer splits words at spaces and
 * punctuation, which leaves a line of Chinese or Japanese as one "word" the length of a sentence.
 * So runs of Han, Hiragana, Katakana and Hangul are cut into words here with ICU's dictionary-based
 * word breaker (`Intl.Segmenter`, the same in Node and Electron) and joined by spaces. The same
 * function is applied to documents and to queries, so both are cut alike.
 *
 * Chosen over a trigram table: one table keeps bm25 ranking, prefix search and the diacritics
 * folding of unicode61 for every language, and a trigram index of 100k 800-word articles would be
 * several times the size of the word index.
 */

/** Han, kana and Hangul, with the iteration and prolonged-sound marks that live inside their words. */
export const CJK_CLASS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30FC\uFF70`
const CJK_RUN = new RegExp(`[${CJK_CLASS}]+`, 'gu')
const HAS_CJK = new RegExp(`[${CJK_CLASS}]`, 'u')

// ICU's word breaker picks its dictionary by script, not locale; one instance serves all languages.
const segmenter = new Intl.Segmenter('und', { granularity: 'word' })

export function hasCjk(text: string): boolean {
  return HAS_CJK.test(text)
}

/** The words of one CJK run, in order. */
export function segmentCjkRun(run: string): string[] {
  const words: string[] = []
  for (const part of segmenter.segment(run)) if (part.isWordLike) words.push(part.segment)
  return words
}

export function textForIndex(text: string): string {
  if (!hasCjk(text)) return text
  return text.replace(CJK_RUN, (run) => ` ${segmentCjkRun(run).join(' ')} `)
}
