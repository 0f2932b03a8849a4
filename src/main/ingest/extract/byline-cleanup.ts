import { namesTheOutlet } from '@shared/outlet-name'
import { bylineWords } from '../../correspondents/byline-words'

/*
 * Bylines printed with labels ("Текст: Венера Ерофеева", "Texte : Marie Dupont",
 * "Text: Anna Müller, Fotos: Hans Meier") are shown as the names the labels introduce. The label
 * words are the correspondents' own (correspondents/data/byline-words.json: `prefixes` introduce
 * who wrote it, `photoLabels` who took the pictures), so the byline shown and the people credited
 * agree.
 */

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const phrase = (words: string): string => escape(words).replace(/ /g, '\\s+')

const PHOTO_LABELS: ReadonlySet<string> = bylineWords.photoLabels
/** Any label followed by a colon, at the start or after a separator: "Fotos:", "Texte :", "Текст:". */
const LABEL_RE = new RegExp(
  `(?:^|[,;|·•/]\\s*|\\s)(${[...bylineWords.prefixes, ...PHOTO_LABELS].map(phrase).join('|')})\\s*[:：]\\s*`,
  'giu',
)
/** Labels written without a colon before a name: "By", "Von", "Written by". */
const BARE_PREFIX_RE = new RegExp(
  `^(?:${bylineWords.prefixes
    .filter((prefix) => prefix.includes(' ') || /^(?:by|von|par|por|door|di|av)$/.test(prefix))
    .map(phrase)
    .join('|')})\\s+(?=\\S)`,
  'iu',
)

/** The byline without its labels, and without the parts that credit only the pictures. */
export function withoutBylineLabels(byline: string): string {
  const parts: { label: string | null; text: string }[] = []
  let label: string | null = null
  let from = 0
  const close = (end: number): void => {
    const text = byline
      .slice(from, end)
      .replace(/^[,;|·•/\s]+|[,;|·•/\s]+$/gu, '')
      .trim()
    if (text !== '') parts.push({ label, text })
  }
  for (const match of byline.matchAll(LABEL_RE)) {
    close(match.index)
    label = (match[1] ?? '').toLocaleLowerCase('und').replace(/\s+/g, ' ')
    from = match.index + match[0].length
  }
  close(byline.length)
  const credits = parts.filter((part) => part.label === null || !PHOTO_LABELS.has(part.label))
  // "Datum: 19.11.2021 Autor: Fritz Imhof": once a label says who wrote it, only such parts name them.
  const labelled = credits.filter((part) => part.label !== null)
  const kept = labelled.length > 0 ? labelled : credits
  return kept
    .map((part) => part.text)
    .join(', ')
    .replace(BARE_PREFIX_RE, '')
    .trim()
}

/**
 * The byline without the outlet credited as its author: "Al Jazeera" on aljazeera.com is no
 * byline, and "Troy L. Smith, Cleveland.com" is Troy L. Smith. Null when nothing else is left.
 */
export function withoutOutletCredit(byline: string, outletNames: string[]): string | null {
  const names = outletNames.filter((name) => name.trim() !== '')
  if (names.length === 0) return byline
  const parts = byline.split(/\s*(?:,|;|\s[|·•]\s)\s*/u)
  const kept = parts.filter((part) => part !== '' && !names.some((name) => namesTheOutlet(part, name)))
  if (kept.length === parts.length) return byline
  return kept.length === 0 ? null : kept.join(', ')
}
