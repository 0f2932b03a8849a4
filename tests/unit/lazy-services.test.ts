import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { procedure, type ServicesFor } from '@shared/procedure'
import { lazyServices } from '../../src/main/api/lazy-services'

const procedures = {
  'demo.echo': procedure(z.object({ word: z.string() }), z.string(), 'Says the word back'),
  'demo.count': procedure(z.object({}), z.number(), 'How many calls so far'),
}

describe('lazyServices', () => {
  it('names every procedure at once but loads the feature only when one is first called, once', async () => {
    let loads = 0
    let calls = 0
    const services = lazyServices(procedures, async (): Promise<ServicesFor<typeof procedures>> => {
      loads++
      return {
        'demo.echo': async ({ word }) => `${word} (${++calls})`,
        'demo.count': async () => calls,
      }
    })
    expect(Object.keys(services).sort()).toEqual(['demo.count', 'demo.echo'])
    expect(loads).toBe(0)
    const [first, second] = await Promise.all([
      services['demo.echo']({ word: 'Minsk' }),
      services['demo.echo']({ word: 'Riga' }),
    ])
    expect([first, second].sort()).toEqual(['Minsk (1)', 'Riga (2)'])
    expect(await services['demo.count']({})).toBe(2)
    expect(loads).toBe(1)
  })

  it('fails the call whose load failed, and loads again on the next call', async () => {
    let attempts = 0
    const services = lazyServices(procedures, async (): Promise<ServicesFor<typeof procedures>> => {
      attempts++
      if (attempts === 1) throw new Error('the module could not be read')
      return { 'demo.echo': async ({ word }) => word, 'demo.count': async () => 0 }
    })
    await expect(services['demo.echo']({ word: 'Vilnius' })).rejects.toThrow('could not be read')
    await expect(services['demo.echo']({ word: 'Vilnius' })).resolves.toBe('Vilnius')
    expect(attempts).toBe(2)
  })
})
