import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildLexicon } from '../../src/main/countries/build-lexicon'
import { packLexicon, unpackLexicon } from '../../src/main/countries/packed-lexicon'
import { stemWord } from '../../src/main/countries/stems'
import { prebuiltLexiconModule } from '../../scripts/country-lexicon-prebuilt'

const built = buildLexicon()
/** What a worker of the app's bundle reads: the packed lexicon through JSON, as the build embeds it. */
const read = unpackLexicon(JSON.parse(JSON.stringify(packLexicon(built))))

describe('the country lexicon built at build time', () => {
  it('reads back as the lexicon built from the gazetteer, every name, candidate and word list', () => {
    expect(read.exact.entries.size).toBeGreaterThan(50_000)
    expect(read).toEqual(built)
    expect([...read.stems.keys()]).toEqual([...built.stems.keys()])
  })

  it('keeps the candidates the exact and the stemmed names share as one, as the build made them', () => {
    const inExact = read.exact.entries.get('belarus')?.find((candidate) => candidate.kind === 'name')
    const inGerman = read.stems.get('de')?.entries.get(stemWord('belarus', 'de'))
    expect(inExact).toBeDefined()
    expect(inGerman).toContain(inExact)
  })

  it('is what the bundle embeds in place of the building code', () => {
    const module = prebuiltLexiconModule()
    const literal = /^const PACKED = (.*)$/m.exec(module)?.[1] ?? '""'
    expect(unpackLexicon(JSON.parse(JSON.parse(literal) as string))).toEqual(built)
    expect(module).not.toContain('gazetteer')
  })
})

const chunks = resolve('out/main/chunks')
describe.skipIf(!existsSync(chunks))('the built workers', () => {
  it('carry no gazetteer to build the lexicon from at start-up', () => {
    const bundled = readdirSync(chunks).filter((file) =>
      readFileSync(resolve(chunks, file), 'utf8').includes('townPopulationByCountry'),
    )
    expect(bundled).toEqual([])
  })
})
