import { describe, expect, it } from 'vitest'
import { agenciesInDateline } from '../../src/main/correspondents'

describe('the agency a dateline names, in the forms of Spanish, German and Canadian wires', () => {
  it.each([
    ['Madrid, 4 mar (EFE).- El Gobierno aprobó el decreto.', ['EFE']],
    ['Buenos Aires, 4 de marzo (Télam).- El Gobierno anunció', ['Télam']],
    ['MADRID, 4 (EUROPA PRESS) - El Gobierno ha aprobado', ['Europa Press']],
    ['Brüssel/Berlin (dpa) - Die EU-Kommission will', ['dpa']],
    ['Moskau (dpa) · Russland hat', ['dpa']],
    ['OTTAWA (CP) — The federal government', ['The Canadian Press']],
  ])('reads %j as %j', (text, agencies) => {
    expect(agenciesInDateline(text)).toEqual(agencies)
  })
})
