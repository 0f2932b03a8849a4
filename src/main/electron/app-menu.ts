import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '@shared/contract'

/**
 * The usual menus and shortcuts. Items the window carries out are sent to it as app.command
 * events; their accelerators are only shown, since the window handles those keys itself.
 */
export function installAppMenu(
  sendCommand: (command: AppCommand['command']) => void,
  libraryDir: string,
): void {
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
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
