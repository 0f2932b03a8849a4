import { foldWord } from './tokens'

/**
 * Light stemmers for the languages whose nouns decline ("Беларусь", "Беларуси", "Беларусью"). The same
 * stemmer runs on the lexicon's names and on the article's words, so both meet at one stem; it only
 * has to be consistent, not linguistically right. Each pass strips at most one ending, longest first,
 * and never leaves fewer than three letters. Endings are written folded (Latin diacritics removed).
 */
export type StemFamily = 'cyrillic' | 'pl' | 'cs' | 'de'

/** Fewest letters a stem keeps; German's -er and -en would otherwise make "Römer" the stem of Rom. */
const MIN_STEM: Record<StemFamily, number> = { cyrillic: 3, pl: 3, cs: 3, de: 4 }

const PASSES: Record<StemFamily, string[][]> = {
  cyrillic: [
    [
      ...[
        'иями',
        'ями',
        'ами',
        'ией',
        'ією',
        'ого',
        'его',
        'ому',
        'ему',
        'ыми',
        'ими',
        'ой',
        'ей',
        'ою',
        'ею',
      ],
      ...[
        'ом',
        'ем',
        'ам',
        'ям',
        'ах',
        'ях',
        'ия',
        'ию',
        'ии',
        'ий',
        'ый',
        'ая',
        'яя',
        'ое',
        'ее',
        'ые',
        'ие',
      ],
      ...['ую', 'юю', 'их', 'ых', 'им', 'ым', 'ью', 'ії', 'ія', 'ію', 'ій', 'ої', 'ів', 'ов', 'ев', 'а', 'я'],
      ...['у', 'ю', 'е', 'ы', 'и', 'о', 'й', 'ь', 'і', 'ї', 'є'],
    ],
  ],
  pl: [
    [
      ...[
        'iami',
        'iach',
        'iego',
        'iemu',
        'owie',
        'ami',
        'ach',
        'ego',
        'emu',
        'iej',
        'imi',
        'ymi',
        'ich',
        'ych',
      ],
      ...[
        'owi',
        'om',
        'ie',
        'ia',
        'ii',
        'ja',
        'je',
        'ji',
        'ju',
        'em',
        'ej',
        'ym',
        'im',
        'a',
        'e',
        'i',
        'o',
        'u',
        'y',
      ],
    ],
  ],
  cs: [
    [
      ...['ami', 'ach', 'ech', 'emu', 'eho', 'ych', 'ymi', 'ich', 'imi', 'ou', 'em', 'ho', 'mu', 'ym', 'im'],
      ...['ie', 'a', 'e', 'i', 'o', 'u', 'y'],
    ],
  ],
  // German declines little: a genitive -s, then adjective endings (russisch, russische, russischen).
  de: [['s'], ['en', 'er', 'em', 'es', 'e', 'n']],
}

const SORTED: Record<StemFamily, string[][]> = Object.fromEntries(
  Object.entries(PASSES).map(([family, passes]) => [
    family,
    passes.map((endings) => [...new Set(endings.map(foldWord))].sort((a, b) => b.length - a.length)),
  ]),
) as Record<StemFamily, string[][]>

export const STEM_FAMILIES: StemFamily[] = ['cyrillic', 'pl', 'cs', 'de']

/** The stem of one folded word in one family's stemmer. */
export function stemWord(key: string, family: StemFamily): string {
  let stem = key
  for (const endings of SORTED[family]) {
    for (const ending of endings) {
      if (stem.endsWith(ending) && stem.length - ending.length >= MIN_STEM[family]) {
        stem = stem.slice(0, -ending.length)
        break
      }
    }
  }
  return stem
}

const FAMILY_OF_LANGUAGE: Record<string, StemFamily> = {
  ru: 'cyrillic',
  uk: 'cyrillic',
  be: 'cyrillic',
  pl: 'pl',
  cs: 'cs',
  sk: 'cs',
  de: 'de',
}

/**
 * Which stemmers to run on an article. The page's language decides when it is known; otherwise its
 * letters do (ł and ę are Polish, ř and ů Czech, ß and umlauts with German function words German).
 * Cyrillic is always on: its stems cannot meet a Latin word.
 */
export function stemFamiliesFor(lang: string | null | undefined, text: string): StemFamily[] {
  const families = new Set<StemFamily>(['cyrillic'])
  const primary = lang?.toLowerCase().split(/[-_]/)[0]
  const known = primary === undefined ? undefined : FAMILY_OF_LANGUAGE[primary]
  if (known !== undefined) {
    families.add(known)
  } else if (primary === undefined || primary === '') {
    const sample = text.slice(0, 4000)
    if (count(sample, /[łąęśźżń]/giu) >= 3) families.add('pl')
    if (count(sample, /[řěůťď]/giu) >= 3) families.add('cs')
    if (count(sample, /[äöüß]/giu) >= 3 && count(sample, /\b(der|die|und|nicht|ist|das)\b/giu) >= 3) {
      families.add('de')
    }
  }
  return [...families]
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0
}
