import { existsSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs'
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AddArticleResult, ArticlePage } from '@shared/contract'
import { openApp, type DatelineApp } from '../../src/main/app'
import { rebuildLibraryDatabase } from '../../src/main/library/database-builder'
import { createFolderReader, type FileAsk } from '../../src/main/library/folder-reader'
import { articleDir, libraryLayout } from '../../src/main/library/layout'
import { SqlDatabase } from '../../src/main/library/database'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * `dateline rebuild` reads each batch's texts on a thread of its own while the batch before is
 * written (library/folder-reader.ts). The library it makes must be the one the reads on the
 * calling thread make, and a folder changed while it runs must be met as the first pass's checks
 * meet it: a text gone leaves its article without text, a folder turned into a link is skipped.
 */

const workerPath = resolve('out/main/read-worker.js')
const built = existsSync(workerPath)
if (!built)
  console.log(`Skipping the reading-thread cases: ${workerPath} is not built (run electron-vite build).`)

let dir: string
let outside: string

async function makeLibrary(count: number): Promise<string[]> {
  const app: DatelineApp = await openApp({ libraryDir: dir, extraction: 'inline' })
  const ids: string[] = []
  try {
    for (let i = 0; i < count; i++) {
      // The last paragraph lies past the excerpt, so only the text file makes it findable.
      const filler = 'The ferry left the harbour at dawn, carrying grain for the market. '.repeat(12)
      const text = `Harbour report ${i}\n\n${filler}\n\nThe lighthouse keeper counted word${i}.`
      const result = await app.dispatch('articles.add', { kind: 'text', text })
      if (!result.ok) expect.fail(result.error.message)
      ids.push((result.value as AddArticleResult).article.id)
    }
  } finally {
    await app.close()
  }
  return ids
}

/** Every article's rowid, id and headline, then which rowids each word finds: what search can see. */
function contents(words: readonly string[]): string[] {
  const db = SqlDatabase.open(libraryLayout(dir).database, { readOnly: true })
  try {
    const rows = db
      .all<{ id: string; title: string; rowid: number }>(
        'SELECT rowid, id, title FROM articles ORDER BY rowid',
      )
      .map((row) => `${row.rowid} ${row.id} ${row.title}`)
    const found = words.map((word) => {
      const hits = db.all<{ rowid: number }>(
        'SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid',
        [word],
      )
      return `${word}: ${hits.map((hit) => hit.rowid).join(' ')}`
    })
    return [...rows, ...found]
  } finally {
    db.close()
  }
}

const WORDS = [
  'ferry',
  'harbour',
  'lighthouse',
  'keeper',
  ...Array.from({ length: 12 }, (_, i) => `word${i}`),
]

async function searchIds(query: string): Promise<string[]> {
  const app = await openApp({ libraryDir: dir, extraction: 'inline' })
  try {
    const result = await app.dispatch('articles.list', { query })
    if (!result.ok) expect.fail(result.error.message)
    return (result.value as ArticlePage).items.map((a) => a.id)
  } finally {
    await app.close()
  }
}

beforeEach(async () => {
  dir = await makeTempDir()
  outside = await makeTempDir()
})

afterEach(async () => {
  await removeDir(dir)
  await removeDir(outside)
})

describe('the rebuild’s reading thread', () => {
  it.skipIf(!built)('makes the same library as reads on the calling thread', async () => {
    await makeLibrary(12)
    const layout = libraryLayout(dir)
    await rebuildLibraryDatabase(layout, new Date('2026-01-01T00:00:00Z'), undefined, null)
    const inline = contents(WORDS)
    await rebuildLibraryDatabase(layout, new Date('2026-01-01T00:01:00Z'), undefined, workerPath)
    expect(contents(WORDS)).toEqual(inline)
    expect(inline.filter((line) => line.includes('Harbour report'))).toHaveLength(12)
    expect(inline.find((line) => line.startsWith('lighthouse:'))!.split(' ')).toHaveLength(13)
  })

  for (const reader of ['thread', 'calling thread'] as const) {
    it.skipIf(reader === 'thread' && !built)(
      `meets a text gone and a folder turned into a link mid-rebuild (${reader})`,
      async () => {
        const ids = await makeLibrary(4)
        const layout = libraryLayout(dir)
        const [gone, linked] = [ids[1]!, ids[2]!]
        let changed = false
        const result = await rebuildLibraryDatabase(
          layout,
          new Date('2026-01-01T00:00:00Z'),
          ({ stage }) => {
            // After the first pass listed every folder, before any text is read.
            if (stage !== 'rebuilding' || changed) return
            changed = true
            const goneFolder = articleDir(layout, gone)
            for (const name of readdirSync(goneFolder)) {
              if (name.endsWith('.txt')) rmSync(join(goneFolder, name))
            }
            const linkedFolder = articleDir(layout, linked)
            renameSync(linkedFolder, join(outside, linked))
            symlinkSync(join(outside, linked), linkedFolder)
          },
          reader === 'thread' ? workerPath : null,
        )
        expect(changed).toBe(true)
        expect(result.articles).toBe(3)
        expect(
          contents([]).some((line) => line.includes(linked)),
          'the linked folder is skipped',
        ).toBe(false)
        // The article whose text went is kept, findable by its headline, not by its text.
        expect(await searchIds('lighthouse')).not.toContain(gone)
        expect(await searchIds('lighthouse')).toHaveLength(2)
        expect(await searchIds('Harbour')).toContain(gone)
        expect(await searchIds('Harbour')).toHaveLength(3)
      },
    )
  }

  it.skipIf(!built)('answers a batch in order, refusing links, large files and what is missing', async () => {
    const folder = join(dir, 'articles', 'ab', 'ab00000000000001')
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, 'a.txt'), 'first')
    await writeFile(join(folder, 'big.txt'), 'x'.repeat(100))
    await writeFile(join(outside, 'secret.txt'), 'secret')
    await symlink(join(outside, 'secret.txt'), join(folder, 'link.txt'))
    const linkedFolder = join(dir, 'articles', 'ab', 'ab00000000000002')
    await symlink(outside, linkedFolder)
    const asks: FileAsk[] = [
      { folder, name: 'a.txt', maxBytes: 50 },
      { folder, name: 'big.txt', maxBytes: 50 },
      { folder, name: 'link.txt', maxBytes: 50 },
      { folder, name: 'none.txt', maxBytes: 50 },
      { folder: linkedFolder, name: 'secret.txt', maxBytes: 50 },
      { folder, name: 'big.txt', maxBytes: 100 },
    ]
    for (const path of [workerPath, null]) {
      const reader = createFolderReader(dir, path)
      try {
        const files = await reader.read(asks)
        const shown = files.map((f) => ('bytes' in f ? Buffer.from(f.bytes).toString('utf8') : f.failed))
        expect(shown).toEqual(['first', 'unreadable', 'unreadable', 'unreadable', 'linked', 'x'.repeat(100)])
      } finally {
        await reader.close()
      }
    }
    expect(await readdir(outside)).toEqual(['secret.txt'])
  })
})
