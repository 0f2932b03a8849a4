import { describe, expect, it } from 'vitest'
import { namesInByline } from '../../src/main/correspondents'
import { namesCreditedInText } from '../fixtures/correspondents/plain-text-credits'

const story =
  'Wir waren massgeblich am Relaunch des Erscheinungsbildes beteiligt und betreuen die Webseite seither.'

describe('the line a CMS prints for the account that posted', () => {
  it.each([
    ['Gespeichert von rasos am 24. Juli 2017 - 18:55', 'rasos'],
    ['Submitted by jdoe on Tue, 03/12/2024 - 10:15', 'jdoe'],
    ['Eingereicht von mkeller am 03.12.2024', 'mkeller'],
    ['Publié par jdupont le 12 mars 2024', 'jdupont'],
  ])('credits the handle of %j at the story’s end', (line, name) => {
    expect(namesCreditedInText(story, line)).toEqual([name])
  })

  it('reads the time after an at sign as no part of the name', () => {
    expect(namesInByline('Posted by Konstantin @ 12:00 am')).toEqual(['Konstantin'])
  })

  it('but a sentence in lower case after "von" is no handle, a date later in it or not', () => {
    expect(namesCreditedInText(story, 'von meinem Vater am 3. Mai 2020 erzählt bekommen')).toEqual([])
  })
})

describe('bylines printed as lines of a plain text', () => {
  const headline = 'Council keeps the old bridge open'

  it('reads a name and a date under the headline, with no label between them', () => {
    expect(namesCreditedInText(headline, 'Jane Doe | 4 March 2024', story)).toEqual(['Jane Doe'])
    expect(namesCreditedInText(headline, '4. März 2024 | Anna Schmidt', story)).toEqual(['Anna Schmidt'])
    expect(namesCreditedInText(headline, 'Berlin | 4 March 2024', story)).toEqual([])
  })

  it('reads the wire’s closing signature in brackets, without its editor', () => {
    expect(namesCreditedInText(story, '(Reporting by Jane Doe in London; Editing by John Roe)')).toEqual([
      'Jane Doe',
    ])
  })

  it('reads the writer’s own label for text and pictures, and an agency written in lower case', () => {
    expect(namesCreditedInText(story, 'Text und Fotos: Anna Schmidt')).toEqual(['Anna Schmidt'])
    expect(namesCreditedInText(headline, 'Von dpa', story)).toEqual(['dpa'])
  })
})
