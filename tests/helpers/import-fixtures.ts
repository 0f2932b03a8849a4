import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { zipSync } from 'fflate'

export const IMPORT_FIXTURES = resolve(__dirname, '../fixtures/imports')

export function importFixture(name: string): Uint8Array {
  return readFileSync(join(IMPORT_FIXTURES, name))
}

/** The Omnivore export as Omnivore zipped it: the folder tests/fixtures/imports/omnivore in a ZIP. */
export function omnivoreZip(): Uint8Array {
  const root = join(IMPORT_FIXTURES, 'omnivore')
  const files: Record<string, Uint8Array> = {}
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files[relative(root, path).split('\\').join('/')] = readFileSync(path)
  }
  return zipSync(files)
}
