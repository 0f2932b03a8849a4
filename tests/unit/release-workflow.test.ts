import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { validateWorkflow } from '@action-validator/core'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'

/**
 * The release workflow cannot run here (GitHub is not reachable), so it is checked as what it is:
 * a workflow GitHub accepts (action-validator, GitHub's schema) that does what the releases need.
 */
const WORKFLOW = resolve(__dirname, '../../.github/workflows/release.yml')

interface Step {
  name?: string
  run?: string
  uses?: string
  if?: string
}
interface Workflow {
  on: Record<string, unknown>
  jobs: Record<
    string,
    { needs?: string; if?: string; strategy?: { matrix: { os: string[] } }; steps: Step[] }
  >
}

async function workflow(): Promise<{ text: string; parsed: Workflow }> {
  const text = await readFile(WORKFLOW, 'utf8')
  return { text, parsed: load(text) as Workflow }
}

describe('the release workflow', () => {
  it('is a valid GitHub Actions workflow, and the validator does refuse a broken one', async () => {
    const { text } = await workflow()
    expect(validateWorkflow(text).errors).toEqual([])
    const broken = text.replace('runs-on: ${{ matrix.os }}', 'runs-on: [1, 2]').replace('steps:', 'stepz:')
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0)
  })

  it('runs on pull requests and version tags, on Windows, macOS and Linux', async () => {
    const { parsed } = await workflow()
    expect(Object.keys(parsed.on)).toEqual(expect.arrayContaining(['pull_request', 'push']))
    expect(parsed.on.push).toEqual({ tags: ['v*'] })
    expect(parsed.jobs.build!.strategy!.matrix.os.sort()).toEqual([
      'macos-latest',
      'ubuntu-latest',
      'windows-latest',
    ])
  })

  it('tests, builds every installer, starts each installed app, and publishes only a draft with checksums', async () => {
    const { parsed } = await workflow()
    const runs = parsed.jobs.build!.steps.map((s) => s.run ?? '').join('\n')
    expect(runs).toContain('npm test')
    expect(runs).toContain('xvfb-run -a npm test')
    expect(runs).toMatch(/electron-builder --config electron-builder\.yml "\$target" --publish never/)
    // Each system's smoke test runs the real-app spec against the installed executable.
    const smoke = parsed.jobs.build!.steps.filter((s) => /^Smoke test/.test(s.name ?? ''))
    expect(smoke.map((s) => s.if).sort()).toEqual([
      "runner.os == 'Linux'",
      "runner.os == 'Windows'",
      "runner.os == 'macOS'",
    ])
    for (const step of smoke) {
      expect(step.run).toContain('tests/e2e/electron.spec.ts')
      expect(step.run).toContain('--version')
    }
    const release = parsed.jobs.release!
    expect(release.needs).toBe('build')
    expect(release.if).toContain('refs/tags/v')
    const releaseRuns = release.steps.map((s) => s.run ?? '').join('\n')
    expect(releaseRuns).toContain('sha256sum --check SHA256SUMS.txt')
    expect(releaseRuns).toContain('--draft')
  })
})
