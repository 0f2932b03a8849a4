import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

const REPO = resolve(__dirname, '../..')
const CLI = resolve(REPO, 'out/main/cli.js')

/** Why the tests of the built CLI cannot run here, or null when it is built. */
export const cliMissing: string | null = existsSync(CLI)
  ? null
  : `${CLI} is missing. "npm test" builds it; or run "npx electron-vite build".`

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs `node out/main/cli.js ...args` from the repository folder and collects what it printed.
 * DATELINE_LIBRARY is cleared, so only `env` or `--library` names a library.
 */
export function runBuiltCli(
  args: string[],
  env: Record<string, string> = {},
  timeout = 60_000,
): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: REPO, env: { ...process.env, DATELINE_LIBRARY: '', ...env }, timeout },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        done({ code, stdout: String(stdout), stderr: String(stderr) })
      },
    )
  })
}
