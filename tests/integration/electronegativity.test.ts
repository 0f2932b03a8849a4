import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * Doyensec's Electronegativity reads the Electron configuration of the source the way an auditor
 * would (webPreferences, navigation, CSP, openExternal, preload). The goal: no finding of medium
 * or higher. A finding reviewed by hand carries an `eng-disable` comment on its line, with the
 * reason beside it, so it is visible in the code and not hidden in this test.
 */
const REPO = resolve(__dirname, '../..')
const BIN = join(REPO, 'node_modules/@doyensec/electronegativity/dist/index.js')

/** SARIF levels: error is high or critical, warning is medium, note is low or informational. */
interface Finding {
  check: string
  level: 'error' | 'warning' | 'note' | 'none'
  file: string
}

interface Sarif {
  runs: {
    results: {
      ruleId: string
      level: Finding['level']
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[]
    }[]
  }[]
}

let dir: string
let findings: Finding[]

beforeAll(async () => {
  dir = await makeTempDir('dateline-electronegativity-')
  const report = join(dir, 'findings.sarif')
  await new Promise<void>((done, fail) => {
    execFile(
      process.execPath,
      // -e: the Electron version in package.json; it would otherwise try to look releases up online.
      [BIN, '-i', join(REPO, 'src'), '-e', '45.5.0', '-r', '-v', 'false', '-o', report],
      { cwd: REPO, timeout: 120_000 },
      (error, _stdout, stderr) => (error ? fail(new Error(`${error.message}\n${stderr}`)) : done()),
    )
  })
  const sarif = JSON.parse(await readFile(report, 'utf8')) as Sarif
  findings = sarif.runs.flatMap((run) =>
    run.results.map((result) => ({
      check: result.ruleId,
      level: result.level,
      file: result.locations[0]?.physicalLocation.artifactLocation.uri ?? '',
    })),
  )
}, 150_000)

afterAll(async () => {
  await removeDir(dir)
})

describe('Electronegativity on the app’s source', () => {
  it('reports no finding of medium severity or higher', () => {
    const serious = findings.filter((f) => f.level === 'error' || f.level === 'warning')
    expect(serious).toEqual([])
  })

  it('actually scanned the Electron shell (the CSP of the window is reviewed at low severity)', () => {
    expect(findings.map((f) => f.check)).toContain('CSP_GLOBAL_CHECK')
  })
})
