import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Adapter } from 'lowdb'
import { DatelineError } from '@shared/errors'
import { writeFileAtomic } from './atomic-file'

/**
 * lowdb adapter for one JSON file, written atomically (see writeFileAtomic) and read with a clear
 * error when the file is damaged. We construct `Low` with this adapter explicitly: lowdb's presets
 * swap in a memory adapter when NODE_ENV=test, which would let persistence tests pass untouched.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  readonly path: string
  private readonly describe: string

  constructor(path: string, describe = basename(path)) {
    this.path = path
    this.describe = describe
  }

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    try {
      return JSON.parse(text) as T
    } catch (error) {
      throw new DatelineError(
        'LIBRARY_DAMAGED',
        `The library file ${this.describe} is damaged and cannot be read (${(error as Error).message}). ` +
          'Nothing was changed. Restore that file from a backup, or move it out of the library folder to open the rest.',
      )
    }
  }

  /** Serialises synchronously, so the bytes written are the data as it was at the call. */
  write(data: T): Promise<void> {
    return writeFileAtomic(this.path, JSON.stringify(data))
  }
}
