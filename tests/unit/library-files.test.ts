import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { removeStaleTempFiles, writeFileAtomic } from '../../src/main/library/atomic-file'
import { AtomicJsonFile } from '../../src/main/library/json-file'
import { libraryLayout } from '../../src/main/library/layout'
import { MediaStore } from '../../src/main/library/media-store'
import { SerialWriter } from '../../src/main/library/serial-writer'
import { makePng } from '../helpers/images'
import { makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string

beforeEach(async () => {
  dir = await makeTempDir()
})

afterEach(async () => {
  await removeDir(dir)
})

/** A promise with its resolve exposed, to let a test decide when a write finishes. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves no temp file beside them', async () => {
    const target = join(dir, 'sub', 'file.json')
    await writeFileAtomic(target, '{"a":1}')
    await writeFileAtomic(target, '{"a":2}')

    expect(await readFile(target, 'utf8')).toBe('{"a":2}')
    expect(await readdir(join(dir, 'sub'))).toEqual(['file.json'])
  })

  it('removeStaleTempFiles deletes left-over temp files and nothing else', async () => {
    await writeFile(join(dir, '00.json'), '{}')
    await writeFile(join(dir, '00.json.4242.deadbeef.tmp'), '{"half')
    await writeFile(join(dir, 'ab.json.17.cafebabe.tmp'), '')

    const removed = await removeStaleTempFiles(dir)

    expect(removed).toBe(2)
    expect(await readdir(dir)).toEqual(['00.json'])
  })

  it('removeStaleTempFiles treats a missing folder as clean', async () => {
    expect(await removeStaleTempFiles(join(dir, 'nowhere'))).toBe(0)
  })
})

describe('AtomicJsonFile', () => {
  it('reads a missing file as null and a damaged one as LIBRARY_DAMAGED naming it', async () => {
    const file = new AtomicJsonFile<object>(join(dir, 'x.json'), 'meta/x.json')
    expect(await file.read()).toBeNull()
    await writeFile(join(dir, 'x.json'), '{nope')
    await expect(file.read()).rejects.toMatchObject({
      code: 'LIBRARY_DAMAGED',
      message: expect.stringContaining('meta/x.json'),
    })
  })
})

describe('SerialWriter', () => {
  it('coalesces saves asked for during a write into one follow-up write that sees all changes', async () => {
    const gates = [deferred(), deferred()]
    const snapshots: number[][] = []
    const state: number[] = []
    let writes = 0
    const writer = new SerialWriter(async () => {
      const copy = [...state]
      const gate = gates[writes++]!
      await gate.promise
      snapshots.push(copy)
    })

    state.push(1)
    const first = writer.save()
    const later = [2, 3, 4, 5].map((n) => {
      state.push(n)
      return writer.save()
    })
    gates[0]!.resolve()
    await first
    gates[1]!.resolve()
    await Promise.all(later)

    expect(writes, 'number of writes').toBe(2)
    expect(snapshots).toEqual([[1], [1, 2, 3, 4, 5]])
  })

  it('idle() waits for the queued write, and a failed write does not block the next', async () => {
    let writes = 0
    const writer = new SerialWriter(async () => {
      writes++
      if (writes === 1) throw new Error('disk full')
    })
    await expect(writer.save()).rejects.toThrow('disk full')
    await writer.save()
    await writer.idle()
    expect(writes).toBe(2)
  })
})

describe('MediaStore', () => {
  it('stores a picture once under its content hash and refuses paths outside media/', async () => {
    const media = new MediaStore(libraryLayout(dir))
    const png = makePng()
    const first = await media.store(png, 'png')
    const second = await media.store(png, 'png')

    expect(first).toMatch(/^media\/[0-9a-f]{2}\/[0-9a-f]{64}\.png$/)
    expect(second).toBe(first)
    expect(new Uint8Array(await readFile(join(dir, first)))).toEqual(png)
    expect(new Uint8Array((await media.read(first))!)).toEqual(png)
    expect(await media.read('media/../library.json')).toBeNull()
    expect(await media.read('../etc/passwd')).toBeNull()
  })
})
