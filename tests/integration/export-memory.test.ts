import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ZipWriter } from '../../src/main/export/zip-writer'
import { makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string

beforeAll(async () => {
  dir = await makeTempDir('dateline-zip-memory-')
})

afterAll(() => removeDir(dir))

/** A full collection after a GC: what is still held, not what is waiting to be collected. */
function heldBufferBytes(): number {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
  return process.memoryUsage().arrayBuffers
}

it('holds no more than the entry being written, however many pictures an export has', async () => {
  const zip = new ZipWriter(join(dir, 'big.zip'), new Date())
  const before = heldBufferBytes()
  let peak = 0
  // 1,000 incompressible 100 kB pictures: 100 MB through the writer.
  for (let n = 0; n < 1000; n++) {
    await zip.add(`OEBPS/images/${n}.png`, randomBytes(100_000), { compress: false })
    if (n % 100 === 99) peak = Math.max(peak, heldBufferBytes() - before)
  }
  await zip.close()
  // Bounded by what the file system has not flushed yet, not by the export: a writer that kept
  // the entries (as one did, through yazl's pump functions) holds all 100 MB here.
  expect(peak).toBeLessThan(40 * 1024 * 1024)
}, 120_000)
