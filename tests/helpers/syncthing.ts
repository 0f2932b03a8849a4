import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'

/**
 * A real Syncthing (Debian's package) for tests: its own home, GUI and REST API on a random
 * 127.0.0.1 port, listening on another, and no global or local discovery, relays, NAT traversal,
 * usage reports or upgrades, so it speaks only to the devices it is introduced to by id.
 */

export function syncthingMissing(): string | null {
  try {
    execFileSync('syncthing', ['--version'], { stdio: 'pipe' })
    return null
  } catch {
    return 'syncthing is not installed (Debian: apt-get install syncthing; .ci/run installs it)'
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export class Syncthing {
  private child: ChildProcess | null = null
  id = ''
  readonly apiKey = `dateline-test-${Math.random().toString(36).slice(2)}`

  private constructor(
    readonly home: string,
    readonly guiPort: number,
    readonly listenPort: number,
  ) {}

  static async create(home: string): Promise<Syncthing> {
    const instance = new Syncthing(home, await freePort(), await freePort())
    execFileSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'], {
      stdio: 'pipe',
    })
    const configPath = join(home, 'config.xml')
    let config = await readFile(configPath, 'utf8')
    const set = (tag: string, value: string): void => {
      config = config.replace(new RegExp(`<${tag}>[^<]*</${tag}>`, 'g'), `<${tag}>${value}</${tag}>`)
    }
    config = config.replace(/(<gui[^>]*>\s*<address>)[^<]*(<\/address>)/, `$1127.0.0.1:${instance.guiPort}$2`)
    set('apikey', instance.apiKey)
    set('listenAddress', `tcp://127.0.0.1:${instance.listenPort}`)
    for (const off of [
      'globalAnnounceEnabled',
      'localAnnounceEnabled',
      'relaysEnabled',
      'natEnabled',
      'startBrowser',
      'crashReportingEnabled',
    ]) {
      set(off, 'false')
    }
    set('urAccepted', '-1')
    set('autoUpgradeIntervalH', '0')
    await writeFile(configPath, config)
    await instance.start()
    instance.id = (await instance.get<{ myID: string }>('/rest/system/status')).myID
    return instance
  }

  async start(): Promise<void> {
    this.child = spawn(
      'syncthing',
      [
        'serve',
        `--home=${this.home}`,
        '--no-browser',
        '--no-restart',
        `--logfile=${join(this.home, 'log.txt')}`,
      ],
      { stdio: 'ignore', env: { ...process.env, STNOUPGRADE: '1', STNODEFAULTFOLDER: '1' } },
    )
    const deadline = Date.now() + 30_000
    for (;;) {
      try {
        await this.get('/rest/system/ping')
        return
      } catch (error) {
        if (Date.now() > deadline) throw error
        await new Promise((r) => setTimeout(r, 200))
      }
    }
  }

  async stop(): Promise<void> {
    const child = this.child
    this.child = null
    if (!child || child.exitCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }

  async get<T>(path: string): Promise<T> {
    const response = await fetch(`http://127.0.0.1:${this.guiPort}${path}`, {
      headers: { 'X-API-Key': this.apiKey },
    })
    if (!response.ok) throw new Error(`${path}: ${response.status}`)
    return (await response.json()) as T
  }

  async post(path: string, body: unknown): Promise<void> {
    const response = await fetch(`http://127.0.0.1:${this.guiPort}${path}`, {
      method: 'POST',
      headers: { 'X-API-Key': this.apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  }

  /** Introduces the other device by its id and address (nothing is discovered). */
  async addDevice(other: Syncthing): Promise<void> {
    await this.post('/rest/config/devices', {
      deviceID: other.id,
      name: other.id.slice(0, 7),
      addresses: [`tcp://127.0.0.1:${other.listenPort}`],
    })
  }

  /** Shares `path` as folder `id` with the other devices; changes are seen within a second. */
  async shareFolder(id: string, path: string, others: Syncthing[]): Promise<void> {
    await this.post('/rest/config/folders', {
      id,
      label: id,
      path,
      type: 'sendreceive',
      devices: [{ deviceID: this.id }, ...others.map((o) => ({ deviceID: o.id }))],
      fsWatcherEnabled: true,
      fsWatcherDelayS: 1,
      rescanIntervalS: 10,
    })
  }
}
