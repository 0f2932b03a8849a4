import { describe, expect, it } from 'vitest'
import { namesAndKindsCreditedInText } from '../fixtures/correspondents/plain-text-credits'

/*
 * Signatures run on into the story's own sentences: a byline at the start of the lead with the
 * dateline's town right after it, and a name in brackets after the last sentence, with the page's
 * decoration after it.
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

const closingLine = 'Die Entscheidung soll im Frühjahr fallen, sagte eine Sprecherin der Stadt am Abend.'

describe('a byline run into the lead’s first sentence', () => {
  it.each([
    [
      'von Andreas Kürten New York ist das Epizentrum der Pandemie in den USA, der Sport steht still.',
      'Andreas Kürten',
    ],
    ['By Jane Doe WASHINGTON — The Senate voted on Tuesday to keep the old program running.', 'Jane Doe'],
    [
      'Von Anna Schmidt BERLIN – Die Bundesregierung hat am Dienstag einen neuen Plan beschlossen.',
      'Anna Schmidt',
    ],
    ['Par Jean Dupont PARIS — Le gouvernement a présenté mardi un nouveau plan pour le rail.', 'Jean Dupont'],
    [
      'Por Pablo García Buenos Aires, 3 de diciembre. El gobierno presentó el martes un nuevo plan.',
      'Pablo García',
    ],
    [
      'By Jane Mary Doe NEW DELHI — The state government on Tuesday announced a new railway plan.',
      'Jane Mary Doe',
    ],
  ])('credits the person of "%s", not the town or the sentence', (lead, who) => {
    expect(namesAndKindsCreditedInText(lead, closingLine)).toEqual([`${who} (person)`])
  })

  it.each([
    ['By Jane Doe WASHINGTON (AP) — The Senate voted on Tuesday to keep the old program running.', 'AP'],
    ['Von Anna Schmidt BERLIN (dpa) – Die Bundesregierung hat am Dienstag einen Plan beschlossen.', 'dpa'],
  ])('credits the person and the agency of the dateline in "%s"', (lead, agency) => {
    const who = /^\S+ (\S+ \S+)/u.exec(lead)?.[1] ?? ''
    expect(namesAndKindsCreditedInText(lead, closingLine).sort()).toEqual(
      [`${who} (person)`, `${agency} (agency)`].sort(),
    )
  })

  it.each([
    ['By Monday the council in New York had voted to keep the old bridge open for another year.'],
    ['Von Berlin aus fährt der Zug nach New York nicht, wohl aber das Schiff über den Atlantik.'],
    ['Von New York bis Los Angeles stehen die Stadien leer, und die Ligen warten auf Nachricht.'],
  ])('credits nobody for a lead that starts with the word alone: %s', (lead) => {
    expect(namesAndKindsCreditedInText(lead, closingLine)).toEqual([])
  })
})
