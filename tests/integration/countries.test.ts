import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/article'
import type { AddArticleResult, ArticlePage } from '@shared/contract'
import type { CountryList, RetagStatus } from '@shared/countries'
import { openApp, type DatelineApp } from '../../src/main/app'
import { recountSidebar } from '../../src/main/library/schema'
import { callOrFail } from '../helpers/app-for-each-test'
import { eutodayText } from '../helpers/article-page'
import { makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string
let app: DatelineApp | null = null
let now = new Date('2025-03-10T12:00:00.000Z')

async function start(): Promise<DatelineApp> {
  app = await openApp({ libraryDir: dir, extraction: 'inline', now: () => now })
  return app
}

function call<T>(name: string, input: unknown): Promise<T> {
  return callOrFail<T>(app!, name, input)
}

const codes = (article: ArticleSummary): string[] => article.countries.map((c) => `${c.role}:${c.code}`)

async function addText(text: string): Promise<ArticleSummary> {
  return (await call<AddArticleResult>('articles.add', { kind: 'text', text })).article
}

async function listed(country: string): Promise<string[]> {
  return (await call<ArticlePage>('articles.list', { country })).items.map((a) => a.id)
}

/** Re-tags the library and waits, through the progress events, for the run to end. */
async function retag(): Promise<RetagStatus[]> {
  const seen: RetagStatus[] = []
  const ended = new Promise<void>((resolve) => {
    const stop = app!.events.subscribe((event, payload) => {
      if (event !== 'countries.retagProgress') return
      seen.push(payload as RetagStatus)
      if (!(payload as RetagStatus).running) {
        stop()
        resolve()
      }
    })
  })
  await call<RetagStatus>('countries.retag', {})
  await ended
  return seen
}

/** The counters the triggers keep equal what a recount from the tables gives. */
function expectCountersRight(): void {
  const read = (): unknown =>
    app!.library.query((db) =>
      db.all(
        "SELECT key, articles, unread FROM sidebar_counts WHERE kind = 'country' AND articles + archived > 0 ORDER BY key",
      ),
    )
  const kept = read()
  app!.library.change((db) => recountSidebar(db))
  expect(read()).toEqual(kept)
}

const SUDAN =
  'Sudan army and RSF clash near Khartoum\n\nFighting between the Sudanese army and the Rapid Support Forces spread across Khartoum on Monday, residents said.\n\nAid agencies warned that millions in Sudan face hunger as the war enters its third year.'

beforeEach(async () => {
  dir = await makeTempDir()
  now = new Date('2025-03-10T12:00:00.000Z')
  await start()
})

afterEach(async () => {
  await app?.close()
  app = null
  await removeDir(dir)
})

describe('countries', () => {
  it('tags a captured article and counts it per country', async () => {
    const article = await addText(eutodayText())
    expect(codes(article)).toContain('primary:BY')
    const { countries } = await call<CountryList>('countries.list', {})
    expect(countries.find((c) => c.code === 'BY')).toEqual({
      code: 'BY',
      name: 'Belarus',
      articles: 1,
      unread: 1,
    })
    expect(
      countries.every((c) => c.articles > 0),
      'only countries with articles unless asked',
    ).toBe(true)
    const all = await call<CountryList>('countries.list', { includeEmpty: true })
    expect(all.countries.find((c) => c.code === 'TD')).toEqual({
      code: 'TD',
      name: 'Chad',
      articles: 0,
      unread: 0,
    })
  })

  it("applies the person's edits at once: removed, added, promoted", async () => {
    const article = await addText(eutodayText())
    expect(codes(article)).toContain('mentioned:LT')
    const edited = await call<ArticleSummary>('countries.edit', {
      id: article.id,
      edits: [
        { code: 'LT', role: 'removed' },
        { code: 'ge', role: 'mentioned' },
        { code: 'UA', role: 'primary' },
      ],
    })
    expect(codes(edited)).not.toContain('mentioned:LT')
    expect(codes(edited)).toContain('mentioned:GE')
    expect(codes(edited)[0], "the person's primary comes first").toBe('primary:UA')
    expect(edited.countries.filter((c) => c.role === 'primary').length).toBeLessThanOrEqual(2)
    expect(await listed('LT')).toEqual([])
    expect(await listed('GE')).toEqual([article.id])
    const page = await call<ArticlePage>('articles.list', {})
    expect(page.counts.countries.find((c) => c.code === 'LT')).toBeUndefined()
    expect(page.counts.countries.find((c) => c.code === 'GE')).toMatchObject({ articles: 1, unread: 1 })
    expectCountersRight()
  })

  it("keeps the person's country edit after re-tagging, a re-capture and a restart", async () => {
    const article = await addText(eutodayText())
    await call('countries.edit', {
      id: article.id,
      edits: [
        { code: 'LT', role: 'removed' },
        { code: 'GE', role: 'mentioned' },
      ],
    })
    const seen = await retag()
    expect(seen.at(-1)).toMatchObject({ running: false, done: 1, total: 1, error: null })
    expect(await listed('LT')).toEqual([])
    expect(await listed('GE')).toEqual([article.id])

    await addText(eutodayText())
    expect(await listed('LT'), 'a re-capture does not bring a removed country back').toEqual([])

    await app!.close()
    await start()
    expect(await listed('GE')).toEqual([article.id])
    await retag()
    expect(await listed('LT')).toEqual([])
    expectCountersRight()
  })

  it('re-tagging gives every article the tagger’s current tags, and says how many changed', async () => {
    const belarus = await addText(eutodayText())
    const sudan = await addText(SUDAN)
    expect(codes(sudan)).toEqual(['primary:SD'])
    // Tags an older tagger got wrong (or none at all).
    app!.library.change((db) => {
      db.run('DELETE FROM article_countries WHERE article = ?', [app!.library.articleRowid(sudan.id)])
      db.run(
        "INSERT INTO article_countries (code, article, name, role, score) VALUES ('TD', ?, 'Chad', 'primary', 1)",
        [app!.library.articleRowid(belarus.id)],
      )
    })
    const seen = await retag()
    expect(seen[0]).toMatchObject({ running: true, total: 2 })
    expect(seen.at(-1)).toMatchObject({ running: false, done: 2, total: 2, changed: 2, error: null })
    expect(await listed('SD')).toEqual([sudan.id])
    expect(await listed('TD')).toEqual([])
    expect(await call<RetagStatus>('countries.retagStatus', {})).toMatchObject({ running: false, done: 2 })
    expectCountersRight()
  })

  it('counts countries under the list filters: dates and state', async () => {
    now = new Date('2024-06-01T10:00:00.000Z')
    const old = await addText(SUDAN)
    now = new Date('2025-03-10T12:00:00.000Z')
    await addText(eutodayText())
    const in2025 = await call<CountryList>('countries.list', { from: '2025-01-01', to: '2025-12-31' })
    expect(in2025.countries.map((c) => c.code)).toContain('BY')
    expect(in2025.countries.map((c) => c.code)).not.toContain('SD')
    await call('articles.setState', { id: old.id, read: true })
    const unread = await call<CountryList>('countries.list', { state: 'unread' })
    expect(unread.countries.map((c) => c.code)).not.toContain('SD')
    const all = await call<CountryList>('countries.list', { state: 'all', to: '2024-12-31' })
    expect(all.countries).toEqual([{ code: 'SD', name: 'Sudan', articles: 1, unread: 0 }])
  })

  it('refuses a code that names no country, and an article that is not there', async () => {
    const article = await addText(SUDAN)
    const bad = await app!.dispatch('countries.edit', {
      id: article.id,
      edits: [{ code: 'XX', role: 'mentioned' }],
    })
    expect(bad.ok === false && bad.error.code).toBe('INVALID_INPUT')
    const missing = await app!.dispatch('countries.edit', {
      id: '0123456789abcdef',
      edits: [{ code: 'UA', role: 'mentioned' }],
    })
    expect(missing.ok === false && missing.error.code).toBe('NOT_FOUND')
  })
})
