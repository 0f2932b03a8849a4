import type { AppUpdater } from 'electron-updater'

/**
 * Updates from the project's GitHub releases (electron-builder.yml `publish`), only while the
 * person has "Check for Updates Automatically" on, and only in an installed build. electron-updater
 * checks the SHA-512 of the download against the release's latest.yml (and, on Windows, that the
 * installer is signed by the same publisher) before it installs it on the next quit.
 */
const EVERY_SIX_HOURS = 6 * 60 * 60 * 1000

export interface UpdateChecker {
  setEnabled(enabled: boolean): void
  checkNow(): Promise<string>
}

/**
 * electron-updater is loaded only once updates are on, so a person who never turns them on never
 * runs it. It is CommonJS with its exports behind getters: take them from the default export.
 */
async function loadUpdater(log: (line: string) => void): Promise<AppUpdater> {
  const { default: electronUpdater } = await import('electron-updater')
  const { autoUpdater } = electronUpdater
  autoUpdater.autoDownload = true
  autoUpdater.autoInstallOnAppQuit = true
  autoUpdater.on('error', (error: Error) => log(`Update check failed: ${error.message}`))
  return autoUpdater
}

export function createUpdateChecker(isPackaged: boolean, log: (line: string) => void): UpdateChecker {
  let timer: ReturnType<typeof setInterval> | null = null
  let updater: Promise<AppUpdater> | null = null

  const check = async (): Promise<string> => {
    if (!isPackaged) return 'Updates apply to an installed Dateline, not to a development build.'
    updater ??= loadUpdater(log)
    const result = await (await updater).checkForUpdatesAndNotify()
    const version = result?.updateInfo.version
    return result?.isUpdateAvailable && version
      ? `Dateline ${version} is being downloaded; it is installed when you quit.`
      : 'Dateline is up to date.'
  }

  return {
    setEnabled(enabled) {
      if (timer) clearInterval(timer)
      timer = null
      if (!enabled || !isPackaged) return
      void check().catch(() => undefined)
      timer = setInterval(() => void check().catch(() => undefined), EVERY_SIX_HOURS)
      timer.unref()
    },
    checkNow: check,
  }
}
