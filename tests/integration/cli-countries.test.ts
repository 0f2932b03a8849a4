import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cliMissing, runBuiltCli, type CliRun } from '../helpers/built-cli'
import { makeTempDir, removeDir } from '../helpers/temp-library'

const built = cliMissing === null
if (!built) console.warn(`Skipping the countries CLI tests: ${cliMissing}`)

const runCli = (args: string[]): Promise<CliRun> => runBuiltCli(['--library', library, ...args])

interface CountryJson {
  code: string
  name: string
  articles: number
  unread: number
}

let library: string

beforeEach(async () => {
  library = await makeTempDir()
})

afterEach(async () => {
  await removeDir(library)
})

// Nine whole CLI processes, each a start-up of a few seconds on a busy machine.
describe.skipIf(!built)('dateline countries, tag, retag', { timeout: 240_000 }, () => {
  it('lists countries, filters by one, corrects a tag and keeps it through retag', async () => {
    const added = await runCli(['add', './tests/fixtures/eutoday-belarus-russia.txt', '--json'])
    expect(added.code, added.stderr).toBe(0)
    const id = (JSON.parse(added.stdout) as { article: { id: string } }[])[0]!.article.id

    const listed = await runCli(['countries', '--json'])
    expect(listed.code, listed.stderr).toBe(0)
    const countries = JSON.parse(listed.stdout) as CountryJson[]
    expect(countries[0]).toEqual({ code: 'BY', name: 'Belarus', articles: 1, unread: 1 })
    expect(countries.map((c) => c.code)).toContain('LT')

    const text = await runCli(['countries'])
    expect(text.stdout).toMatch(/^BY {2}Belarus +1 article, 1 unread$/m)

    const byBelarus = await runCli(['list', '--country', 'by', '--json'])
    expect((JSON.parse(byBelarus.stdout) as { items: { id: string }[] }).items.map((a) => a.id)).toEqual([id])

    const tagged = await runCli(['tag', id, '-LT', '+GE', '^UA'])
    expect(tagged.code, tagged.stderr).toBe(0)
    expect(tagged.stdout).toContain('UA (primary)')
    expect(tagged.stdout).not.toMatch(/\bLT\b/)

    const retagged = await runCli(['retag'])
    expect(retagged.code, retagged.stderr).toBe(0)
    expect(retagged.stdout).toMatch(/Tagged 1 article;/)
    expect(retagged.stderr).toMatch(/Tagging countries: 1 of 1 articles \(100%\)|Tagging countries: 0 of 1/)

    const after = JSON.parse((await runCli(['countries', '--json'])).stdout) as CountryJson[]
    expect(after.map((c) => c.code)).not.toContain('LT')
    expect(after.map((c) => c.code)).toContain('GE')
    const byLithuania = await runCli(['list', '--country', 'LT', '--json'])
    expect((JSON.parse(byLithuania.stdout) as { total: number }).total).toBe(0)
  })

  it('says what is wrong with an edit', async () => {
    const bad = await runCli(['tag', '0123456789abcdef', 'UA'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('tag needs')
    const unknown = await runCli(['tag', '0123456789abcdef', '+XX'])
    expect(unknown.code).toBe(1)
  })
})
