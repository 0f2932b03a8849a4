import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FilterSuggestion } from '@shared/search'
import { openApp, type DatelineApp } from '../../src/main/app'
import { matchFilterCandidates } from '../../src/main/search/filter-suggestions'
import { callOrFail } from '../helpers/app-for-each-test'
import { articlePage } from '../helpers/article-page'
import { html, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { makeTempDir, removeDir } from '../helpers/temp-library'

const BELARUS = [
  'Minsk — Belarusian authorities detained dozens of people on Sunday after protests in the capital, the Viasna rights group said.',
  'Neighbouring Lithuania and Poland called for the release of those held; Lithuania has sheltered many exiled opposition figures.',
  'The Kremlin said Russia was ready to help Alexander Lukashenko keep order in Belarus.',
]

let dir: string
let site: FixtureServer
let app: DatelineApp

function call<T>(name: string, input: unknown): Promise<T> {
  return callOrFail<T>(app, name, input)
}

beforeEach(async () => {
  dir = await makeTempDir()
  site = await startFixtureServer({
    '/minsk': html(
      articlePage({ title: 'Belarus detains protesters in Minsk', paragraphs: BELARUS }).replaceAll(
        'Anna Reporter',
        'Zoë Ostrovská',
      ),
    ),
  })
  app = await openApp({ libraryDir: dir, extraction: 'inline' })
  await call('articles.add', { kind: 'url', url: site.url('/minsk') })
  await call('articles.add', { kind: 'text', text: `Lukashenko meets the envoy\n\n${BELARUS.join('\n\n')}` })
  await call('collections.create', { name: 'Eastern Europe desk' })
})

afterEach(async () => {
  await app.close()
  await site.close()
  await removeDir(dir)
})

describe('articles.suggestFilters', () => {
  it('offers the countries, correspondents, collections and sites whose names the words begin', async () => {
    const suggest = (query: string): Promise<FilterSuggestion[]> =>
      call<FilterSuggestion[]>('articles.suggestFilters', { query })

    expect(await suggest('BELARUS')).toEqual([
      { kind: 'country', value: 'BY', label: 'Belarus', words: 'BELARUS', articles: 2 },
    ])
    // Accents and case do not matter, and a first name is enough.
    expect(await suggest('zoe')).toEqual([
      { kind: 'correspondent', value: 'Zoë Ostrovská', label: 'Zoë Ostrovská', words: 'zoe', articles: 1 },
    ])
    expect(await suggest('ostrovska talks')).toMatchObject([{ kind: 'correspondent', words: 'ostrovska' }])
    expect(await suggest('fixture news')).toEqual([
      { kind: 'site', value: 'Fixture News', label: 'Fixture News', words: 'fixture news', articles: 1 },
    ])
    expect(await suggest('eastern')).toMatchObject([{ kind: 'collection', value: 'Eastern Europe desk' }])
    // An archived article's site is still offered, and still counted (the palette searches archived ones too).
    const listed = await call<{ items: { id: string; siteName: string | null }[] }>('articles.list', {})
    const fromSite = listed.items.find((a) => a.siteName === 'Fixture News')!
    await call('articles.setState', { id: fromSite.id, archived: true })
    expect(await suggest('fixture')).toMatchObject([{ kind: 'site', value: 'Fixture News', articles: 1 }])
    // A word must begin the name ("rus" is not in "Belarus"), and short words offer nothing.
    expect((await suggest('larus')).map((s) => s.kind)).toEqual([])
    expect(await suggest('in')).toEqual([])
  })
})

describe('matchFilterCandidates', () => {
  it('prefers the longest run of typed words, then the most articles', () => {
    const found = matchFilterCandidates(
      'new york protests',
      [
        { kind: 'site', value: 'New Yorker', label: 'New Yorker', articles: 50 },
        { kind: 'site', value: 'The New York Times', label: 'The New York Times', articles: 3 },
        { kind: 'country', value: 'NZ', label: 'New Zealand', articles: 9 },
      ],
      5,
    )
    expect(found.map((s) => [s.label, s.words])).toEqual([
      ['New Yorker', 'new york'],
      ['The New York Times', 'new york'],
      ['New Zealand', 'new'],
    ])
  })
})
