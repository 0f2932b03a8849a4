import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/article'
import type { SearchPage } from '@shared/contract'
import type { AnchoredHighlight } from '@shared/highlights'
import { rebuildLibraryDatabase } from '../../src/main/library/database-builder'
import { libraryLayout } from '../../src/main/library/layout'
import { appForEachTest } from '../helpers/app-for-each-test'
import { cliMissing, runBuiltCli, type CliRun } from '../helpers/built-cli'
import { makeSummary } from '../helpers/temp-library'

const { app, dir, call, close, reopen } = appForEachTest()

const ID = 'a1b2c3d4e5f60718'
const PARAGRAPHS = [
  'The night trains kept running through the winter.',
  'Conductors said the trains were full every night, and the buffet car ran out of tea by Vinnytsia.',
  'In Lviv, the station was quiet by morning.',
]
const bodyOf = (paragraphs: string[]): { html: string; text: string } => ({
  html: paragraphs.map((p) => `<p>${p}</p>`).join('\n'),
  text: paragraphs.join('\n\n'),
})

async function put(paragraphs: string[], updatedAt = '2026-11-01T10:00:00.000Z'): Promise<ArticleSummary> {
  const article = makeSummary({ id: ID, title: 'Night trains keep Kyiv moving', updatedAt })
  return app().library.putArticle(article, bodyOf(paragraphs))
}

const list = async (): Promise<AnchoredHighlight[]> =>
  (await call<{ highlights: AnchoredHighlight[] }>('highlights.list', { articleId: ID })).highlights

describe('highlights', () => {
  it('are kept with their notes across a restart, changed and removed', async () => {
    await put(PARAGRAPHS)
    const made = await call<AnchoredHighlight>('highlights.add', {
      articleId: ID,
      exact: 'the buffet car ran out of tea',
      note: 'Ask the railway about supplies',
    })
    expect(made.at).not.toBeNull()
    expect(made.prefix.endsWith('every night, and ')).toBe(true)
    await call('highlights.add', { articleId: ID, exact: 'night trains', colour: 'green' })

    await reopen()
    expect((await list()).map((h) => [h.exact, h.note, h.colour])).toEqual([
      ['night trains', '', 'green'],
      ['the buffet car ran out of tea', 'Ask the railway about supplies', 'yellow'],
    ])
    await call('highlights.update', { id: made.id, note: 'Called them: rationing' })
    expect((await list())[1]!.note).toBe('Called them: rationing')
    await call('highlights.remove', { id: made.id })
    expect((await list()).map((h) => h.exact)).toEqual(['night trains'])
  })

  it('come back with their notes when the database is rebuilt from the article folders, after a re-capture', async () => {
    await put(PARAGRAPHS)
    await call('highlights.add', {
      articleId: ID,
      exact: 'ran out of tea',
      note: 'Samovar shortage',
      colour: 'pink',
    })
    await call('highlights.add', { articleId: ID, exact: 'the station was quiet' })
    // A re-capture removes the old capture's files; the highlights file stays.
    await put([...PARAGRAPHS, 'A later paragraph.'], '2026-11-02T10:00:00.000Z')
    const before = await list()
    await close()
    await rebuildLibraryDatabase(libraryLayout(dir()), new Date())
    await reopen()
    expect(await list()).toEqual(before)
    const found = await call<SearchPage>('articles.search', { query: 'samovar' })
    expect(found.items.map((i) => i.article.id)).toEqual([ID])
  })

  it('refuses a passage that is not in the article', async () => {
    await put(PARAGRAPHS)
    const result = await app().dispatch('highlights.add', { articleId: ID, exact: 'a ferry to Odesa' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('NOT_FOUND')
  })

  it('stay anchored when a re-capture adds a paragraph before them, and are kept as orphaned when their text goes', async () => {
    await put(PARAGRAPHS)
    const station = await call<AnchoredHighlight>('highlights.add', {
      articleId: ID,
      exact: 'the station was quiet',
    })
    const tea = await call<AnchoredHighlight>('highlights.add', { articleId: ID, exact: 'ran out of tea' })

    await put(
      ['Updated: services resume on Monday, the ministry says.', ...PARAGRAPHS],
      '2026-11-02T10:00:00.000Z',
    )
    const after = await list()
    const moved = after.find((h) => h.id === station.id)!
    expect(moved.at!.start).toBeGreaterThan(station.at!.start)
    const article = await app().library.readArticle(ID)
    expect(article.html).toContain('services resume')

    await put([PARAGRAPHS[0]!, PARAGRAPHS[2]!], '2026-11-03T10:00:00.000Z')
    const orphaned = (await list()).find((h) => h.id === tea.id)!
    expect(orphaned.at).toBeNull()
    expect(orphaned.exact).toBe('ran out of tea')
    expect((await list()).at(-1)!.id).toBe(tea.id)
  })

  it('are found by the library search, notes included, and no longer once removed', async () => {
    await put(PARAGRAPHS)
    const found = async (query: string): Promise<string[]> =>
      (await call<SearchPage>('articles.search', { query })).items.map((i) => i.article.id)
    expect(await found('samovar')).toEqual([])
    const made = await call<AnchoredHighlight>('highlights.add', {
      articleId: ID,
      exact: 'the buffet car',
      note: 'A samovar in every carriage',
    })
    expect(await found('samovar')).toEqual([ID])
    // A re-capture indexes the article again: the note stays findable.
    await put([...PARAGRAPHS, 'A later paragraph.'], '2026-11-02T10:00:00.000Z')
    expect(await found('samovar')).toEqual([ID])
    await call('highlights.remove', { id: made.id })
    expect(await found('samovar')).toEqual([])
  })
})

describe.skipIf(cliMissing !== null)(
  'dateline highlight and highlights (the built CLI; npm test builds it)',
  () => {
    const runCli = (args: string[]): Promise<CliRun> => runBuiltCli(['--library', dir(), ...args], {}, 45_000)

    it('highlights a passage with a note and lists it, as text and as JSON', async () => {
      await put(PARAGRAPHS)
      await close()
      const added = await runCli([
        'highlight',
        ID,
        '--quote',
        'the station was quiet',
        '--note',
        'Check the timetable',
      ])
      expect(added.stderr).toBe('')
      expect(added.code).toBe(0)
      expect(added.stdout).toContain('“the station was quiet”')
      const listed = await runCli(['highlights', ID])
      expect(listed.stdout).toContain('“the station was quiet”')
      expect(listed.stdout).toContain('Note: Check the timetable')
      const json = JSON.parse((await runCli(['highlights', '--json'])).stdout) as {
        highlights: AnchoredHighlight[]
      }
      expect(json.highlights.map((h) => [h.articleId, h.exact, h.note])).toEqual([
        [ID, 'the station was quiet', 'Check the timetable'],
      ])
      const missing = await runCli(['highlight', ID, '--quote', 'not in the text'])
      expect(missing.code).toBe(1)
      expect(missing.stderr).toContain('not in the article')
      await reopen()
    })
  },
)
