import words from './outlet-words.json'

/*
 * Whether two ways of writing a name mean the same outlet: "Al-Bawaba" and "Al Bawaba",
 * "CBSSports.com" and "CBS Sports", "BBC" and "BBC News". Pure and shared, so extraction (which
 * cleans what it stores) and the window (which shows articles stored before that cleaning) agree.
 */

const LEADING_ARTICLES = new Set(words.leadingArticles)
const OUTLET_SUFFIXES = new Set(words.outletSuffixes)
const TRANSLITERATIONS: Readonly<Record<string, string>> = words.transliterations
const TRANSLITERATED_RE = new RegExp(`[${Object.keys(TRANSLITERATIONS).join('')}]`, 'gu')
/** "Cleveland.com", "Express.co.uk", "www.wday.ru": a name written as an address. */
const DOMAIN_RE = /^(?:www\d?\.)?([\p{L}\p{N}-]+)(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u

/** Lower case, marks and the letters NFKD keeps whole folded away ("Süddeutsche" -> "suddeutsche"). */
export function foldLetters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(TRANSLITERATED_RE, (letter) => TRANSLITERATIONS[letter] ?? letter)
}

/** The words of an outlet's name, folded, without a leading article; a web address counts as its name. */
export function outletWords(name: string): string[] {
  const trimmed = name.trim()
  const domain = DOMAIN_RE.exec(trimmed)
  const text = domain?.[1] ?? trimmed
  const all = foldLetters(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
  return all.length > 1 && LEADING_ARTICLES.has(all[0] ?? '') ? all.slice(1) : all
}

/** One key per outlet name: its folded words run together, so spacing and hyphens do not matter. */
export function outletKey(name: string): string {
  return outletWords(name).join('')
}

/**
 * Whether `credit` (a byline, a correspondent) names the outlet `site` itself: the same name
 * ("Al-Bawaba", "Al Bawaba"), or one of them is the other with only words outlets add to their
 * own name ("BBC" for "BBC News", "India Post News Weekly" for "India Post"). A desk of the outlet
 * ("Telegraph Sport", "CNN Business") or a person it is named after is a credit of its own.
 */
export function namesTheOutlet(credit: string, site: string): boolean {
  const creditWords = outletWords(credit)
  const siteWords = outletWords(site)
  if (creditWords.length === 0 || siteWords.length === 0) return false
  if (creditWords.join('') === siteWords.join('')) return true
  const [shorter, longer] =
    creditWords.length <= siteWords.length ? [creditWords, siteWords] : [siteWords, creditWords]
  if (!shorter.every((word, index) => longer[index] === word)) return false
  // Only words outlets add to their own name may follow: "Pamela Anderson" is not the
  // "Pamela Anderson Foundation", nor "Telegraph Sport" the Telegraph.
  return longer.slice(shorter.length).every((word) => OUTLET_SUFFIXES.has(word))
}

/** The byline to show beside the site's name: none when it only repeats the site. */
export function bylineBesideSite(byline: string | null, siteName: string | null): string | null {
  if (byline === null || byline.trim() === '') return null
  if (siteName === null || siteName.trim() === '') return byline
  return namesTheOutlet(byline, siteName) ? null : byline
}

/** The people to credit beside the site's name: the site itself (or its owner) is not one of them. */
export function creditsBesideSite<T extends { name: string }>(people: T[], siteName: string | null): T[] {
  if (siteName === null || siteName.trim() === '') return people
  return people.filter((person) => !namesTheOutlet(person.name, siteName))
}
