import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'

export interface RunningHost {
  url: string
  origin: string
  token: string
  stop(): Promise<void>
}

/** Starts `dateline serve` from the built CLI, as a person would, and waits for the URL it prints. */
export async function startHost(libraryDir: string, port = 0): Promise<RunningHost> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['out/main/cli.js', 'serve', '--library', libraryDir, '--port', String(port)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  )
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /Open (http:\/\/\S+)/.exec(output)
      if (match?.[1]) resolve(match[1])
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`dateline serve exited (${code}): ${output}`)))
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
