import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { assertNoLinkBetweenSync, readRegularFileSync } from './confined-files'

/**
 * Reading a whole library's article files on a thread of their own, while the thread that asked
 * writes the database. This machine's disk (and many a laptop's) answers one request at a time,
 * so more reads in flight do not make it faster (measured: 400–460 files a second at 1 or 32 at
 * once); what saves wall clock is the disk working while SQLite does. Reads started with
 * `fs/promises` on the writing thread could not do that: each is five to eight steps (the link
 * walk's lstats, open, stat, read, close) and each step waits for that thread to be free. Here
 * every step runs in the reading thread with synchronous calls, the same checks as
 * confined-files.ts (no link on the way, O_NOFOLLOW, a size cap), and a batch comes back whole.
 */

/** One file of an article folder; `folder` is inside `root`, made by the caller from a checked id. */
export interface FileAsk {
  folder: string
  name: string
  maxBytes: number
}

/**
 * A file's bytes, or why there are none: `linked` when the folder is reached through a link (or
 * lies outside the library), `unreadable` when the file is missing, too large, or not a file.
 */
export type FileRead = { bytes: Uint8Array } | { failed: 'linked' | 'unreadable' }

export interface FolderReader {
  /** Reads the files in order; the answer holds one FileRead per ask. */
  read(asks: readonly FileAsk[]): Promise<FileRead[]>
  close(): Promise<void>
}

/** What the reading thread is sent, and what it answers. */
export interface ReadRequest {
  id: number
  root: string
  asks: FileAsk[]
}
export interface ReadReply {
  id: number
  files: FileRead[]
}

/** The reads themselves, on the calling thread: each folder walked for links once per run of asks. */
export function readFilesNow(root: string, asks: readonly FileAsk[]): FileRead[] {
  let walked: string | null = null
  let linked = false
  return asks.map((ask): FileRead => {
    if (ask.folder !== walked) {
      walked = ask.folder
      try {
        assertNoLinkBetweenSync(root, ask.folder)
        linked = false
      } catch {
        linked = true
      }
    }
    if (linked) return { failed: 'linked' }
    try {
      // The folder was just found free of links, and the file is opened without following one.
      return { bytes: readRegularFileSync(join(ask.folder, ask.name), ask.maxBytes) }
    } catch {
      return { failed: 'unreadable' }
    }
  })
}

/**
 * A reader on its own thread when the worker is built (the app, the CLI, benchmarks), else one
 * that reads on the caller's thread (tests run from the sources): the same answers either way.
 */
export function createFolderReader(
  root: string,
  workerPath: string | null = defaultReadWorkerPath(),
): FolderReader {
  if (workerPath === null || !existsSync(workerPath)) {
    return { read: async (asks) => readFilesNow(root, asks), close: async () => {} }
  }
  return workerReader(root, workerPath)
}

function workerReader(root: string, workerPath: string): FolderReader {
  const worker = new Worker(workerPath)
  const waiting = new Map<number, { resolve: (files: FileRead[]) => void; reject: (error: Error) => void }>()
  let failure: Error | null = null
  let nextId = 0
  const failAll = (error: Error): void => {
    failure ??= error
    for (const { reject } of waiting.values()) reject(failure)
    waiting.clear()
  }
  worker.on('message', (reply: ReadReply) => {
    const asker = waiting.get(reply.id)
    waiting.delete(reply.id)
    asker?.resolve(reply.files)
  })
  worker.on('error', failAll)
  worker.on('exit', (code) => failAll(new Error(`The file reading thread stopped (exit code ${code}).`)))
  return {
    read: (asks) =>
      new Promise<FileRead[]>((resolve, reject) => {
        if (failure) return reject(failure)
        const id = nextId++
        waiting.set(id, { resolve, reject })
        worker.postMessage({ id, root, asks: [...asks] } satisfies ReadRequest)
      }),
    close: async () => {
      failAll(new Error('The file reader was closed.'))
      await worker.terminate()
    },
  }
}

/** Beside the bundle that imports this module, or its parent when the bundler made a chunk folder. */
export function defaultReadWorkerPath(): string {
  const beside = fileURLToPath(new URL('./read-worker.js', import.meta.url))
  const parent = fileURLToPath(new URL('../read-worker.js', import.meta.url))
  return existsSync(beside) || !existsSync(parent) ? beside : parent
}
