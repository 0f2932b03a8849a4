import { join } from 'node:path'
import { afterEach, beforeEach, expect } from 'vitest'
import { openApp, type DatelineApp } from '../../src/main/app'
import { makeTempDir, removeDir } from './temp-library'

/** Calls a procedure and fails the test with its message when it fails. */
export async function call<T>(app: DatelineApp, name: string, input: unknown = {}): Promise<T> {
  const result = await app.dispatch(name, input)
  if (!result.ok) expect.fail(`${name} failed: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

export interface LibraryView {
  articles: {
    id: string
    title: string
    read: boolean
    starred: boolean
    archived: boolean
    countries: string[]
  }[]
  collections: { name: string; articles: string[] }[]
  followed: string[]
  feeds: string[]
}

/** What a person sees of a library: every article and its states, and each collection in its order. */
export function viewOf(app: DatelineApp): LibraryView {
  return app.library.query((db) => ({
    articles: db
      .all<{ id: string; title: string; read: number; starred: number; archived: number }>(
        'SELECT id, title, read, starred, archived FROM articles ORDER BY id',
      )
      .map((a) => ({
        id: a.id,
        title: a.title,
        read: a.read === 1,
        starred: a.starred === 1,
        archived: a.archived === 1,
        countries: db
          .all<{ code: string }>(
            'SELECT code FROM article_countries WHERE article = (SELECT rowid FROM articles WHERE id = ?) ORDER BY code',
            [a.id],
          )
          .map((c) => c.code),
      })),
    collections: db
      .all<{ id: number; name: string }>('SELECT id, name FROM collections ORDER BY name')
      .map((c) => ({
        name: c.name,
        articles: db
          .all<{ id: string }>(
            `SELECT a.id FROM collection_articles ca JOIN articles a ON a.rowid = ca.article
             WHERE ca.collection = ? ORDER BY ca.position, a.id`,
            [c.id],
          )
          .map((a) => a.id),
      })),
    followed: db
      .all<{ name_key: string }>('SELECT name_key FROM correspondents WHERE followed = 1 ORDER BY name_key')
      .map((c) => c.name_key),
    feeds: db
      .all<{ url: string }>('SELECT url FROM feeds WHERE correspondent IS NULL ORDER BY url')
      .map((f) => f.url),
  }))
}

export async function addText(app: DatelineApp, title: string, words: string): Promise<string> {
  const text = `${title}\n\n${words} ${'Some words of a report from the capital. '.repeat(12)}`
  const { article } = await call<{ article: { id: string } }>(app, 'articles.add', { kind: 'text', text })
  return article.id
}

/** Libraries of several devices syncing through one folder, fresh for each test. */
export interface SyncDevices {
  /** The test's temp folder: each library is a folder in it, beside the sync folder. */
  readonly root: string
  /** The folder they sync through, as their sync engine (Syncthing) would keep it the same. */
  readonly folder: string
  /** The apps open in this test, closed after it. */
  readonly apps: DatelineApp[]
  /** Opens the library of the device `name` (a folder in root) and keeps it for closing. */
  library(name: string): Promise<DatelineApp>
}

/** Makes the test file's devices: each test gets a new temp folder, removed after it. */
export function syncDevices(prefix: string): SyncDevices {
  let root = ''
  const apps: DatelineApp[] = []
  beforeEach(async () => {
    root = await makeTempDir(prefix)
  })
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close()
    await removeDir(root)
  })
  return {
    get root() {
      return root
    },
    get folder() {
      return join(root, 'Sync')
    },
    apps,
    library: async (name) => {
      const app = await openApp({ libraryDir: join(root, name), extraction: 'inline' })
      apps.push(app)
      return app
    },
  }
}
