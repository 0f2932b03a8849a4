import { statfsSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Database as WasmDatabase, Statement as WasmStatement } from 'node-sqlite3-wasm'
import { DatelineError, DISK_FULL_MESSAGE } from '@shared/errors'
import { loadSqliteBuild } from './sqlite-build'

/**
 * The one module that knows which SQLite build runs underneath. Today it is node-sqlite3-wasm (pure
 * WebAssembly, direct file access, SQLite 3.53 with FTS5), so nothing is rebuilt for Electron and the
 * CLI and tests run on plain Node 20. Electron's built-in `node:sqlite` can replace it by rewriting
 * this file alone: the rest of the app sees only `SqlDatabase`.
 *
 * Traps of this build, handled here (and in sqlite-build.ts, which corrects its hot-journal check):
 * - No WAL (no shared memory): rollback journal, `synchronous=FULL`, so a commit is on the disk
 *   when `run`/`transaction` return.
 * - Its lock is a `<file>.lock` directory made with mkdir; any reader or writer holds it for the
 *   length of a statement or transaction. A process killed meanwhile leaves it behind (see
 *   `removeStaleDatabaseLock` and the library lock, which alone may prove its owner dead).
 * - Prepared statements live in WebAssembly memory: every one we make is cached here and
 *   finalised by `close()`, so nothing leaks however many queries run.
 */

export type SqlValue = number | bigint | string | Uint8Array | null
export type SqlParams = readonly (SqlValue | boolean)[] | Record<string, SqlValue | boolean>
export type SqlRow = Record<string, SqlValue>

export interface SqlRunResult {
  changes: number
  lastInsertRowid: number
}

export interface OpenDatabaseOptions {
  readOnly?: boolean
  /** How long a statement waits for another process's lock before giving up (SQLITE_BUSY). */
  busyTimeoutMs?: number
  /**
   * Keep the lock from the first statement until close. Taking and dropping the lock directory
   * costs a mkdir, an rmdir and a re-check of the file for every statement (a few ms each on a
   * busy machine); a long-running host (the app, `dateline serve`) holds it instead, and other
   * processes reach the library through that host's local endpoint.
   */
  exclusive?: boolean
}

/** Loaded on first use: instantiating the WebAssembly module costs ~15 ms that `extract` need not pay. */
let wasm: typeof import('node-sqlite3-wasm') | null = null
function sqlite(): typeof import('node-sqlite3-wasm') {
  wasm ??= loadSqliteBuild()
  return wasm
}

/** Statements kept prepared; a program has a fixed set of them, so the cache stays small. */
const MAX_CACHED_STATEMENTS = 200

export class SqlDatabase {
  private readonly statements = new Map<string, WasmStatement>()
  private depth = 0

  private constructor(
    private readonly db: WasmDatabase,
    readonly path: string,
    readonly readOnly: boolean,
  ) {}

