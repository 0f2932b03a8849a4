import { Settings } from '@shared/settings'
import type { SettingsState } from './store'

export type LineWidthName = 'narrow' | 'medium' | 'wide'

/** Measures in characters; 66 or so is the classic comfortable line. */
export const LINE_WIDTHS: Record<LineWidthName, number> = { narrow: 56, medium: 68, wide: 84 }

export const FONT_SIZE_STEP = 2
export const MIN_FONT_SIZE = Settings.shape.fontSize.minValue ?? 12
export const MAX_FONT_SIZE = Settings.shape.fontSize.maxValue ?? 32

export function selectSettings(state: SettingsState): Settings {
  return state.settings
}

/** Settings written by another host may hold any width, so the nearest name is the one shown. */
export function lineWidthName(lineWidth: number): LineWidthName {
  const names = Object.keys(LINE_WIDTHS) as LineWidthName[]
  return names.reduce((best, name) =>
    Math.abs(LINE_WIDTHS[name] - lineWidth) < Math.abs(LINE_WIDTHS[best] - lineWidth) ? name : best,
  )
}

export function steppedFontSize(fontSize: number, direction: 1 | -1): number {
  return Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, fontSize + direction * FONT_SIZE_STEP))
}
