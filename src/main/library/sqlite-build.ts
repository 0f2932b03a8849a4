import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { compileFunction } from 'node:vm'

type SqliteBuild = typeof import('node-sqlite3-wasm')

/**
 * node-sqlite3-wasm's file system layer answers "does another connection hold a RESERVED lock?"
 * with "does the lock directory exist?", and a connection asks that while it holds the directory
 * itself. So SQLite never finds a journal hot, never rolls back a transaction that a killed
 * process left half-written to library.db, and reads a corrupt database ("database disk image is
 * malformed"). Its lock is a single mutex for every level: while this connection holds it, no
 * other one can hold RESERVED, which is the answer the fix gives.
 */
const RESERVED_LOCK_CHECK = 'function _nodejsCheckReservedLock(fi,outResult){'
const HELD_BY_US_MEANS_NO_OTHER = `${RESERVED_LOCK_CHECK}if(_isLocked(fi)){setValue(outResult,0,"i32");return SQLITE_OK}`

/** Loads the build with the fix above; a release that changed the code fails here, not silently. */
export function loadSqliteBuild(): SqliteBuild {
  const load = createRequire(import.meta.url)
  const filename = load.resolve('node-sqlite3-wasm')
  const source = readFileSync(filename, 'utf8')
  if (!source.includes(RESERVED_LOCK_CHECK) || !source.includes('function _isLocked(')) {
    throw new Error(
      `${filename} is not the node-sqlite3-wasm build Dateline knows: its reserved-lock check, which ` +
        'Dateline corrects so that a killed write is rolled back, was not found.',
    )
  }
  const patched = source.replace(RESERVED_LOCK_CHECK, HELD_BY_US_MEANS_NO_OTHER)
  const module = { exports: {} as unknown }
  const run = compileFunction(patched, ['exports', 'require', 'module', '__filename', '__dirname'], {
    filename,
  })
  run(module.exports, createRequire(filename), module, filename, dirname(filename))
  return module.exports as SqliteBuild
}