  static open(path: string, options: OpenDatabaseOptions = {}): SqlDatabase {
    const readOnly = options.readOnly ?? false
    let db: WasmDatabase
    try {
      db = new (sqlite().Database)(path, { readOnly, fileMustExist: readOnly })
    } catch (error) {
      throw databaseError(path, error)
    }
    const database = new SqlDatabase(db, path, readOnly)
    try {
      database.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? 5000))}`)
      // Set before the first statement that reads the file: the lock directory is then made once
      // and kept, instead of made and removed again by each pragma below (an mkdir and an rmdir,
      // each waiting for the disk, in every cold open of the app).
      if (options.exclusive) database.exec('PRAGMA locking_mode = EXCLUSIVE')
      if (!readOnly) {
        // TRUNCATE rather than DELETE: the same rollback journal, emptied instead of removed after
        // each commit, which saves a file deletion and a folder flush per transaction.
        database.exec('PRAGMA journal_mode = TRUNCATE')
        database.exec('PRAGMA synchronous = FULL')
      }
      database.exec('PRAGMA foreign_keys = ON')
      if (options.exclusive) {
        // 64 MB of pages: the list's indexes and the hot part of the full-text index stay in memory.
        database.exec('PRAGMA cache_size = -65536')
      }
    } catch (error) {
      database.close()
      throw error
    }
    return database
  }

  get isOpen(): boolean {
    return this.db.isOpen
  }

  exec(sql: string): void {
    this.guard(() => this.db.exec(sql))
  }

  all<T extends object = SqlRow>(sql: string, params?: SqlParams): T[] {
    return this.guard(() => this.statement(sql).all(bind(params)) as T[], sql)
  }

  get<T extends object = SqlRow>(sql: string, params?: SqlParams): T | undefined {
    return this.guard(() => {
      const statement = this.statement(sql)
      try {
        return (statement.get(bind(params)) as T | null) ?? undefined
      } finally {
        this.settle(sql, statement)
      }
    }, sql)
  }

  run(sql: string, params?: SqlParams): SqlRunResult {
    return this.guard(() => {
      const statement = this.statement(sql)
      try {
        const result = statement.run(bind(params))
        return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) }
      } finally {
        this.settle(sql, statement)
      }
    }, sql)
  }

  /** Rows one at a time, for walks over the whole library (rebuild, backup checks) in flat memory. */
  *iterate<T extends object = SqlRow>(sql: string, params?: SqlParams): Generator<T> {
    // A statement of its own: the cached one may be reused by a query inside the loop.
    const statement = this.guard(() => this.db.prepare(sql))
    try {
      for (const row of statement.iterate(bind(params))) yield row as T
    } catch (error) {
      throw databaseError(this.path, error)
    } finally {
      finalizeQuietly(statement)
    }
  }

  /**
   * Runs `work` in one transaction: all of it reaches the disk, or none of it. `BEGIN IMMEDIATE`
   * takes the write lock up front, so a transaction never fails half-way for want of it. Nested
   * calls join the outer transaction.
   */
  transaction<T>(work: () => T): T {
    return this.within('BEGIN IMMEDIATE', work)
  }

  /**
   * Runs the queries of one answer (a page, its total, its relations, the counts) in one read
   * transaction: they see one state of the library, and the lock directory is made and removed
   * once rather than per statement (measured ~9 ms per rmdir on this VM's disk).
   */
  read<T>(work: () => T): T {
    return this.within('BEGIN', work)
  }

  private within<T>(begin: string, work: () => T): T {
    if (this.depth > 0) return work()
    this.exec(begin)
    this.depth++
    try {
      const result = work()
      this.exec('COMMIT')
      return result
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
      throw error
    } finally {
      this.depth--
    }
  }

  get inTransaction(): boolean {
    return this.db.isOpen && this.db.inTransaction
  }

  close(): void {
    if (!this.db.isOpen) return
    for (const statement of this.statements.values()) finalizeQuietly(statement)
    this.statements.clear()
    this.db.close()
  }

  private statement(sql: string): WasmStatement {
    let statement = this.statements.get(sql)
    if (!statement) {
      if (this.statements.size >= MAX_CACHED_STATEMENTS) {
        const [oldest, stale] = this.statements.entries().next().value as [string, WasmStatement]
        finalizeQuietly(stale)
        this.statements.delete(oldest)
      }
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  /**
   * A statement stopped after its first row stays "in progress": it keeps the file locked and
   * blocks COMMIT. The package resets a statement only when it is used again, so it is reset here
   * (its `_reset`, not in its types), or, should a later version lose that, finalised and dropped.
   */
  private settle(sql: string, statement: WasmStatement): void {
    const resettable = statement as unknown as { _reset?: () => boolean }
    if (typeof resettable._reset === 'function' && resettable._reset()) return
    this.forget(sql)
  }

  /**
   * A statement whose run failed keeps that error and refuses to be bound again ("Could not reset
   * statement"), so the query would fail for the rest of the process: the next run prepares anew.
   */
  private forget(sql: string): void {
    const statement = this.statements.get(sql)
    if (!statement) return
    this.statements.delete(sql)
    finalizeQuietly(statement)
  }

  private guard<T>(work: () => T, sql?: string): T {
    try {
      return work()
    } catch (error) {
      if (sql !== undefined) this.forget(sql)
      throw databaseError(this.path, error)
    }
  }
}

/**
 * Frees a statement. Finalising reports the error of its last run again, which was thrown when it
 * happened; the statement is freed all the same, and closing must not stop at it.
 */
function finalizeQuietly(statement: WasmStatement): void {
  if (statement.isFinalized) return
  try {
    statement.finalize()
  } catch {
    // Reported already, by the run that failed.
  }
}

function bind(params: SqlParams | undefined): never {
  // The package's own types want mutable arrays; ours are read-only on purpose.
  return params as never
}

/** The way out of a damaged database that needs no backup (library-open.ts offers the backup too). */
export const REBUILD_WAY_OUT =
  '"dateline rebuild" to recreate the database from the article files (read, starred and collections are lost that way)'

/** What a person can run about a damaged database, without knowing yet which backup is good. */
const DAMAGE_WAYS_OUT =
  'Run "dateline restore-backup" to put back its newest good backup (the damaged file is kept beside it), ' +
  `or ${REBUILD_WAY_OUT}.`

/** SQLite's messages for a file that is not (or no longer) a database. */
const DAMAGE = /malformed|not a database|file is encrypted|disk image|corrupt/i
const BUSY = /database is locked|SQLITE_BUSY/i

/** Turns the build's errors into ours: damaged, busy, or (a bug of ours) internal. */
export function databaseError(path: string, error: unknown): Error {
  if (error instanceof DatelineError) return error
  const message = error instanceof Error ? error.message : String(error)
  if (DAMAGE.test(message)) {
    // Found after the open (a page its check did not read): the way out is the same as at open.
    return new DatelineError(
      'LIBRARY_DAMAGED',
      `The library database ${path} is damaged (${message}). ${DAMAGE_WAYS_OUT}`,
      { cause: error },
    )
  }
  if (BUSY.test(message)) {
    return new DatelineError(
      'LIBRARY_BUSY',
      `The library database ${path} stayed locked by another process for too long (${message}).`,
      { cause: error },
    )
  }
  if (isDiskFull(path, message)) return new DatelineError('DISK_FULL', DISK_FULL_MESSAGE, { cause: error })
  if (error instanceof Error && error.name === 'SQLite3Error') {
    return new DatelineError('INTERNAL', `The library database refused a change: ${message}`, {
      cause: error,
    })
  }
  return error instanceof Error ? error : new Error(message)
}

/**
 * SQLite says "database or disk is full" when it knows; this WASM build's file layer reports a
 * failed write as a plain "disk I/O error", so then the free space of the disk decides.
 */
function isDiskFull(path: string, message: string): boolean {
  if (/disk is full|SQLITE_FULL/i.test(message)) return true
  if (!/disk I\/O error|SQLITE_IOERR/i.test(message)) return false
  try {
    const disk = statfsSync(dirname(path))
    return disk.bavail * disk.bsize < LOW_SPACE_BYTES
  } catch {
    return false
  }
}

/** Below this much free space a failed write is taken for a full disk (a journal needs room). */
const LOW_SPACE_BYTES = 4 * 1024 * 1024

/** The directory this build uses as its lock for the database at `path`. */
export function databaseLockPath(path: string): string {
  return `${path}.lock`
}
