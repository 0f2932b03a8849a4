// Preloaded with `node --import`: once the process has nothing left to do, keeps it alive for
// DATELINE_LINGER_MS more (once), so that work V8 started in its background threads meanwhile
// (compiling WebAssembly) finishes and is traced instead of being cut short by the exit.
let lingered = false
process.on('beforeExit', () => {
  if (lingered) return
  lingered = true
  setTimeout(() => {}, Number(process.env.DATELINE_LINGER_MS ?? 1000))
})
