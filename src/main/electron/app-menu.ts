import { app, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'

/** The usual menus and shortcuts; "Add Article…" reaches the renderer as the same Ctrl/Cmd+N it handles. */
export function installAppMenu(getWindow: () => BrowserWindow | null, libraryDir: string): void {
  const isMac = process.platform === 'darwin'
  const sendShortcut = (key: string): void => {
    const contents = getWindow()?.webContents
    contents?.sendInputEvent({ type: 'keyDown', keyCode: key, modifiers: [isMac ? 'meta' : 'control'] })
  }
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Add Article…',
          accelerator: 'CmdOrCtrl+N',
          registerAccelerator: false,
          click: () => sendShortcut('N'),
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
          click: () => sendShortcut('/'),
        },
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
