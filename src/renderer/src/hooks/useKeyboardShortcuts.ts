import { useEffect } from 'react'
import { handleShortcutKey } from '@renderer/shortcuts'

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', handleShortcutKey)
    return () => window.removeEventListener('keydown', handleShortcutKey)
  }, [])
}
