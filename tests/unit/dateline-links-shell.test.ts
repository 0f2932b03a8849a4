import { describe, expect, it } from 'vitest'
import { addressOffered, linksIn } from '../../src/main/electron/dateline-links'

describe('dateline:// links handed to the app', () => {
  it('finds the links among the arguments of a launch, and nothing else', () => {
    const args = [
      '--allow-file-access',
      'story.html',
      'dateline://add?url=https%3A%2F%2Fa.example%2F',
      'list',
    ]
    expect(linksIn(args)).toEqual(['dateline://add?url=https%3A%2F%2Fa.example%2F'])
    expect(linksIn([`dateline://add?url=${'a'.repeat(40_000)}`])).toEqual([])
  })

  it('offers only the address of an add link, and says why another is ignored', () => {
    const warnings: string[] = []
    expect(addressOffered('dateline://add?url=https%3A%2F%2Fa.example%2Fx', (l) => warnings.push(l))).toBe(
      'https://a.example/x',
    )
    expect(addressOffered('dateline://add?url=javascript%3Aalert(1)', (l) => warnings.push(l))).toBeNull()
    expect(addressOffered('dateline://delete?id=1', (l) => warnings.push(l))).toBeNull()
    expect(warnings).toHaveLength(2)
  })
})
