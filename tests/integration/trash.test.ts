import { access } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AddArticleResult } from '@shared/contract'
import type { EmptyTrashResult, TrashPage } from '@shared/trash'
import { openApp, type DatelineApp } from '../../src/main/app'
import { articleDir, libraryLayout } from '../../src/main/library/layout'
import { makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string
let app: DatelineApp | null = null

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await app!.dispatch(name, input)
  if (!result.ok) expect.fail(`${name} failed: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

async function addText(title: string): Promise<string> {
  const text = `${title}\n\n${'A paragraph of the dispatch about the talks in Vienna. '.repeat(12)}`
  const { article } = await call<AddArticleResult>('articles.add', { kind: 'text', text })
  return article.id
}

beforeEach(async () => {
  dir = await makeTempDir()
  app = await openApp({ libraryDir: dir, extraction: 'inline' })
})

afterEach(async () => {
  await app?.close()
  app = null
  await removeDir(dir)
})

describe('the trash', () => {
  it('lists deleted articles newest first, keeps them across a restart, and restores any of them', async () => {
    const first = await addText('Talks in Vienna resume')
    const second = await addText('Grain corridor reopens')
    await call('articles.delete', { id: first })
    await call('articles.delete', { id: second })

    const trash = await call<TrashPage>('trash.list', {})
    expect(trash.total).toBe(2)
    expect(trash.items.map((item) => item.title)).toEqual([
      'Grain corridor reopens',
      'Talks in Vienna resume',
    ])
    const [latest] = trash.items
    expect(Date.parse(latest!.purgeAt) - Date.parse(latest!.deletedAt)).toBe(30 * 24 * 60 * 60 * 1000)

    await app!.close()
    app = await openApp({ libraryDir: dir, extraction: 'inline' })
    // The first delete, not only the last, can still be undone after the app was closed.
    await call('articles.restore', { id: first })
    expect((await call<TrashPage>('trash.list', {})).items.map((item) => item.id)).toEqual([second])
  })

  it('empties one article or the whole trash for good, files included', async () => {
    const ids = [
      await addText('Ceasefire holds'),
      await addText('Port strike ends'),
      await addText('Vote recount'),
    ]
    for (const id of ids) await call('articles.delete', { id })
    const layout = libraryLayout(dir)

    expect(await call<EmptyTrashResult>('trash.empty', { ids: [ids[0]] })).toEqual({ removed: 1 })
    expect(await exists(articleDir(layout, ids[0]!)), 'the emptied article’s folder').toBe(false)
    expect(await exists(articleDir(layout, ids[1]!)), 'another trashed article’s folder').toBe(true)
    const gone = await app!.dispatch('articles.restore', { id: ids[0] })
    expect(gone.ok).toBe(false)

    expect(await call<EmptyTrashResult>('trash.empty', {})).toEqual({ removed: 2 })
    expect((await call<TrashPage>('trash.list', {})).total).toBe(0)
    for (const id of ids) expect(await exists(articleDir(layout, id))).toBe(false)
  })
})
