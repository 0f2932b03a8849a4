import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * What the file system of the machine running the tests can do, probed rather than guessed from
 * the platform: Windows creates symbolic links only with Developer Mode or as an administrator, and
 * keeps no POSIX permission bits. Tests that need either skip elsewhere, and say why.
 */
function probeSymlinks(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-probe-'))
  try {
    symlinkSync(dir, join(dir, 'link'), 'dir')
    return true
  } catch {
    return false
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const symlinksUnavailable: string | null = probeSymlinks()
  ? null
  : 'this file system does not let this user create symbolic links'

export const posixModesUnavailable: string | null =
  process.platform === 'win32' ? 'Windows keeps no POSIX permission bits' : null

if (symlinksUnavailable) console.warn(`Skipping the symbolic-link tests: ${symlinksUnavailable}`)
