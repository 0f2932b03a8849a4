/**
 * The child process of the crash test: opens the library as the app does and runs every write path
 * the person has (add, read/starred/archived, delete, restore) in a seeded random order until it is
 * killed. Before each write it prints `DO <op> <id> <values>`, after it has returned `ACK`; so the
 * parent knows what was acknowledged and which one write, at most, was in flight at the kill.
 * Run from a bundle (see bundle-helper.ts): node <bundle> <libraryDir> <trial>
 */
import { openApp } from '../../src/main/app'
import { killTestText } from './kill-text'
import { seededRandom } from './seeded-random'

const [libraryDir, trialArg] = process.argv.slice(2)
if (!libraryDir || !trialArg) {
  console.error('usage: write-loop <libraryDir> <trial>')
  process.exit(2)
}
const trial = Number(trialArg)

const random = seededRandom((trial * 2654435761) >>> 0)
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!

const app = await openApp({ libraryDir, extraction: 'inline' })
const live = app.library.allIds()
const deleted: string[] = []
process.stdout.write('READY\n')

async function call(name: string, input: unknown): Promise<{ id: string }> {
  const result = await app.dispatch(name, input)
  if (!result.ok) {
    console.error(`${name} failed: ${result.error.code} ${result.error.message}`)
    process.exit(1)
  }
  const value = result.value as { id?: string; article?: { id: string } }
  return { id: value.article?.id ?? value.id ?? '' }
}

for (let n = 0; ; n++) {
  const roll = random()
  if (live.length === 0 || roll < 0.35) {
    process.stdout.write(`DO add - r${trial}n${n}\n`)
    const { id } = await call('articles.add', { kind: 'text', text: killTestText(trial, n) })
    live.push(id)
    process.stdout.write(`ACK ${id}\n`)
  } else if (roll < 0.8) {
    const id = pick(live)
    const change = { read: random() < 0.5, starred: random() < 0.5, archived: random() < 0.3 }
    process.stdout.write(`DO state ${id} ${+change.read}${+change.starred}${+change.archived}\n`)
    await call('articles.setState', { id, ...change })
    process.stdout.write('ACK\n')
  } else if (roll < 0.92 || deleted.length === 0) {
    const id = live.splice(Math.floor(random() * live.length), 1)[0]!
    process.stdout.write(`DO delete ${id}\n`)
    await call('articles.delete', { id })
    deleted.push(id)
    process.stdout.write('ACK\n')
  } else {
    const id = deleted.pop()!
    process.stdout.write(`DO restore ${id}\n`)
    await call('articles.restore', { id })
    live.push(id)
    process.stdout.write('ACK\n')
  }
}
