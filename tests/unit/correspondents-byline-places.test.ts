import { describe, expect, it } from 'vitest'
import { namesInByline } from '../../src/main/correspondents'

describe('the town a byline was written in, when its name reads like a person’s', () => {
  it.each([
    ['By Priya Singh | New Delhi | Updated: March 4, 2024 10:15 IST', ['Priya Singh']],
    ['By Priya Singh, New Delhi', ['Priya Singh']],
    ['Por Ana Souza, g1 — São Paulo', ['Ana Souza']],
    ['Por María López | Ciudad de México', ['María López']],
    ['Jane Doe and John Roe, Los Angeles', ['Jane Doe', 'John Roe']],
    ['Tom Smith, Tel Aviv', ['Tom Smith']],
    ['Von Anna Schmidt, New York', ['Anna Schmidt']],
    ['New Delhi', []],
  ])('reads %j as %j', (raw, names) => {
    expect(namesInByline(raw)).toEqual(names)
  })

  it('still credits a person named like a town, and a second author whose name starts like one', () => {
    expect(namesInByline('By Jane Doe and Paris Lees')).toEqual(['Jane Doe', 'Paris Lees'])
    expect(namesInByline('Von Anna Schmidt und Santa Maria Lopez, Buenos Aires')).toEqual([
      'Anna Schmidt',
      'Santa Maria Lopez',
    ])
  })
})
