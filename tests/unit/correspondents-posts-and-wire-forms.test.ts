import { describe, expect, it } from 'vitest'
import { namesAndKindsCreditedInText } from '../fixtures/correspondents/plain-text-credits'

/*
 * Credits written the way correspondents and wires print them in several languages: a post with
 * its town before the name, and a wire's dateline without the dash after the agency.
 */

const story =
  'The council met on Monday and voted to keep the old bridge open for another year, after a long debate about its cost.'

describe('a correspondent’s post and town before the name', () => {
  it.each([
    ['Door onze correspondent in Brussel, Jan de Vries', 'Jan de Vries'],
    ['Van onze correspondent in Den Haag, Sanne Bakker', 'Sanne Bakker'],
    ['De notre correspondant à Moscou, Jean Dupont', 'Jean Dupont'],
    ['De notre correspondante à Berlin, Claire Martin', 'Claire Martin'],
    ['Dal nostro inviato a Kiev, Marco Rossi', 'Marco Rossi'],
    ['Von unserem Korrespondenten in Moskau, Anna Schmidt', 'Anna Schmidt'],
    ['De nuestro corresponsal en Buenos Aires, Pablo García', 'Pablo García'],
  ])('credits the person of "%s", not the town', (line, who) => {
    expect(namesAndKindsCreditedInText(line, story)).toEqual([`${who} (person)`])
  })

  it('credits nobody for a post and a town with no name after them', () => {
    expect(namesAndKindsCreditedInText('Door onze correspondent in Brussel', story)).toEqual([])
  })
})

describe('a wire dateline with no dash after the agency', () => {
  it.each([
    [
      'Mumbai, Dec 3 (PTI) The state government on Tuesday announced a new plan for the suburban railway.',
      'PTI',
    ],
    [
      'NEW DELHI, Dec 3 (IANS) Union ministers met on Tuesday to discuss the price of onions across the country.',
      'IANS',
    ],
    [
      'Berlin (dpa) Die Bundesregierung hat am Dienstag einen neuen Plan für die Bahn vorgestellt und beschlossen.',
      'dpa',
    ],
    [
      'Srinagar, Dec 3 (ANI) "We will reopen the road by Friday," the district officer told reporters on Tuesday.',
      'ANI',
    ],
  ])('credits the agency of "%s"', (opening, agency) => {
    expect(namesAndKindsCreditedInText(opening, story)).toEqual([`${agency} (agency)`])
  })

  it('does not read an agency named in brackets inside a sentence as a dateline', () => {
    const sentence =
      'The minister spoke to the Press Trust of India (PTI) News desk on Monday about the new railway plan.'
    expect(namesAndKindsCreditedInText(sentence, story)).toEqual([])
  })
})
