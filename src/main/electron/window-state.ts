import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { screen, type BrowserWindow, type Rectangle } from 'electron'
import { writeFileAtomic } from '../library/atomic-file'

export interface WindowState {
  bounds: Rectangle
  maximized: boolean
}

const DEFAULT_STATE: WindowState = { bounds: { x: 0, y: 0, width: 1280, height: 820 }, maximized: false }

export async function loadWindowState(userDataDir: string): Promise<WindowState> {
  try {
    const saved = JSON.parse(await readFile(join(userDataDir, 'window-state.json'), 'utf8')) as WindowState
    return isOnScreen(saved.bounds) ? saved : { ...DEFAULT_STATE, maximized: saved.maximized }
  } catch {
    return DEFAULT_STATE
  }
}

/** Saves the window's place whenever the person stops moving or resizing it. */
export function rememberWindowState(window: BrowserWindow, userDataDir: string): void {
  let timer: NodeJS.Timeout | undefined
  const save = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (window.isDestroyed()) return
      const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() }
      void writeFileAtomic(join(userDataDir, 'window-state.json'), JSON.stringify(state))
    }, 400)
  }
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const)
    window.on(event as 'resize', save)
  window.on('close', save)
}

/** A window saved on a monitor that is no longer attached would open out of sight. */
function isOnScreen(bounds: Rectangle): boolean {
  return screen.getAllDisplays().some(({ workArea }) => {
    return (
      bounds.x + 100 > workArea.x &&
      bounds.y + 50 > workArea.y &&
      bounds.x < workArea.x + workArea.width - 100 &&
      bounds.y < workArea.y + workArea.height - 50
    )
  })
}
