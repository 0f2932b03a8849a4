import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '@shared/contract'

/**
 * The usual menus and shortcuts. Items the window carries out are sent to it as app.command
 * events; their accelerators are only shown, since the window handles those keys itself.
 */
export interface MenuActions {
  sendCommand: (command: AppCommand['command']) => void
  libraryDir: string
  /** Help > Check for Updates Automatically, as stored in the settings. */
  updatesEnabled: boolean
  setUpdatesEnabled: (enabled: boolean) => void
  checkForUpdatesNow: () => void
  printArticle: () => void
  saveArticleAsPdf: () => void
  /** Null where the system's package already provides the `dateline` command. */
  installCommandLineTool: (() => void) | null
}

export function installAppMenu(actions: MenuActions): void {
  const { sendCommand, libraryDir } = actions
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Add Article…',
          accelerator: 'CmdOrCtrl+N',
          registerAccelerator: false,
          click: () => sendCommand('add-article'),
        },
        { type: 'separator' },
        { label: 'Print Article…', accelerator: 'CmdOrCtrl+P', click: () => actions.printArticle() },
        {
          label: 'Save Article as PDF…',
          accelerator: 'Shift+CmdOrCtrl+P',
          click: () => actions.saveArticleAsPdf(),
        },
        { type: 'separator' },
        { label: 'Show Library Folder', click: () => void shell.openPath(libraryDir) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools', visible: !app.isPackaged },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'Keyboard Shortcuts',
          accelerator: 'Shift+/',
          registerAccelerator: false,
          click: () => sendCommand('show-shortcuts'),
        },
        { type: 'separator' },
        {
          label: 'Check for Updates Automatically',
          type: 'checkbox',
          checked: actions.updatesEnabled,
          click: (item) => actions.setUpdatesEnabled(item.checked),
        },
        { label: 'Check for Updates Now', click: () => actions.checkForUpdatesNow() },
        ...(actions.installCommandLineTool
          ? [{ label: 'Install Command-Line Tool…', click: actions.installCommandLineTool }]
          : []),
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
