import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/article'
import type { AddArticleResult, ArticlePage } from '@shared/contract'
import { openApp, type DatelineApp } from '../../src/main/app'
import { countryEditsPath } from '../../src/main/countries/country-edit-files'
import { rebuildLibraryDatabase } from '../../src/main/library/database-builder'
import { libraryLayout } from '../../src/main/library/layout'
import { callOrFail } from '../helpers/app-for-each-test'
import { eutodayText } from '../helpers/article-page'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * `dateline rebuild` recreates library.db from the article folders. The person's country edits
 * used to live only in the database, so a rebuild brought back every country they had removed.
 */

let dir: string
let app: DatelineApp | null = null

async function start(): Promise<DatelineApp> {
  app = await openApp({ libraryDir: dir, extraction: 'inline', now: () => new Date('2025-03-10T12:00:00Z') })
  return app
}

function call<T>(name: string, input: unknown): Promise<T> {
  return callOrFail<T>(app!, name, input)
}

async function listed(country: string): Promise<string[]> {
  return (await call<ArticlePage>('articles.list', { country })).items.map((a) => a.id)
}

async function addBelarusStory(): Promise<ArticleSummary> {
  return (await call<AddArticleResult>('articles.add', { kind: 'text', text: eutodayText() })).article
}

/** Closes the app, ruins library.db as a bad disk would, and rebuilds it from the folders. */
async function damageAndRebuild(): Promise<void> {
  await app!.close()
  app = null
  const layout = libraryLayout(dir)
  await writeFile(layout.database, Buffer.alloc(8192, 0x5a))
  const result = await rebuildLibraryDatabase(layout, new Date('2025-03-11T09:00:00Z'))
  expect(result.articles).toBe(1)
  await start()
}

beforeEach(async () => {
  dir = await makeTempDir()
  await start()
})

afterEach(async () => {
  await app?.close()
  app = null
  await removeDir(dir)
})

describe('dateline rebuild and the person’s country edits', () => {
  it('keeps a removed country removed and an added one added, also after a re-capture', async () => {
    const article = await addBelarusStory()
    expect(await listed('LT'), 'the tagger finds Lithuania').toEqual([article.id])
    await call('countries.edit', {
      id: article.id,
      edits: [
        { code: 'LT', role: 'removed' },
        { code: 'GE', role: 'primary' },
      ],
    })
    // A re-capture writes new files and removes the old capture's: the edits file stays.
    await addBelarusStory()

    await damageAndRebuild()
    expect(await listed('LT'), 'the removed country does not come back').toEqual([])
    expect(await listed('GE')).toEqual([article.id])
    const shown = (await call<ArticlePage>('articles.list', {})).items[0]!.countries
    expect(shown.find((c) => c.code === 'GE')?.role).toBe('primary')

    // Still the person's edits after the rebuild: re-tagging keeps them.
    const retagged = await call<{ running: boolean }>('countries.retag', {})
    expect(retagged.running).toBe(true)
    await new Promise<void>((resolve) => {
      const stop = app!.events.subscribe((event, payload) => {
        if (event === 'countries.retagProgress' && !(payload as { running: boolean }).running) {
          stop()
          resolve()
        }
      })
    })
    expect(await listed('LT')).toEqual([])
    expect(await listed('GE')).toEqual([article.id])
  })

  it('takes the edits from the old database when it can still be read and no file has them', async () => {
    const article = await addBelarusStory()
    await call('countries.edit', { id: article.id, edits: [{ code: 'LT', role: 'removed' }] })
    await app!.close()
    app = null
    // An edit made before the edits files existed: only the database has it.
    await rm(countryEditsPath(libraryLayout(dir), article.id))
    await rebuildLibraryDatabase(libraryLayout(dir), new Date('2025-03-11T09:00:00Z'))
    await start()
    expect(await listed('LT')).toEqual([])
    expect(await listed('BY')).toEqual([article.id])
  })

  it('ignores an edits file that Dateline did not write', async () => {
    const article = await addBelarusStory()
    await app!.close()
    app = null
    const layout = libraryLayout(dir)
    await writeFile(
      countryEditsPath(layout, article.id),
      '{"edits": [{"code": "../etc", "role": "primary"}]}',
    )
    await writeFile(join(dir, 'library.db'), Buffer.alloc(8192, 0x5a))
    await rebuildLibraryDatabase(layout, new Date('2025-03-11T09:00:00Z'))
    await start()
    expect(await listed('BY')).toEqual([article.id])
    expect(await listed('LT')).toEqual([article.id])
  })
})
