import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { setFlagsFromString } from 'node:v8'
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

/**
 * V8 runs each WebAssembly function first as Liftoff's quick translation and recompiles it with
 * TurboFan, its optimising compiler, once the function has run its "tiering budget" of code
 * (1.8 MB in Node 20's V8 11, 13 MB in later V8, so in Electron's). SQLite's bytecode interpreter,
 * parser and B-tree are functions of up to 60 KB, and opening a library and reading its first
 * page spends that budget in some twenty of them: compiling those cost ~200 ms of CPU in V8's
 * background threads, two thirds of a cold open (docs/benchmarks.md). With the budget at the
 * largest value V8 takes (2^31 - 1), a function is optimised once it has run ~2 GB of code:
 * nothing during the open (below the maximum, the parser alone still was), the hottest paths of
 * search within a few hundred queries; warm search then costs ~13% more CPU than with V8's
 * default (middling functions stay unoptimised), p95 7.6 ms at 100k. Optimising nothing
 * (`--liftoff-only`) would open as fast but leave ranked search ~40% slower.
 *
 * V8 reads the budget when it instantiates a module, so it is set here, right before the build
 * compiles and instantiates its own (tests/integration/cold-open-modules.test.ts checks that a
 * cold open optimises no function). The flag is process-wide, and nothing else in the main
 * process runs WebAssembly. Node and Electron's main process leave V8's flags unfrozen for
 * `v8.setFlagsFromString`; the flag exists in Node 20's V8 (11.3) and in current V8 alike. A
 * person who chose their own tiering (NODE_OPTIONS, node's or Electron's `--js-flags`) keeps it.
 */
export const SQLITE_TIERING_FLAG = '--wasm-tiering-budget=2147483647'

const TIERING_CHOICES =
  /--(?:wasm[-_]tiering[-_]budget|liftoff[-_]only|(?:no[-_])?wasm[-_]dynamic[-_]tiering)\b/

export function tieringChosenByUser(
  commandLine: readonly string[] = [...process.execArgv, ...process.argv],
  nodeOptions: string = process.env['NODE_OPTIONS'] ?? '',
): boolean {
  return TIERING_CHOICES.test(nodeOptions) || commandLine.some((arg) => TIERING_CHOICES.test(arg))
}

/** Loads the build with the fix above; a release that changed the code fails here, not silently. */
export function loadSqliteBuild(): SqliteBuild {
  if (!tieringChosenByUser()) setFlagsFromString(SQLITE_TIERING_FLAG)
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
