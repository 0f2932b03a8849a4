import { mkdir, rm } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'

const REPO = resolve(__dirname, '../..')

export interface HelperBundle {
  path: string
  remove(): Promise<void>
}

/**
 * Bundles a TypeScript helper (and the app sources it imports) into one ES module that plain node
 * can run, with rolldown (which vite ships). Packages stay external, so the bundle is written under
 * node_modules/.cache where node finds them. Returns null, with the reason, when rolldown is missing.
 */
export async function bundleHelper(entry: string): Promise<HelperBundle | { missing: string }> {
  let build: typeof import('rolldown').build
  try {
    ;({ build } = await import('rolldown'))
  } catch (error) {
    return { missing: `rolldown could not be loaded (${(error as Error).message})` }
  }
  const folder = join(REPO, 'node_modules', '.cache', 'dateline-tests', `${process.pid}-${Date.now()}`)
  await mkdir(folder, { recursive: true })
  const path = join(folder, 'helper.mjs')
  await build({
    input: entry,
    platform: 'node',
    resolve: { alias: { '@shared': join(REPO, 'src/shared') } },
    external: (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('@shared'),
    // One file: the app's lazy imports (the country tagger) are inlined rather than split off.
    output: { file: path, format: 'esm', codeSplitting: false },
    logLevel: 'silent',
  })
  return { path, remove: () => rm(folder, { recursive: true, force: true }) }
}
