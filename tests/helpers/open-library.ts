/**
 * The child process of the migration kill test: opens (and so upgrades) a library for writing,
 * printing `PROGRESS <done> <total>` as the upgrade goes and `OPEN <articles>` once it is open.
 * Run from a bundle (see bundle-helper.ts): node <bundle> <libraryDir>
 */
import { LibraryStore } from '../../src/main/library/library-store'

const [libraryDir] = process.argv.slice(2)
if (!libraryDir) {
  console.error('usage: open-library <libraryDir>')
  process.exit(2)
}

const store = await LibraryStore.open(libraryDir, {
  progress: ({ done, total }) => process.stdout.write(`PROGRESS ${done} ${total}\n`),
})
process.stdout.write(`OPEN ${store.counts().articles + store.counts().archived}\n`)
await store.close()
