import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Dateline'

/**
 * The folder Electron calls userData for this app, computed without Electron so the CLI and the
 * browser host find the same library as the desktop app.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME)
}

export function libraryDirIn(userDataDir: string): string {
  return join(userDataDir, 'library')
}

/** `--library DIR` wins, then DATELINE_LIBRARY, then the app's own folder. */
export function resolveLibraryDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  fallbackUserData: string = defaultUserDataDir(),
): string {
  if (flag) return flag
  if (env.DATELINE_LIBRARY) return env.DATELINE_LIBRARY
  return libraryDirIn(fallbackUserData)
}
