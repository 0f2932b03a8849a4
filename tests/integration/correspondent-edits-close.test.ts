import { readdir, readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openApp, type DatelineApp } from '../../src/main/app'
import { groupEditsPath } from '../../src/main/correspondents/group-edits-file'
import { libraryLayout } from '../../src/main/library/layout'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * The save of correspondent-edits.json is held on its way to the disk until the test lets it go,
 * as on a slow disk, so closing the library while it is written is not left to timing.
 */
const held = vi.hoisted(() => {
  let reached: () => void = () => undefined
  let release: () => void = () => undefined
  return {
    reached: new Promise<void>((resolve) => (reached = resolve)),
    gate: new Promise<void>((resolve) => (release = resolve)),
    arrive: (): void => reached(),
    release: (): void => release(),
  }
})

vi.mock('../../src/main/library/atomic-file', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/main/library/atomic-file')>()
  return {
    ...real,
    writeFileAtomic: async (...args: Parameters<typeof real.writeFileAtomic>): Promise<void> => {
      if (args[0].endsWith('correspondent-edits.json')) {
        held.arrive()
        await held.gate
      }
      await real.writeFileAtomic(...args)
    },
  }
})

let dir: string
let app: DatelineApp | undefined

beforeEach(async () => {
  dir = await makeTempDir()
  app = await openApp({ libraryDir: dir, extraction: 'inline' })
})

afterEach(async () => {
  held.release()
  await app?.close()
  await removeDir(dir)
})

describe('closing the library', () => {
  it('waits for the save of the correspondent edits that a library-wide change started', async () => {
    const order: string[] = []
    // A re-tag, a sync or an import announces a library-wide change, which saves the edits.
    app!.events.emit('library.changed', { ids: [] })
    await held.reached
    const closing = app!.close().then(() => order.push('closed'))
    app = undefined
    // Closing must still be waiting when the write is let go, however long that takes.
    const letGo = setTimeout(() => {
      order.push('let go')
      held.release()
    }, 200)
    await closing
    clearTimeout(letGo)
    held.release()
    expect(order).toEqual(['let go', 'closed'])
    const saved = JSON.parse(await readFile(groupEditsPath(libraryLayout(dir)), 'utf8')) as object
    expect(saved).toMatchObject({ format: 1 })
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})
