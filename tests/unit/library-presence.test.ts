import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { requireLibraryUnlessCreating } from '../../src/main/cli/library-presence'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/*
 * A command started while another is making the library in the same folder sees that one's first
 * files, not a manifest yet: the lock's temp file comes before the lock itself. It must wait its
 * turn like any other, not call the folder somebody else's.
 */

let dir: string

beforeEach(async () => {
  dir = await makeTempDir()
})

afterEach(async () => {
  await removeDir(dir)
})

describe('a library being made by another command', () => {
  it('is taken for a library while only the temp file of its lock is there', async () => {
    await writeFile(join(dir, 'library.lock.4242.tmp'), '4242')
    await expect(requireLibraryUnlessCreating(dir, false)).resolves.toBeUndefined()
  })

  it('is taken for a library while only the temp file of its manifest is there', async () => {
    await writeFile(join(dir, 'library.json.4242.a1b2c3d4.tmp'), '{}')
    await expect(requireLibraryUnlessCreating(dir, false)).resolves.toBeUndefined()
  })

  it('still refuses a folder of other files, even with temp files of their own', async () => {
    await writeFile(join(dir, 'notes.txt'), 'mine')
    await writeFile(join(dir, 'notes.txt.4242.tmp'), 'mine')
    await mkdir(join(dir, 'photos'))
    await expect(requireLibraryUnlessCreating(dir, false)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
