import { join } from 'node:path'
import { Menu, nativeImage, Tray, type BrowserWindow } from 'electron'

/**
 * "Keep running in the tray": with the setting on, closing the window hides it and Dateline stays
 * in the tray (the menu bar on macOS), refreshing feeds on their schedule; the tray's menu brings
 * the window back, refreshes now, or quits. With it off, closing the window quits as before.
 */
export interface TrayActions {
  iconPath: string
  showWindow: () => void
  refreshNow: () => void
  quit: () => void
}

export class TrayKeeper {
  private tray: Tray | null = null
  private enabled = false

  constructor(private readonly actions: TrayActions) {}

  setEnabled(enabled: boolean): void {
    this.enabled = enabled
    if (enabled && !this.tray) this.tray = this.createTray()
    if (!enabled && this.tray) {
      this.tray.destroy()
      this.tray = null
    }
  }

  /**
   * Wired to the window's `close`. The setting is read when the window closes (the person may
   * have changed it in the Feeds view a moment ago), so the close is held, then either the window
   * hides into the tray or it closes for real.
   */
  watchClose(window: BrowserWindow, keepRunning: () => Promise<boolean>, quitting: () => boolean): void {
    let decided = false
    window.on('close', (event) => {
      if (decided || quitting()) return
      event.preventDefault()
      void keepRunning()
        .catch(() => false)
        .then((keep) => {
          this.setEnabled(keep)
          if (keep) {
            window.hide()
            return
          }
          decided = true
          window.close()
        })
    })
  }

  private createTray(): Tray {
    const icon = nativeImage.createFromPath(this.actions.iconPath).resize({ width: 16, height: 16 })
    const tray = new Tray(icon)
    tray.setToolTip('Dateline')
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open Dateline', click: this.actions.showWindow },
        { label: 'Refresh Feeds Now', click: this.actions.refreshNow },
        { type: 'separator' },
        { label: 'Quit Dateline', click: this.actions.quit },
      ]),
    )
    tray.on('click', this.actions.showWindow)
    return tray
  }
}

/** The tray's picture: beside the app's resources when installed, in resources/ when run from the tree. */
export function trayIconPath(resourcesPath: string, isPackaged: boolean, appPath: string): string {
  return isPackaged ? join(resourcesPath, 'icon.png') : join(appPath, 'resources', 'icon.png')
}
