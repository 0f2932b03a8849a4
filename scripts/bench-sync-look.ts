import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { CallResult } from '@shared/errors'
import { openApp, type DatelineApp } from '../src/main/app'
import { SqlDatabase } from '../src/main/library/database'
import { libraryLayout } from '../src/main/library/layout'
import { newManifest, writeManifest } from '../src/main/library/manifest'
import { buildVocabulary } from './search-corpus'
import { seededRandom } from './synthetic-articles'
import { writeZipfLibrary } from './zipf-library'

/**
 * The cost of sync's look for changes here (docs/sync.md, "Recording") when nothing changed, in
 * libraries of each size: what every `sync now`, every scan (twice, every 10 s) and every change
 * in the window pays. Each library is synthetic (zipf-library.ts), already published (as after
 * its first sync), with 1% of its articles' correspondents edited by the person and a few merges.
 * Opened as the CLI opens it: the app's own watcher and background grouping would take turns with
 * the measured look.
 *
 *   look_full_ms_<size>            median of 3 first `sync.now` after the library opens (every
 *                                  article compared), nothing changed, no other device
 *   look_after_a_change_ms_<size>  median of 15 `sync.now` right after a star, the look each change
 *                                  in the window costs
 */

const DEVICE = '00000000000000bb'

async function call<T>(app: DatelineApp, name: string, input: unknown = {}): Promise<T> {
  const result: CallResult<unknown> = await app.dispatch(name, input)
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

async function syncedLibrary(dir: string, folder: string, size: number): Promise<void> {
  const layout = libraryLayout(dir)
  await mkdir(dir, { recursive: true })
  await mkdir(folder, { recursive: true })
  const db = SqlDatabase.open(layout.database)
  try {
    const shape = { words: 60, excerptWords: 12, site: (): string => 'News Example' }
    writeZipfLibrary(db, size, buildVocabulary(20_000, seededRandom(5)), shape, 17, size)
    db.transaction(() => {
      db.run(
        `INSERT INTO sync_config (only, device, device_name, folder, enabled, last_scan_at) VALUES (1, ?, 'Bench', ?, 1, ?)`,
        [DEVICE, folder, new Date().toISOString()],
      )
      db.run(`INSERT INTO sync_published (article, updated_at, sha) SELECT id, updated_at, 'x' FROM articles`)
      db.run(`UPDATE article_correspondents SET origin = 'person' WHERE article % 100 = 0`)
      db.run(
        `UPDATE correspondents SET merged_into = (SELECT min(id) FROM correspondents)
         WHERE id IN (SELECT id FROM correspondents ORDER BY id DESC LIMIT 2)`,
      )
    })
  } finally {
    db.close()
  }
  await writeManifest(layout, newManifest(new Date()))
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10
}

export async function lookFigures(root: string, sizes: number[]): Promise<Record<string, number>> {
  const figures: Record<string, number> = {}
  for (const size of sizes) {
    const dir = join(root, `look-${size}`)
    const folder = join(root, `look-sync-${size}`)
    await syncedLibrary(dir, folder, size)
    const open = (): Promise<DatelineApp> =>
      openApp({ libraryDir: dir, extraction: 'inline', feedSchedule: false })
    // The first look records the person's edits and merges (the library's history).
    let app = await open()
    await call(app, 'sync.now')
    await app.close()
    const full: number[] = []
    const afterChange: number[] = []
    for (let round = 0; round < 3; round++) {
      // The first look after the library opens compares every article.
      app = await open()
      try {
        let started = performance.now()
        await call(app, 'sync.now')
        full.push(performance.now() - started)
        const ids = app.library.query((db) =>
          db.all<{ id: string }>('SELECT id FROM articles ORDER BY rowid LIMIT 5 OFFSET ?', [round * 5]),
        )
        for (const [i, { id }] of ids.entries()) {
          await call(app, 'articles.setState', { id, starred: i % 2 === 0 })
          started = performance.now()
          await call(app, 'sync.now')
          afterChange.push(performance.now() - started)
        }
      } finally {
        await app.close()
      }
    }
    figures[`look_full_ms_${size}`] = median(full)
    figures[`look_after_a_change_ms_${size}`] = median(afterChange)
  }
  return figures
}
