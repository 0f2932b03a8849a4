/**
 * One cold open, as a window makes it: a fresh process loads the app, opens the library as the
 * app does (`host: true`) and asks for the first page of the list (50 newest, with the sidebar
 * counts). Run by `npm run bench` several times per size (and alone: `node
 * out/main/bench-cold-open.js LIBRARY`); prints one JSON line:
 *   node_ms / node_cpu_ms     the process's own start, before any of our code ran
 *   import_ms / import_cpu_ms loading the app's modules
 *   open_ms / open_cpu_ms     opening the library until the first page is returned
 *   total_ms / total_cpu_ms   all three: the process's start to its first page
 * CPU is `process.cpuUsage()`: every thread of the process, so V8 compiling SQLite's WebAssembly
 * in the background counts too. The app is imported dynamically only so that its loading can be
 * told from Node's; the app's own entry imports it the ordinary way.
 */

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000

async function main(): Promise<void> {
  const folder = process.argv[2]
  if (!folder) throw new Error('Usage: bench-cold-open LIBRARY')
  const nodeMs = performance.now()
  const nodeCpu = cpuMs(process.cpuUsage())
  const { openApp } = await import('../src/main/app')
  const importedMs = performance.now()
  const importedCpu = cpuMs(process.cpuUsage())
  const app = await openApp({ libraryDir: folder, host: true })
  const page = await app.dispatch('articles.list', { limit: 50 })
  const totalMs = performance.now()
  const totalCpu = cpuMs(process.cpuUsage())
  await app.close()
  if (!page.ok) throw new Error(page.error.message)
  const round = (value: number): number => Math.round(value * 100) / 100
  console.log(
    JSON.stringify({
      node_ms: round(nodeMs),
      node_cpu_ms: round(nodeCpu),
      import_ms: round(importedMs - nodeMs),
      import_cpu_ms: round(importedCpu - nodeCpu),
      open_ms: round(totalMs - importedMs),
      open_cpu_ms: round(totalCpu - importedCpu),
      total_ms: round(totalMs),
      total_cpu_ms: round(totalCpu),
    }),
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
