import { spawn } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SqlDatabase } from '../../src/main/library/database'
import { LibraryStore } from '../../src/main/library/library-store'
import { bundleHelper, type HelperBundle } from '../helpers/bundle-helper'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * SIGKILL at random moments of every write path a person has: add, read/starred/archived, delete
 * and restore (write-loop.ts runs them in a seeded random order). After each kill the library must
 * open, and every acknowledged write must be there: each added article whole, each state as last
 * acknowledged, each delete gone, each restore back. The one write in flight at the kill may have
 * happened or not, never half. npm test runs 50 trials; `npm run bench:crash` runs 1,000.
 * (The kill during a schema upgrade has its own test in library-migration.test.ts.)
 */
const TRIALS = Number(process.env.CRASH_TRIALS ?? 50)

interface Expected {
  present: boolean
  tag: string
  state: string
}

interface Write {
  op: 'add' | 'state' | 'delete' | 'restore'
  id: string
  value: string
}

let bundle: HelperBundle | null = null
let skipReason: string | null = null
let library: string

/**
 * Runs the write loop and kills it after a random number of acknowledged writes (0–5) and a random
 * 0–80 ms more, so kills land in the middle of writes however fast or loaded the machine is.
 */
function runAndKill(
  trial: number,
  expected: Map<string, Expected>,
): Promise<{ inFlight: Write | null; acked: number }> {
  const child = spawn(process.execPath, [bundle!.path, library, String(trial)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const writesBeforeKill = Math.floor(Math.random() * 6)
  const delay = Math.floor(Math.random() * 80)
  let inFlight: Write | null = null
  let acked = 0
  let stderr = ''
  let timer: NodeJS.Timeout | null = null
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [word, a, b, c] = line.split(' ')
    const killSoon = (): void => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), delay)
    }
    if (word === 'READY' && writesBeforeKill === 0) killSoon()
    if (word === 'DO') inFlight = { op: a as Write['op'], id: b!, value: c ?? '' }
    if (word === 'ACK' && inFlight) {
      const write: Write = inFlight
      const id = write.op === 'add' ? a! : write.id
      const previous = expected.get(id)
      if (write.op === 'add') expected.set(id, { present: true, tag: write.value, state: '000' })
      if (write.op === 'state') expected.set(id, { ...previous!, state: write.value })
      if (write.op === 'delete') expected.set(id, { ...previous!, present: false })
      if (write.op === 'restore') expected.set(id, { ...previous!, present: true })
      inFlight = null
      acked++
      if (acked >= writesBeforeKill) killSoon()
    }
  })
  return new Promise((done, fail) => {
    child.once('error', fail)
    child.once('close', (code, signal) => {
      if (timer) clearTimeout(timer)
      if (signal !== 'SIGKILL')
        fail(new Error(`trial ${trial}: the write loop ended by itself (code ${code}): ${stderr}`))
      else done({ inFlight, acked })
    })
  })
}

function stateOf(summary: { read: boolean; starred: boolean; archived: boolean }): string {
  return `${+summary.read}${+summary.starred}${+summary.archived}`
}

beforeAll(async () => {
  library = await makeTempDir('dateline-crash-')
  const made = await bundleHelper(resolve(__dirname, '../helpers/write-loop.ts'))
  if ('missing' in made) {
    skipReason = made.missing
    console.warn(`Skipping the crash test: ${skipReason}`)
  } else bundle = made
})

afterAll(async () => {
  await bundle?.remove()
  await removeDir(library)
})

describe('a library survives its writer being killed in the middle of any write', () => {
  it(
    `opens with every acknowledged write in place after ${TRIALS} SIGKILLs`,
    async (context) => {
      if (skipReason) context.skip()
      const expected = new Map<string, Expected>()
      const ops = { acked: 0, killedInFlight: 0 }
      for (let trial = 0; trial < TRIALS; trial++) {
        const { inFlight, acked } = await runAndKill(trial, expected)
        ops.acked += acked
        if (inFlight) ops.killedInFlight++
        const where = `after trial ${trial} (in flight: ${inFlight ? `${inFlight.op} ${inFlight.id}` : 'nothing'})`
        const store = await LibraryStore.open(library).catch((error: unknown) => {
          throw new Error(`the library did not open ${where}: ${(error as Error).message}`)
        })
        try {
          for (const [id, want] of expected) {
            const summary = store.get(id)
            // The write in flight may have landed: then the article shows its new state instead.
            const maybe = inFlight && inFlight.id === id ? inFlight : null
            if (maybe?.op === 'delete' && !summary) {
              expected.set(id, { ...want, present: false })
              continue
            }
            if (!want.present && !(maybe?.op === 'restore' && summary)) {
              expect(summary, `deleted article ${id} ${where}`).toBeUndefined()
              continue
            }
            expect(summary, `acknowledged article ${id} ${where}`).toBeDefined()
            const state = stateOf(summary!)
            if (maybe?.op === 'state' && state === maybe.value) expected.set(id, { ...want, state })
            else expect(state, `read/starred/archived of ${id} ${where}`).toBe(want.state)
            if (maybe?.op === 'restore') expected.set(id, { ...want, present: true })
            const article = await store.readArticle(id)
            expect(article.text, `text of ${id} ${where}`).toContain(`${want.tag}-start`)
            expect(article.text, `end of the text of ${id} ${where}`).toContain(`${want.tag}-end`)
          }
          // An add in flight may have landed as one article more; nothing else may appear.
          const unknown = store.allIds().filter((id) => !expected.get(id)?.present)
          expect(unknown.length, `articles nobody acknowledged ${where}`).toBeLessThanOrEqual(
            inFlight?.op === 'add' ? 1 : 0,
          )
          for (const id of unknown) {
            const article = await store.readArticle(id)
            const tag = /(r\d+n\d+)-start/.exec(article.text)?.[1]
            expect(tag, `the in-flight add ${where}`).toBe(inFlight!.value)
            expected.set(id, { present: true, tag: tag!, state: stateOf(article) })
          }
        } finally {
          await store.close()
        }
      }
      console.log(
        `crash test: ${TRIALS} kills, ${ops.acked} acknowledged writes checked, ${ops.killedInFlight} kills in the middle of a write`,
      )
      expect(
        ops.acked,
        'acknowledged writes over all trials (too few means the test proved little)',
      ).toBeGreaterThan(TRIALS)
      expect(ops.killedInFlight, 'kills that landed in the middle of a write').toBeGreaterThan(TRIALS / 4)
      const leftovers = (await readdir(library)).filter((name) => name.startsWith('library.db.'))
      expect(leftovers, 'database lock or draft left after the last clean close').toEqual([])
      const check = SqlDatabase.open(join(library, 'library.db'), { readOnly: true })
      try {
        expect(check.get<{ integrity_check: string }>('PRAGMA integrity_check')?.integrity_check).toBe('ok')
      } finally {
        check.close()
      }
    },
    60_000 + TRIALS * 5_000,
  )
})
