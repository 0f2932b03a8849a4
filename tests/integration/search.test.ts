import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/article'
import type { ArticlePage, SearchPage } from '@shared/contract'
import type { HighlightedText } from '@shared/search'
import { appForEachTest } from '../helpers/app-for-each-test'
import { makeSummary } from '../helpers/temp-library'

const { app } = appForEachTest()

let serial = 0
async function store(overrides: Partial<ArticleSummary>, text: string): Promise<ArticleSummary> {
  serial++
  const addedAt = new Date(Date.UTC(2025, 0, 1) + serial * 60_000).toISOString()
  const article = makeSummary({ addedAt, updatedAt: addedAt, excerpt: text.slice(0, 80), ...overrides })
  return app().library.putArticle(article, { html: `<p>${text}</p>`, text })
}

async function search(query: string, more: Record<string, unknown> = {}): Promise<SearchPage> {
  const result = await app().dispatch('articles.search', { query, ...more })
  if (!result.ok) expect.fail(`search failed: ${result.error.message}`)
  return result.value as SearchPage
}

async function titles(query: string, more: Record<string, unknown> = {}): Promise<string[]> {
  return (await search(query, more)).items.map((hit) => hit.article.title)
}

function marked(text: HighlightedText): string[] {
  return text.highlights.map((r) => text.text.slice(r.start, r.end))
}

describe('searching the library by its words', () => {
  it('finds Zelenskyí when the person types Zelenskyi, and the other way round', async () => {
    await store({ title: 'Zelenskyí visits the front' }, 'The president spoke to soldiers.')
    await store({ title: 'Harvest report' }, 'Grain prices fell; Zelenskyi was not mentioned until late.')
    expect(await titles('zelenskyi ')).toHaveLength(2)
    expect(await titles('Zelenskyí ')).toHaveLength(2)
  })

  it('puts an article with the word in its headline above one with it in the text', async () => {
    await store({ title: 'Weather in the capital' }, 'Ceasefire talks came up once in passing. '.repeat(3))
    await store({ title: 'Ceasefire holds in the east' }, 'Quiet nights along the line.')
    await store({ title: 'Markets' }, 'Nothing of note.')
    expect(await titles('ceasefire')).toEqual(['Ceasefire holds in the east', 'Weather in the capital'])
  })

  it('matches a prefix as the person types, a phrase, and leaves out excluded words', async () => {
    await store({ title: 'Sanctions on steel' }, 'New sanctions announced against steel exports.')
    await store({ title: 'Peace talks resume' }, 'The peace talks resume in Geneva next week.')
    await store({ title: 'Talks about peace stall' }, 'Neither side would talk about peace or sanctions.')
    expect(await titles('sanct')).toHaveLength(2)
    expect(await titles('"peace talks"')).toEqual(['Peace talks resume'])
    expect(await titles('peace -sanctions')).toEqual(['Peace talks resume'])
    // Only exclusions: everything else, newest first.
    expect(await titles('-peace')).toEqual(['Sanctions on steel'])
  })

  it('finds Chinese and Japanese articles by a word inside unspaced text', async () => {
    await store({ title: '国务院总理会见德国总理', lang: 'zh' }, '国务院总理今天在北京会见了德国总理。')
    await store({ title: '東京で記者会見', lang: 'ja' }, '東京都庁で記者会見が行われました。')
    expect(await titles('北京')).toEqual(['国务院总理会见德国总理'])
    expect(await titles('記者会見')).toEqual(['東京で記者会見'])
    const hit = (await search('北京')).items[0]!
    expect(marked(hit.match.snippet)).toEqual(['北京'])
  })

  it('finds archived articles, which the default list leaves out', async () => {
    const kept = await store({ title: 'Border crossing reopens' }, 'Trucks queue at the border.')
    await app().dispatch('articles.setStates', { ids: [kept.id], archived: true })
    const list = await app().dispatch('articles.list', {})
    expect(list.ok && (list.value as ArticlePage).items.map((a) => a.id)).not.toContain(kept.id)
    expect(await titles('border')).toEqual(['Border crossing reopens'])
    expect(await titles('border', { state: 'unread' })).toEqual([])
  })

  it('combines the words with the filters of the list', async () => {
    await store(
      {
        title: 'Grain deal in Belarus',
        countries: [{ code: 'BY', name: 'Belarus', role: 'primary', score: 1 }],
      },
      'Grain.',
    )
    await store(
      {
        title: 'Grain deal in Poland',
        countries: [{ code: 'PL', name: 'Poland', role: 'primary', score: 1 }],
      },
      'Grain.',
    )
    expect(await titles('grain', { country: 'PL' })).toEqual(['Grain deal in Poland'])
    const list = await app().dispatch('articles.list', { query: 'grain', country: 'BY', sort: 'relevance' })
    expect(list.ok && (list.value as ArticlePage).items.map((a) => a.title)).toEqual([
      'Grain deal in Belarus',
    ])
  })

  it('returns the snippet as text with the matched words as ranges, never as markup', async () => {
    await store(
      { title: 'A <b>bold</b> claim about drones' },
      `${'Opening words of the story. '.repeat(20)}Then <script>x</script> drones crossed the border at night. ${'More. '.repeat(40)}`,
    )
    const hit = (await search('drones border')).items[0]!
    expect(marked(hit.match.title)).toEqual(['drones'])
    expect(hit.match.snippet.text).toContain('<script>x</script> drones crossed the border')
    expect(marked(hit.match.snippet)).toEqual(['drones', 'border'])
    expect(hit.match.snippet.text.startsWith('… ')).toBe(true)
  })

  it('answers a malformed or enormous query with results or a sentence, never an error', async () => {
    await store({ title: 'Energy prices' }, 'Energy prices rose.')
    for (const query of ['"unbalanced', 'energy AND (', 'NEAR(', '***', '-', '"', 'energy '.repeat(1400)]) {
      const page = await search(query)
      expect(Array.isArray(page.items)).toBe(true)
    }
    expect((await search('energy '.repeat(1400))).notice).toMatch(/first 24 words/)
    expect((await search('!!!')).notice).toBe('Type a word to search for.')
    expect(await titles('-energy')).toEqual([])
  })

  it('builds the index again with dateline reindex and finds the same articles', async () => {
    await store({ title: 'Flood warning' }, 'Rivers rose overnight.')
    await store({ title: 'Drought' }, 'Rivers ran dry.')
    const steps: number[] = []
    const result = await app().library.reindex(({ done }) => steps.push(done))
    expect(result).toBe(2)
    expect(steps.at(-1)).toBe(2)
    expect(await titles('rivers')).toHaveLength(2)
  })
})
