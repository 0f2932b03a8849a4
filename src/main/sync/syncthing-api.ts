import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { DatelineError } from '@shared/errors'
import type { SyncthingFolder, SyncthingPresence } from '@shared/syncthing'

/*
 * A running Syncthing, found through its own REST API on this computer, and, when the person asks
 * for it, given the sync folder to share (docs/sync.md, "With Syncthing"). Syncthing's config.xml
 * says where its GUI listens and holds the API key; the person can paste the key instead. Only a
 * loopback address is ever contacted: a GUI address elsewhere in that file is not ours to call.
 */

/** Where Syncthing keeps config.xml, newest layout first, on each system. */
export function configCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string[] {
  if (env.STHOMEDIR) return [join(env.STHOMEDIR, 'config.xml')]
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA ?? join(home, 'AppData', 'Local')
    return [join(local, 'Syncthing', 'config.xml')]
  }
  if (platform === 'darwin') return [join(home, 'Library', 'Application Support', 'Syncthing', 'config.xml')]
  const state = env.XDG_STATE_HOME ?? join(home, '.local', 'state')
  const config = env.XDG_CONFIG_HOME ?? join(home, '.config')
  return [join(state, 'syncthing', 'config.xml'), join(config, 'syncthing', 'config.xml')]
}

export interface GuiAccess {
  /** http://127.0.0.1:<port> (or [::1]) */
  base: string
  apiKey: string
}

const MAX_CONFIG_BYTES = 4 * 1024 * 1024
const PORT = /^\d{1,5}$/

/** The GUI's loopback address and API key in a config.xml's text; null when it has none we may use. */
export function guiAccessOf(xml: string): GuiAccess | { problem: string } | null {
  const gui = /<gui\b([^>]*)>([\s\S]*?)<\/gui>/.exec(xml)
  if (!gui) return null
  const address = /<address>\s*([^<\s]+)\s*<\/address>/.exec(gui[2]!)?.[1]
  const apiKey = /<apikey>\s*([^<\s]+)\s*<\/apikey>/.exec(gui[2]!)?.[1]
  if (!address || !apiKey) return null
  if (/\btls\s*=\s*"true"/.test(gui[1]!)) {
    return { problem: 'Syncthing’s web GUI uses HTTPS here; add the folder in Syncthing itself.' }
  }
  const base = loopbackBase(address)
  return base
    ? { base, apiKey }
    : { problem: `Syncthing’s web GUI listens on ${address}, not on this computer only.` }
}

/** http://host:port for a GUI address that this computer alone can reach; 0.0.0.0 is reached at 127.0.0.1. */
export function loopbackBase(address: string): string | null {
  const match = /^(?:https?:\/\/)?(\[[^\]]+\]|[^:/]+):(\d{1,5})\/?$/.exec(address.trim())
  if (!match || !PORT.test(match[2]!)) return null
  const host = match[1]!.toLowerCase()
  const port = Number(match[2])
  if (port < 1 || port > 65535) return null
  if (host === '127.0.0.1' || host === 'localhost' || host === '0.0.0.0') return `http://127.0.0.1:${port}`
  if (host === '[::1]' || host === '[::]') return `http://[::1]:${port}`
  return null
}

export interface FindOptions {
  /** config.xml files to read, in order (default: the standard places). */
  configPaths?: string[]
  /** Pasted by the person, with the GUI address (default 127.0.0.1:8384). */
  apiKey?: string | undefined
  address?: string | undefined
  fetch?: typeof fetch
  timeoutMs?: number
}

/** Whether a Syncthing answers on this computer, and how to reach it. */
export async function findSyncthing(
  options: FindOptions = {},
): Promise<{ presence: SyncthingPresence; access: GuiAccess | null }> {
  const candidates: GuiAccess[] = []
  let problem: string | null = null
  if (options.apiKey) {
    const base = loopbackBase(options.address ?? '127.0.0.1:8384')
    if (!base) problem = 'Give the address Syncthing’s web GUI has on this computer, such as 127.0.0.1:8384.'
    else candidates.push({ base, apiKey: options.apiKey })
  }
  for (const path of options.configPaths ?? configCandidates()) {
    const xml = await readConfig(path)
    if (xml === null) continue
    const access = guiAccessOf(xml)
    if (access && 'problem' in access) problem ??= access.problem
    else if (access) candidates.push(access)
  }
  for (const access of candidates) {
    const status = await call<{ myID?: unknown }>(
      access,
      'GET',
      '/rest/system/status',
      undefined,
      options,
    ).catch(() => null)
    if (status && typeof status.myID === 'string') {
      const version = await call<{ version?: unknown }>(
        access,
        'GET',
        '/rest/system/version',
        undefined,
        options,
      )
        .then((v) => (typeof v.version === 'string' ? v.version : null))
        .catch(() => null)
      return {
        presence: { found: true, deviceId: status.myID, version, address: access.base, problem: null },
        access,
      }
    }
  }
  return {
    presence: {
      found: false,
      deviceId: null,
      version: null,
      address: null,
      problem: problem ?? (candidates.length > 0 ? 'Syncthing did not answer on this computer.' : null),
    },
    access: null,
  }
}

interface FolderConfig {
  id: string
  label?: string
  path: string
}

/**
 * Gives Syncthing the sync folder as a "Send & Receive" folder of this device, or finds it there
 * already; the person then shares it with their other devices in Syncthing.
 */
export async function addFolderToSyncthing(
  access: GuiAccess,
  deviceId: string,
  folder: string,
  options: Pick<FindOptions, 'fetch' | 'timeoutMs'> = {},
): Promise<SyncthingFolder> {
  const path = resolve(folder)
  const folders = await call<FolderConfig[]>(access, 'GET', '/rest/config/folders', undefined, options)
  const existing = Array.isArray(folders) ? folders.find((f) => resolve(f.path) === path) : undefined
  if (existing) return { id: existing.id, label: existing.label ?? existing.id, path, added: false }
  const taken = new Set((Array.isArray(folders) ? folders : []).map((f) => f.id))
  let id = 'dateline'
  for (let n = 2; taken.has(id); n++) id = `dateline-${n}`
  const label = 'Dateline'
  await call(
    access,
    'POST',
    '/rest/config/folders',
    {
      id,
      label,
      path,
      type: 'sendreceive',
      devices: [{ deviceID: deviceId }],
      fsWatcherEnabled: true,
      // A change is sent a second after it is written (10 s by default; docs/benchmarks.md).
      fsWatcherDelayS: 1,
    },
    options,
  )
  return { id, label, path, added: true }
}

async function readConfig(path: string): Promise<string | null> {
  try {
    const bytes = await readFile(path)
    return bytes.length > MAX_CONFIG_BYTES ? null : bytes.toString('utf8')
  } catch {
    return null
  }
}

async function call<T>(
  access: GuiAccess,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  options: Pick<FindOptions, 'fetch' | 'timeoutMs'>,
): Promise<T> {
  const response = await (options.fetch ?? fetch)(`${access.base}${path}`, {
    method,
    headers: {
      'X-API-Key': access.apiKey,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    redirect: 'error',
    signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
  })
  if (response.status === 401 || response.status === 403) {
    throw new DatelineError('INVALID_INPUT', 'Syncthing refused the API key.')
  }
  if (!response.ok) {
    throw new DatelineError('INTERNAL', `Syncthing answered ${response.status} to ${method} ${path}.`)
  }
  const text = await response.text()
  return (text === '' ? null : JSON.parse(text)) as T
}
