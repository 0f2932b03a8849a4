import { writeFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CorrespondentList, SameNamePair } from '@shared/correspondents'
import { openApp, type DatelineApp } from '../../src/main/app'
import { rebuildLibraryDatabase } from '../../src/main/library/database-builder'
import { libraryLayout } from '../../src/main/library/layout'
import { callOrFail } from '../helpers/app-for-each-test'
import { articlePage } from '../helpers/article-page'
import { html, startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string
let site: FixtureServer
let app: DatelineApp

function call<T>(name: string, input: unknown): Promise<T> {
  return callOrFail<T>(app, name, input)
}

/** A page of one outlet signed by one author. */
function page(title: string, author: string, outlet: string): string {
  return articlePage({ title }).replaceAll('Anna Reporter', author).replaceAll('Fixture News', outlet)
}

const pairs = async (input: { id?: number } = {}): Promise<string[]> =>
  (await call<SameNamePair[]>('correspondents.sameName', input)).map(
    (p) => `${p.a.name} [${p.a.outlets.join()}] + ${p.b.name} [${p.b.outlets.join()}]`,
  )

beforeEach(async () => {
  dir = await makeTempDir()
  site = await startFixtureServer({
    '/a/1': html(page('Talks in Vienna run late into the night', 'Olga Petrova', 'Daily Courier')),
    '/a/2': html(page('A second round of talks opens in Geneva', 'Olga Petrova', 'Daily Courier')),
    '/b/1': html(page('Ministers meet again at the border crossing', 'OLGA PETROVA', 'Evening Post')),
    '/a/3': html(page('Harvest failures spread across the region', 'Zoë Ostrovská', 'Daily Courier')),
    '/a/4': html(page('Grain prices climb for a third week', 'Zoe Ostrovska', 'Daily Courier')),
    '/b/2': html(page('The port reopens after the storm', 'Tom Hale', 'Evening Post')),
    '/b/3': html(page('Ferries run again on the northern route', 'Tom Halé-Smith', 'Evening Post')),
  })
  app = await openApp({ libraryDir: dir, extraction: 'inline' })
  for (const path of ['/a/1', '/a/2', '/b/1', '/a/3', '/a/4', '/b/2', '/b/3']) {
    await call('articles.add', { kind: 'url', url: site.url(path) })
  }
})

afterEach(async () => {
  await app.close()
  await site.close()
  await removeDir(dir)
})

describe('correspondents.sameName', () => {
  it('pairs separate entries whose names differ only by case, accents or outlet, the larger first', async () => {
    expect(await pairs()).toEqual([
      'Olga Petrova [Daily Courier] + Olga Petrova [Evening Post]',
      'Zoë Ostrovská [Daily Courier] + Zoe Ostrovska [Daily Courier]',
    ])
    const list = await call<CorrespondentList>('correspondents.list', { sort: 'name' })
    const zoe = list.items.find((c) => c.name === 'Zoe Ostrovska')!
    expect(await pairs({ id: zoe.id })).toEqual([
      'Zoë Ostrovská [Daily Courier] + Zoe Ostrovska [Daily Courier]',
    ])
  })

  it('leaves merged pairs out, offers them again after a split, and remembers a dismissal', async () => {
    const [olga, zoe] = await call<SameNamePair[]>('correspondents.sameName', {})
    await call('correspondents.merge', { into: olga!.a.id, from: [olga!.b.id] })
    expect(await pairs()).toEqual(['Zoë Ostrovská [Daily Courier] + Zoe Ostrovska [Daily Courier]'])
    await call('correspondents.split', { id: olga!.b.id })
    expect(await pairs()).toHaveLength(2)

    await call('correspondents.dismissSameName', { a: zoe!.b.id, b: zoe!.a.id })
    expect(await pairs()).toEqual(['Olga Petrova [Daily Courier] + Olga Petrova [Evening Post]'])

    // Reopened, and rebuilt from the library folder after the database is lost: still dismissed.
    await app.close()
    app = await openApp({ libraryDir: dir, extraction: 'inline' })
    expect(await pairs()).toHaveLength(1)
    await app.close()
    await writeFile(libraryLayout(dir).database, Buffer.alloc(8192, 0x5a))
    await rebuildLibraryDatabase(libraryLayout(dir), new Date())
    app = await openApp({ libraryDir: dir, extraction: 'inline' })
    expect(await pairs()).toEqual(['Olga Petrova [Daily Courier] + Olga Petrova [Evening Post]'])
  })
})
