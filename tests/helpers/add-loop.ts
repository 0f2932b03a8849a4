/**
 * The child process of the kill test: opens the library the way the app does and adds text
 * articles in a loop until it is killed. It prints `READY` once the library is open, `ACK <id> <n>`
 * after each add has returned, and `READ <id>` after marking it read. Run from a bundle (see
 * bundle-helper.ts): node <bundle> <libraryDir> <round>
 */
import { openApp } from '../../src/main/app'
import { prepareCountryTagging } from '../../src/main/ingest/tag-extracted'
import { killTestText } from './kill-text'

const [libraryDir, round] = process.argv.slice(2)
if (!libraryDir || !round) {
  console.error('usage: add-loop <libraryDir> <round>')
  process.exit(2)
}

const app = await openApp({ libraryDir, extraction: 'inline' })
// The extraction worker loads the country data before it reports ready; inline extraction would
// load it in the first add instead, after READY, and the kill would land before any acknowledgement.
prepareCountryTagging()
process.stdout.write('READY\n')
for (let n = 0; ; n++) {
  const result = await app.dispatch('articles.add', { kind: 'text', text: killTestText(Number(round), n) })
  if (!result.ok) {
    console.error(`add failed: ${result.error.code} ${result.error.message}`)
    process.exit(1)
  }
  const { id } = (result.value as { article: { id: string } }).article
  process.stdout.write(`ACK ${id} ${n}\n`)
  if (n % 3 === 0) {
    const marked = await app.dispatch('articles.setState', { id, read: true })
    if (marked.ok) process.stdout.write(`READ ${id}\n`)
  }
}
