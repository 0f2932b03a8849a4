import { bylineWords } from './byline-words'

/** A word in capitals of a cased script: "GATHMANN", "O'SULLIVAN", "ЛАВРОВ". */
const SHOUTED_WORD = /^[\p{Lu}\p{M}'’.-]+$/u
const HAS_CASE = /\p{Lu}/u

/**
 * Whether a name is written in capitals, as page designs print bylines. A single short word in
 * capitals is an acronym (VZS, OZ, AFP), not a shouted name, and is left alone.
 */
export function isShouted(name: string): boolean {
  const words = name.split(/\s+/).filter((word) => /\p{L}/u.test(word))
  if (words.length === 0) return false
  if (!words.every((word) => SHOUTED_WORD.test(word) && HAS_CASE.test(word))) return false
  const letters = words.join('').replace(/[^\p{L}]/gu, '').length
  return words.length >= 2 ? letters >= 4 : letters >= 6
}

/** "SADHBH O'SULLIVAN" → "Sadhbh O'Sullivan", "J. I. DA SILVA" → "J. I. da Silva". */
export function unshout(name: string): string {
  return name
    .split(/(\s+)/)
    .map((word, index) => {
      if (/^\s+$/.test(word) || word === '') return word
      const lowerWord = word.toLocaleLowerCase()
      if (index > 0 && bylineWords.particles.has(lowerWord)) return lowerWord
      if (/^[IVX]+$/.test(word) && word.length <= 4) return word
      return word
        .split(/([-'’])/)
        .map((piece) => capitalise(piece.toLocaleLowerCase()))
        .join('')
    })
    .join('')
}

function capitalise(piece: string): string {
  if (piece.length === 0 || /^[-'’]$/.test(piece)) return piece
  // McDONALD, MACLEOD are written McDonald and MacLeod only by people who know them; Mc is safe.
  if (/^mc\p{L}{2,}/u.test(piece)) return `Mc${piece.charAt(2).toLocaleUpperCase()}${piece.slice(3)}`
  return `${piece.charAt(0).toLocaleUpperCase()}${piece.slice(1)}`
}

/** A surname in capitals needs this many letters to be told from an acronym (SPD, CNN). */
const MIN_SHOUTED_SURNAME = 4

/**
 * "Jean DUPONT", "Иван ПЕТРОВ", "Kazım TÜRKMEN": the surname in capitals, as French and Russian
 * pages print it, beside a given name in normal case, is written in normal case too.
 */
export function unshoutSurnames(name: string): string {
  const words = name.split(' ')
  if (words.length < 2 || !words.some((word) => /\p{Ll}/u.test(word))) return name
  const shouted = (word: string): boolean =>
    SHOUTED_WORD.test(word) && word.replace(/[^\p{L}]/gu, '').length >= MIN_SHOUTED_SURNAME
  if (!words.some(shouted)) return name
  return words.map((word) => (shouted(word) ? unshout(word) : word)).join(' ')
}
