import { execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticlePage } from '@shared/contract'
import type { CallResult } from '@shared/errors'
import type { ImportJobList } from '@shared/imports'
import { openApp } from '../../src/main/app'
import { articlePage } from '../helpers/article-page'
import { makeTempDir, removeDir } from '../helpers/temp-library'

const REPO = resolve(__dirname, '../..')
const CLI = resolve(REPO, 'out/main/cli.js')
const built = existsSync(CLI)
if (!built)
  console.warn(`Skipping the import kill test: ${CLI} is missing ("npx electron-vite build" makes it).`)

const PAGES = 40
/** Each page answers this late, so the import is still under way when it is killed. */
const PAGE_DELAY_MS = 150

let server: Server
let origin: string
let dir: string
const served = new Map<string, number>()

beforeAll(async () => {
  dir = await makeTempDir()
  server = createServer((request, response) => {
    const path = request.url ?? '/'
    served.set(path, (served.get(path) ?? 0) + 1)
    const n = /^\/story-(\d+)$/.exec(path)?.[1]
    setTimeout(() => {
      if (!n) return response.writeHead(404).end()
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      response.end(articlePage({ title: `Dispatch number ${n} from the border crossing` }))
    }, PAGE_DELAY_MS)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((done) => server.close(done))
  await removeDir(dir)
})

function pocketCsv(): string {
  const rows = Array.from(
    { length: PAGES },
    (_, i) =>
      `"Dispatch ${i}, from the border",${origin}/story-${i},${1700000000 + i},border|dispatches,unread`,
  )
  return ['title,url,time_added,tags,status', ...rows].join('\n')
}

/** Starts `dateline import` and SIGKILLs it once it has said it captured some but not all. */
function importUntilKilled(file: string, library: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, 'import', file, '--library', library, '--create'], {
      cwd: REPO,
      env: { ...process.env, DATELINE_LIBRARY: '' },
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      const progress = [...stderr.matchAll(/captured (\d+) of (\d+)/g)].at(-1)
      if (progress && Number(progress[1]) >= 3) child.kill('SIGKILL')
    })
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') done(stderr)
      else fail(new Error(`the import ended before it was killed:\n${stderr}`))
    })
  })
}

function valueOf<T>(result: CallResult<unknown>): T {
  if (!result.ok) expect.fail(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: REPO, env: { ...process.env, DATELINE_LIBRARY: '' }, timeout: 120_000 },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? -1) : 0, stdout: String(stdout), stderr: String(stderr) }),
    )
  })
}

describe.skipIf(!built)('an import killed half-way', () => {
  it('goes on where it was when run again, and no article is there twice', async () => {
    const file = join(dir, 'ril_export.csv')
    await writeFile(file, pocketCsv())
    const library = join(dir, 'library')

    await importUntilKilled(file, library)
    const midway = await openApp({ libraryDir: library, extraction: 'inline' })
    const { jobs } = valueOf<ImportJobList>(await midway.dispatch('imports.list', {}))
    await midway.close()
    expect(jobs[0]?.counts.queued).toBe(PAGES)
    const doneAtKill = jobs[0]!.counts.done
    expect(doneAtKill, 'some were captured before the kill').toBeGreaterThanOrEqual(1)
    expect(doneAtKill, 'and some were still waiting').toBeLessThan(PAGES)

    const again = await runCli(['import', file, '--library', library])
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toMatch(/0 queued, 40 already there/)

    const after = await openApp({ libraryDir: library, extraction: 'inline' })
    try {
      const list = valueOf<ArticlePage>(await after.dispatch('articles.list', { limit: 500 }))
      const urls = list.items.map((a) => a.url)
      expect(urls).toHaveLength(PAGES)
      expect(new Set(urls).size).toBe(PAGES)
      expect(list.counts.collections.map((c) => [c.name, c.articles])).toEqual([
        ['border', PAGES],
        ['dispatches', PAGES],
      ])
      const imports = valueOf<ImportJobList>(await after.dispatch('imports.list', {}))
      expect(imports.jobs.map((j) => [j.state, j.counts.done])).toEqual([
        ['finished', 0],
        ['finished', PAGES],
      ])
      // Only captures under way at the kill were fetched twice.
      const twice = [...served.values()].filter((n) => n > 1).length
      expect(twice).toBeLessThanOrEqual(4)
    } finally {
      await after.close()
    }
  })
})
