import { readdir, rm, stat } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { rebuildLibraryDatabase } from '../src/main/library/database-builder'
import { SqlDatabase } from '../src/main/library/database'
import { libraryLayout } from '../src/main/library/layout'
import { compareSearches, timeSearches } from './search-equality'

/**
 * `npm run bench:rebuild -- DIR`: `dateline rebuild` of the library in DIR (its article folders
 * read, a new library.db written with every relation and the full-text index), timed in wall clock
 * and in CPU time of the process, which a busy machine's waits for a core leave out. The database
 * it replaces is removed afterwards (the command itself keeps it), so the folder can be rebuilt
 * again. With BENCH_SQL_PROFILE=1 the CPU time of each statement is added up and printed, the
 * costliest first (the tally itself costs a little).
 *
 *   index_build_s, index_build_cpu_s   the whole rebuild
 *   db_mb                               the new library.db
 *   load_avg_1m, load_avg_1m_end        the machine's load before and after
 *   same_searches                       with BENCH_COMPARE_WITH=FILE (a library.db of the same
 *                                       folder built before): how many of a mix of searches
 *                                       found the same articles in the same order (search-equality.ts)
 */

interface Tally {
  calls: number
  micros: number
  wallMs: number
}

function profileStatements(): Map<string, Tally> {
  const tallies = new Map<string, Tally>()
  const prototype = SqlDatabase.prototype as unknown as Record<string, (...args: unknown[]) => unknown>
  for (const method of ['run', 'get', 'all', 'exec']) {
    const original = prototype[method]!
    prototype[method] = function (this: unknown, ...args: unknown[]): unknown {
      const started = process.cpuUsage()
      const wallStarted = performance.now()
      try {
        return original.apply(this, args)
      } finally {
        const spent = process.cpuUsage(started)
        const wallMs = performance.now() - wallStarted
        const key = String(args[0]).replace(/\s+/g, ' ').slice(0, 90)
        const tally = tallies.get(key) ?? { calls: 0, micros: 0, wallMs: 0 }
        tally.calls++
        tally.micros += spent.user + spent.system
        tally.wallMs += wallMs
        tallies.set(key, tally)
      }
    }
  }
  return tallies
}

async function main(): Promise<void> {
  if (process.argv[2] === '--search') {
    // CPU time of the search mix on a database already built: `bench:rebuild -- --search FILE`.
    const db = SqlDatabase.open(process.argv[3]!, { readOnly: true, exclusive: true })
    try {
      const { p50, p95 } = timeSearches(db)
      console.log(
        JSON.stringify({ search_cpu_p50_ms: p50, search_cpu_p95_ms: p95, load_avg_1m: loadavg()[0] }),
      )
    } finally {
      db.close()
    }
    return
  }
  const folder = process.argv[2]
  if (!folder) throw new Error('usage: bench-rebuild DIR (a Dateline library with article folders)')
  const tallies = process.env.BENCH_SQL_PROFILE ? profileStatements() : null
  const layout = libraryLayout(folder)
  const load = loadavg()[0]!
  const cpu = process.cpuUsage()
  const started = performance.now()
  let reported = -1
  const result = await rebuildLibraryDatabase(layout, new Date(), ({ done, total }) => {
    const tenth = Math.floor((done / Math.max(1, total)) * 10)
    if (tenth === reported) return
    reported = tenth
    const spent = process.cpuUsage(cpu)
    console.error(
      `  ${done} of ${total}: ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
        `${((spent.user + spent.system) / 1e6).toFixed(1)} s CPU`,
    )
  })
  const wall = (performance.now() - started) / 1000
  const spent = process.cpuUsage(cpu)
  for (const name of await readdir(folder)) {
    if (name.startsWith('library.db.replaced-')) await rm(join(folder, name), { force: true })
  }
  if (tallies) {
    const rows = [...tallies.entries()].sort((a, b) => b[1].micros - a[1].micros).slice(0, 25)
    for (const [sql, { calls, micros, wallMs }] of rows) {
      const figures = `${(micros / 1e6).toFixed(2).padStart(7)} s CPU ${(wallMs / 1e3).toFixed(2).padStart(7)} s wall`
      console.error(`${figures} ${String(calls).padStart(7)}×  ${sql}`)
    }
  }
  const compareWith = process.env.BENCH_COMPARE_WITH
  let sameSearches: string | undefined
  if (compareWith) {
    const before = SqlDatabase.open(compareWith, { readOnly: true })
    const after = SqlDatabase.open(layout.database, { readOnly: true })
    try {
      const { queries, differing } = compareSearches(before, after)
      for (const query of differing) console.error(`  differs: ${query}`)
      sameSearches = `${queries - differing.length} of ${queries}`
    } finally {
      before.close()
      after.close()
    }
  }
  const round = (n: number): number => Math.round(n * 100) / 100
  console.log(
    JSON.stringify({
      articles: result.articles,
      load_avg_1m: round(load),
      index_build_s: round(wall),
      index_build_cpu_s: round((spent.user + spent.system) / 1e6),
      index_build_user_s: round(spent.user / 1e6),
      index_build_system_s: round(spent.system / 1e6),
      db_mb: round((await stat(layout.database)).size / 1024 / 1024),
      ...(sameSearches ? { same_searches: sameSearches } : {}),
      load_avg_1m_end: round(loadavg()[0]!),
    }),
  )
}

await main()
