import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LibraryStore } from '../../src/main/library/library-store'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * A window's first page must not wait for code it does not run. The built app is opened in a
 * fresh process as the app opens it (out/main/bench-cold-open.js: import, open with `host: true`,
 * the first page of the list with its counts), and every module that process loaded is listed.
 * The code that reads pages, sanitises HTML, writes and reads zips, converts to Markdown, parses
 * imports and feeds, and the country tagger's 3 MB of data, is loaded only when first used.
 */

const REPO = resolve(__dirname, '../..')
const COLD_OPEN = resolve(REPO, 'out/main/bench-cold-open.js')
const RECORDER = resolve(REPO, 'tests/helpers/record-module-loads.mjs')
const LINGER = resolve(REPO, 'tests/helpers/linger-before-exit.mjs')
const built = existsSync(COLD_OPEN)
if (!built) {
  console.warn(`Skipping the cold-open module test: ${COLD_OPEN} is missing (run "npx electron-vite build").`)
}

/** Packages of page processing, archives and formats: none is needed for the list. */
const PAGE_PROCESSING_PACKAGES = [
  'linkedom',
  '@mozilla/readability',
  'parse5',
  'htmlparser2',
  'sanitize-html',
  'postcss',
  'turndown',
  'marked',
  'js-yaml',
  'yazl',
  'yauzl',
  'fflate',
  'csv-parse',
  'chardet',
  'html-encoding-sniffer',
  'tldts',
  'feedsmith',
  'fast-xml-parser',
]

let library: string

beforeAll(async () => {
  library = await makeTempDir('dateline-cold-open-')
  const store = await LibraryStore.open(library)
  for (let i = 0; i < 3; i++) {
    const summary = makeSummary()
    await store.putArticle(summary, { html: `<p>Story ${i} from Minsk.</p>`, text: `Story ${i} from Minsk.` })
  }
  await store.close()
})

afterAll(() => removeDir(library))

interface Run {
  code: number
  stdout: string
  stderr: string
}

function coldOpen(log: string): Promise<Run> {
  return run(['--import', RECORDER, COLD_OPEN, library], { DATELINE_MODULE_LOG: log })
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      args,
      { cwd: REPO, env: { ...process.env, NODE_OPTIONS: '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        done({ code, stdout: String(stdout), stderr: String(stderr) })
      },
    )
  })
}

describe.skipIf(!built)('the cold open of a window', () => {
  it('shows the first page without loading page processing, archives or the country tagger', async () => {
    const log = join(library, 'modules.txt')
    const run = await coldOpen(log)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const figures = JSON.parse(run.stdout) as { total_ms: number }
    expect(figures.total_ms).toBeGreaterThan(0)

    const loaded = (await readFile(log, 'utf8')).split('\n').map((entry) => entry.replaceAll('\\', '/'))
    // The recorder works: it saw the app's own chunks and a package the open does need.
    expect(loaded.some((entry) => entry.includes('/out/main/'))).toBe(true)
    expect(loaded.some((entry) => entry.includes('/node_modules/lowdb/'))).toBe(true)

    const heavy = loaded.filter((entry) =>
      PAGE_PROCESSING_PACKAGES.some((name) => entry.includes(`/node_modules/${name}/`)),
    )
    expect(heavy, 'page-processing packages loaded before the first page').toEqual([])
    // The country tagger's chunk carries its lexicon; the bundler names a chunk after its module.
    const tagger = loaded.filter((entry) =>
      /\/out\/main\/chunks\/(tag-countries|countries-data)[-.]/.test(entry),
    )
    expect(tagger, 'the country tagger loaded before the first page').toEqual([])
  })

  /**
   * V8 optimises a WebAssembly function once it has run its tiering budget; SQLite spends the
   * default budget in its largest functions during the open, and compiling those cost two thirds
   * of the cold open's CPU. The build raises the budget before it compiles (sqlite-build.ts):
   * traced by V8 (and given time to finish what it started in the background), the open of a
   * window then optimises no function. The same open with V8's default budget, set on the command
   * line (which the build leaves alone), shows that this open does exhaust it.
   */
  it('optimises no WebAssembly function before the first page', async () => {
    const tracedOpen = (flags: string[]): Promise<Run> =>
      run(['--trace-wasm-compilation-times', ...flags, '--import', LINGER, COLD_OPEN, library], {
        DATELINE_LINGER_MS: '1500',
      })
    const optimised = (trace: string): number =>
      trace.split('\n').filter((line) => / using TurboFan/.test(line)).length
    const baseline = (trace: string): number =>
      trace.split('\n').filter((line) => / using Liftoff/.test(line)).length

    const ours = await tracedOpen([])
    expect(ours.code, ours.stderr).toBe(0)
    expect(ours.stderr).toBe('')
    expect(baseline(ours.stdout), 'V8 traced the compiles').toBeGreaterThan(50)
    expect(optimised(ours.stdout), 'functions optimised during the cold open').toBe(0)

    const v8Default = await tracedOpen(['--wasm-tiering-budget=1800000'])
    expect(v8Default.code, v8Default.stderr).toBe(0)
    expect(optimised(v8Default.stdout)).toBeGreaterThan(0)
  })
})
