import type { CorrespondentKind } from '@shared/article'
import { agencyNamed, bylineWords, lowerPhrase } from './byline-words'

/**
 * Person, team or agency, from the name alone: an agency is one of the data file's, a team is a
 * credit whose words name a group ("Our Foreign Staff", "EUToday Correspondents", "Redaktion").
 */
const ARTICLES = new Set(['the', 'la', 'el', 'le', 'il', 'die', 'der', 'das', 'de', 'a', 'o', "l'"])

export function kindOf(name: string): CorrespondentKind {
  if (agencyNamed(name) !== null) return 'agency'
  const key = lowerPhrase(name)
  if (bylineWords.teamWords.has(key)) return 'team'
  // "La Redacción de El País", "The Newsroom": an article before the desk's word.
  const words = key
    .split(/[\s-]+/)
    .map((word) => word.replace(/[.,]$/, ''))
    .filter((word, index) => index > 0 || !ARTICLES.has(word))
  const last = words[words.length - 1] ?? ''
  if (bylineWords.teamWords.has(last) || bylineWords.teamWords.has(words.slice(-2).join(' '))) return 'team'
  // "Redaktion Gelbe Liste", "Redacción Diario Pagina Siete", "Équipe Sport".
  if (words.length > 1 && bylineWords.teamWords.has(words[0] ?? '') && (words[0] ?? '').length > 4)
    return 'team'
  if (words[0] === 'our' || words[0] === 'unsere' || words[0] === 'notre' || words[0] === 'nuestra')
    return 'team'
  return 'person'
}
