/**
 * The usual inflected forms of a demonym given in its base form: English plurals (Russians), Romance
 * gender and number (russo, russa, russi, russe; ruso, rusos; biélorusse, biélorusses; ukrainien,
 * ukrainienne) and German adjective endings (russisch, russische, russischen). Slavic declension is
 * left to the stemmers, which also cover these, but only for text known to be in those languages.
 */
export function inflectDemonym(base: string): string[] {
  const forms = new Set([base])
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Cyrillic}]/u.test(base)) return [base]
  const lastWord = base.split(' ').pop() ?? base
  const stemOf = (ending: string): string => base.slice(0, base.length - ending.length)
  const addAll = (stem: string, endings: string[]): void =>
    endings.forEach((ending) => forms.add(stem + ending))

  if (/^\p{Lu}/u.test(lastWord) && !/(ese|ss|sh|ch|s)$/.test(lastWord)) forms.add(`${base}s`)
  if (/isch$/.test(base)) addAll(base, ['e', 'en', 'er', 'es', 'em'])
  else if (/(ien|éen)$/.test(base)) addAll(base, ['ne', 'nes', 's'])
  else if (/(ain|ais|ois|an|in)$/.test(base)) addAll(base, ['e', 'es', 's'])
  else if (/o$/.test(base)) addAll(stemOf('o'), ['a', 'os', 'as', 'i', 'e'])
  else if (/e$/.test(base)) {
    forms.add(`${base}s`)
    addAll(stemOf('e'), ['i'])
  } else if (/í$/.test(base)) addAll(base, ['es'])
  else if (/[cé]s$/.test(base)) addAll(base, ['a', 'as', 'e', 'es'])
  return [...forms]
}
