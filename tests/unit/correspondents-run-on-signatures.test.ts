import { describe, expect, it } from 'vitest'
import { namesAndKindsCreditedInText } from '../fixtures/correspondents/plain-text-credits'

/*
 * Signatures run on into the story's own sentences: a name in brackets after the last sentence,
 * with the page's decoration after it.
 */

const opening =
  'Der Gemeinderat hat am Montag beschlossen, die alte Brücke ein weiteres Jahr offen zu halten, nach langer Debatte.'

describe('a signature in brackets after the story’s last sentence', () => {
  it.each([
    ['Die Gemeindepolitik bleibt spannend. (Christian P. Stadtfeld) +++', 'Christian P. Stadtfeld'],
    ['Die Entscheidung fällt im Frühjahr. (Anna Muster)', 'Anna Muster'],
    ['La decisión se tomará en primavera. (Pablo García) ***', 'Pablo García'],
    ['La décision sera prise au printemps. (Jean Dupont) ■', 'Jean Dupont'],
    ['Die Arbeiten beginnen im Mai. (Text: Anna Muster)', 'Anna Muster'],
    ['The work starts in May. (By Jane Doe) —', 'Jane Doe'],
  ])('credits the person of "%s"', (closing, who) => {
    expect(namesAndKindsCreditedInText(opening, closing)).toEqual([`${who} (person)`])
  })

  it('credits nobody for a person named in brackets inside the last sentence', () => {
    const closing = 'Das sagte am Montag der Bürgermeister der Stadt (Peter Schulz).'
    expect(namesAndKindsCreditedInText(opening, closing)).toEqual([])
  })

  it.each([
    ['"Man muss die Probleme anderer nicht lösen, nur zuhören!" (Lisa Berger)'],
    ['« Il faut savoir écouter, sans tout résoudre. » (Marie Lambert)'],
    ['“You do not have to fix everything, just listen.” (Jane Doe)'],
  ])('credits nobody for the speaker of a quote closing the story: %s', (closing) => {
    expect(namesAndKindsCreditedInText(opening, closing)).toEqual([])
  })

  it('credits nobody for a photo credit or a note in brackets after the last sentence', () => {
    expect(namesAndKindsCreditedInText(opening, 'Die Arbeiten beginnen im Mai. (Foto: Anna Muster)')).toEqual(
      [],
    )
    expect(namesAndKindsCreditedInText(opening, 'Die Arbeiten beginnen im Mai. (Fortsetzung folgt)')).toEqual(
      [],
    )
    expect(
      namesAndKindsCreditedInText(opening, 'Die Arbeiten beginnen im Mai. (Quelle: Stadtverwaltung Fulda)'),
    ).toEqual([])
    expect(namesAndKindsCreditedInText(opening, 'The work starts in May. (more details to follow)')).toEqual(
      [],
    )
  })
})
