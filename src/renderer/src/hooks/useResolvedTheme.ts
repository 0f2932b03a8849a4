import { useEffect, useSyncExternalStore } from 'react'
import type { ResolvedTheme } from '@renderer/lib/reader-document'
import { useSettings } from '@renderer/store/settings/store'

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)')

function subscribeToSystemTheme(onChange: () => void): () => void {
  darkQuery.addEventListener('change', onChange)
  return () => darkQuery.removeEventListener('change', onChange)
}

function systemPrefersDark(): boolean {
  return darkQuery.matches
}

/** The theme actually shown: 'system' follows the operating system, live. */
export function useResolvedTheme(): ResolvedTheme {
  const theme = useSettings((state) => state.settings.theme)
  const systemDark = useSyncExternalStore(subscribeToSystemTheme, systemPrefersDark)
  if (theme === 'system') return systemDark ? 'dark' : 'light'
  return theme
}

export function useThemeAttribute(): void {
  const theme = useResolvedTheme()
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
}
