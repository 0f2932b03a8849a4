// Preloaded with `node --import`: writes every module the process loaded (ES modules through a
// load hook, CommonJS ones from require's cache) to the file named by DATELINE_MODULE_LOG, one
// URL or path a line, when the process exits.
import { createRequire, register } from 'node:module'
import { writeFileSync } from 'node:fs'

const loaded = new Set()
const { port1, port2 } = new MessageChannel()
port1.on('message', (url) => loaded.add(url))
port1.unref()
const hook = `
let port
export function initialize(data) { port = data.port }
export async function load(url, context, next) { port.postMessage(url); return next(url, context) }
`
register(`data:text/javascript,${encodeURIComponent(hook)}`, {
  parentURL: import.meta.url,
  data: { port: port2 },
  transferList: [port2],
})
const require = createRequire(import.meta.url)
process.on('exit', () => {
  const out = process.env.DATELINE_MODULE_LOG
  if (out) writeFileSync(out, [...loaded, ...Object.keys(require.cache)].join('\n'))
})
