import { describe, expect, it } from 'vitest'
import { bylineBesideSite, creditsBesideSite, namesTheOutlet, outletKey } from '@shared/outlet-name'
import { formatArticle } from '../../src/main/cli/format'

describe('outlet names', () => {
  it('reads two spellings of one outlet as the same name', () => {
    expect(outletKey('Al-Bawaba')).toBe(outletKey('Al Bawaba'))
    expect(outletKey('CBSSports.com')).toBe(outletKey('CBS Sports'))
    expect(outletKey('Süddeutsche Zeitung')).toBe(outletKey('Suddeutsche Zeitung'))
    expect(outletKey('The Guardian')).toBe(outletKey('the Guardian'))
  })

  it('takes the name with or without the words outlets add to it for the site itself', () => {
    expect(namesTheOutlet('BBC News', 'BBC News')).toBe(true)
    expect(namesTheOutlet('BBC', 'BBC News')).toBe(true)
    expect(namesTheOutlet('RT International', 'RT')).toBe(true)
    expect(namesTheOutlet('India Post News Weekly', 'India Post')).toBe(true)
  })

  it('keeps a desk of the outlet and a person it is named after as credits of their own', () => {
    expect(namesTheOutlet('Telegraph Sport', 'The Telegraph')).toBe(false)
    expect(namesTheOutlet('CNN Business', 'CNN')).toBe(false)
    expect(namesTheOutlet('Laura Winter', 'Al Jazeera')).toBe(false)
    expect(namesTheOutlet('Pamela Anderson', 'Pamela Anderson Foundation')).toBe(false)
  })

  it('shows no byline beside the site when the byline is the site', () => {
    expect(bylineBesideSite('Al Jazeera', 'Al Jazeera')).toBeNull()
    expect(bylineBesideSite('BBC News', 'BBC News')).toBeNull()
    expect(bylineBesideSite('Laura Winter', 'Al Jazeera')).toBe('Laura Winter')
    expect(bylineBesideSite('Laura Winter', null)).toBe('Laura Winter')
  })

  it('does not credit the site as one of the article’s correspondents', () => {
    const people = [{ name: 'Rodrigo Campos' }, { name: 'Reuters' }]
    expect(creditsBesideSite(people, 'Reuters')).toEqual([{ name: 'Rodrigo Campos' }])
    expect(creditsBesideSite(people, 'Deccan Herald')).toEqual(people)
  })
})

describe('dateline show', () => {
  it('names the site once when the stored byline is the site', () => {
    const shown = formatArticle({
      title: 'Sweden drops Assange investigation',
      byline: 'BBC News',
      siteName: 'BBC News',
      publishedAt: '2019-11-19T10:00:00Z',
      url: null,
      text: 'Prosecutors in Sweden have dropped an investigation.',
    })
    expect(shown.split('\n')[1]).toBe('BBC News · 2019-11-19')
  })
})
