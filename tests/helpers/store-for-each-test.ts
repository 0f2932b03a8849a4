import { afterEach, beforeEach } from 'vitest'
import { LibraryStore } from '../../src/main/library/library-store'
import { makeTempDir, removeDir } from './temp-library'

/** A fresh, empty library folder and its store, made before each test and closed after it. */
export interface StoreForEachTest {
  /** The store open on this test's library (after `reopen`, the new one). */
  store(): LibraryStore
  /** This test's library folder. */
  dir(): string
  /** Closes the store, for a test that works on the database while no store holds it. */
  close(): Promise<void>
  /** Opens the same library again (closing the store first when it is open), as a restart does. */
  reopen(): Promise<LibraryStore>
}

/**
 * Registers the hooks of a test file whose every test wants a library of its own at the store's
 * level (no services): a temp folder and `LibraryStore.open` on it before each test, the store
 * closed and the folder removed after it.
 */
export function storeForEachTest(): StoreForEachTest {
  let dir: string | undefined
  let store: LibraryStore | undefined
  const current: StoreForEachTest = {
    store() {
      if (!store) throw new Error('The store opens before each test; it is not open here')
      return store
    },
    dir() {
      if (!dir) throw new Error('The library folder is made before each test; there is none here')
      return dir
    },
    async close() {
      const open = store
      store = undefined
      await open?.close()
    },
    async reopen() {
      await current.close()
      store = await LibraryStore.open(current.dir())
      return store
    },
  }
  beforeEach(async () => {
    dir = await makeTempDir()
    store = await LibraryStore.open(dir)
  })
  afterEach(async () => {
    await current.close()
    if (dir) await removeDir(dir)
    dir = undefined
  })
  return current
}
