#!/usr/bin/env node
// The `dateline` command: runs the CLI that `npm run build` puts in out/main/.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(cli)) {
  console.error('dateline: the app is not built yet. Run "npm run build" in the Dateline folder first.')
  process.exit(1)
}
const { runCommandLine } = await import(cli)
await runCommandLine(process.argv.slice(2))
