import { describe, expect, it } from 'vitest'
import { kindOf, namesInByline } from '../../src/main/correspondents'
import { namesCreditedInText } from '../fixtures/correspondents/plain-text-credits'

const story = 'The council met on Monday and voted to keep the old bridge open for another year.'

describe('bylines in the forms of other languages and of the wires', () => {
  it.each([
    // A report's kind before the name (Spanish, French, Portuguese, Italian).
    ['Un reportaje de Laura Gómez', ['Laura Gómez']],
    ['Crónica de Pedro Sánchez Ruiz', ['Pedro Sánchez Ruiz']],
    ['Entrevista de Marta López', ['Marta López']],
    ['Un entretien de Claire Martin', ['Claire Martin']],
    ['Uma reportagem de João Silva', ['João Silva']],
    // "Our correspondent" in Dutch and Portuguese.
    ['Van onze correspondent Jan Jansen', ['Jan Jansen']],
    ['Do nosso correspondente João Silva', ['João Silva']],
    // The wire's name written after the reporter's with no comma.
    ['By AMY SMITH Associated Press', ['Amy Smith', 'AP']],
    ['Von Anna Schmidt Deutsche Presse-Agentur', ['Anna Schmidt', 'dpa']],
    // Labels of Polish, Finnish, Dutch and Greek bylines.
    ['Oprac. Jan Kowalski', ['Jan Kowalski']],
    ['Toimittaja Matti Virtanen', ['Matti Virtanen']],
    ['Door onze redacteur Piet de Vries', ['Piet de Vries']],
    ['Γράφει ο Γιώργος Παπαδόπουλος', ['Γιώργος Παπαδόπουλος']],
    ['Του Γιώργου Παπαδόπουλου', ['Γιώργου Παπαδόπουλου']],
    // A national agency beside a reporter.
    ['Ahmet Yılmaz / DHA', ['Ahmet Yılmaz', 'DHA']],
    // A template's placeholder and its printed markup.
    ['Nombre del autor', []],
    ['Author Name', []],
    ['di: Vegolosi.it &lt;p style="float: right;">&lt;i>Tempo di lettura', []],
  ])('reads %j as %j', (raw, names) => {
    expect(namesInByline(raw)).toEqual(names)
  })

  it('tells the national agencies from people ("Di Mario Rossi, Adnkronos")', () => {
    expect(kindOf('Adnkronos')).toBe('agency')
    expect(kindOf('Estadão Conteúdo')).toBe('agency')
    expect(kindOf('DHA')).toBe('agency')
  })

  it('reads an organisation whose "für" belongs to its name as no one, a name "für" its employer as the name', () => {
    expect(namesInByline('DITIB - Türkisch-Islamische Union der Anstalt für Religion e.V.')).toEqual([])
    expect(namesInByline('Anna Schmidt für die Stiftung Warentest')).toEqual(['Anna Schmidt'])
  })

  it.each([
    ['Van onze correspondent Jan Jansen'],
    ['Un reportaje de Laura Gómez'],
    ['Dal nostro inviato Marco Bianchi'],
  ])('credits %j printed as the story’s first line', (line) => {
    expect(namesCreditedInText(line, story)).toHaveLength(1)
  })
})
