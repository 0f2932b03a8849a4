import { spawn } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SqlDatabase } from '../../src/main/library/database'
import { LibraryStore } from '../../src/main/library/library-store'
import { bundleHelper, type HelperBundle } from '../helpers/bundle-helper'
import { makeTempDir, removeDir } from '../helpers/temp-library'

const ROUNDS = 20

let bundle: HelperBundle | null = null
let skipReason: string | null = null
let library: string

interface Round {
  acked: Map<string, string>
  read: Set<string>
  killedAfterMs: number
}

/**
 * Starts the add loop and kills it with SIGKILL a random 50–400 ms after it reports the library
 * open (every fifth round: after it starts, to land in the middle of opening). Resolves once the
 * process is gone, with what it acknowledged.
 */
function runAndKill(round: number): Promise<Round> {
  const child = spawn(process.execPath, [bundle!.path, library, String(round)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const acked = new Map<string, string>()
  const read = new Set<string>()
  const delay = 50 + Math.floor(Math.random() * 350)
  let stderr = ''
  let timer: NodeJS.Timeout | null = null
  const killLater = (): void => {
    timer ??= setTimeout(() => child.kill('SIGKILL'), delay)
  }
  if (round % 5 === 4) killLater()
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [word, id, n] = line.split(' ')
    if (word === 'READY') killLater()
    if (word === 'ACK' && id && n) acked.set(id, n)
    if (word === 'READ' && id) read.add(id)
  })
  return new Promise((done, fail) => {
    child.once('error', fail)
    child.once('close', (code, signal) => {
      if (timer) clearTimeout(timer)
      if (signal !== 'SIGKILL') {
        fail(new Error(`round ${round}: the add loop ended by itself (code ${code}): ${stderr}`))
        return
      }
      done({ acked, read, killedAfterMs: delay })
    })
  })
}

beforeAll(async () => {
  library = await makeTempDir()
  const made = await bundleHelper(resolve(__dirname, '../helpers/add-loop.ts'))
  if ('missing' in made) {
    skipReason = made.missing
    console.warn(`Skipping the kill test: ${skipReason}`)
  } else {
    bundle = made
  }
})

afterAll(async () => {
  await bundle?.remove()
  await removeDir(library)
})

describe('a library survives its writer being killed at any moment', () => {
  it(`opens with every acknowledged article whole after ${ROUNDS} SIGKILLs`, async (context) => {
    if (skipReason) context.skip()
    const everAcked = new Map<string, { round: number; n: string }>()
    const everRead = new Set<string>()

    for (let round = 0; round < ROUNDS; round++) {
      const { acked, read, killedAfterMs } = await runAndKill(round)
      for (const [id, n] of acked) everAcked.set(id, { round, n })
      for (const id of read) everRead.add(id)

      const where = `after round ${round} (killed ${killedAfterMs} ms in)`
      const store = await LibraryStore.open(library).catch((error: unknown) => {
        throw new Error(`the library did not open ${where}: ${(error as Error).message}`)
      })
      try {
        for (const [id, { round: r, n }] of everAcked) {
          const summary = store.get(id)
          expect(summary, `acknowledged article ${id} (round ${r}, #${n}) ${where}`).toBeDefined()
          const article = await store.readArticle(id)
          expect(article.text, `text of ${id} ${where}`).toContain(`r${r}n${n}-start`)
          expect(article.text, `end of the text of ${id} ${where}`).toContain(`r${r}n${n}-end`)
          if (everRead.has(id)) expect(summary?.read, `read state of ${id} ${where}`).toBe(true)
        }
        expect(
          store.counts().articles,
          `no article beyond the acknowledged ones and at most one in flight ${where}`,
        ).toBeLessThanOrEqual(everAcked.size + round + 1)
      } finally {
        await store.close()
      }
    }

    expect(
      everAcked.size,
      'articles acknowledged over all rounds (too few means the test proved little)',
    ).toBeGreaterThan(ROUNDS)
    // An empty journal (a kill right after it was created) is not hot and harmless; a lock is not.
    const leftovers = (await readdir(library)).filter((name) => name.startsWith('library.db.'))
    expect(leftovers, 'database lock or draft left after the last clean close').toEqual([])
    const check = SqlDatabase.open(join(library, 'library.db'), { readOnly: true })
    try {
      expect(check.get<{ integrity_check: string }>('PRAGMA integrity_check')?.integrity_check).toBe('ok')
    } finally {
      check.close()
    }
  })
})
