import { z } from 'zod'

export const Theme = z.enum(['system', 'light', 'dark'])
export type Theme = z.infer<typeof Theme>

export const FontFamily = z.enum(['serif', 'sans'])
export type FontFamily = z.infer<typeof FontFamily>

/** Reader preferences, kept in the library folder so every host shows the same reader. */
export const Settings = z.object({
  theme: Theme,
  fontFamily: FontFamily,
  /** CSS pixels. */
  fontSize: z.number().int().min(12).max(32),
  /** Measure of the text column in characters. */
  lineWidth: z.number().int().min(40).max(100),
  /**
   * Whether the desktop app looks for a new version on the project's releases. Off until the
   * person turns it on: an offline reader never calls home unasked.
   */
  checkForUpdates: z.boolean(),
})
export type Settings = z.infer<typeof Settings>

export const defaultSettings: Settings = {
  theme: 'system',
  fontFamily: 'serif',
  fontSize: 18,
  lineWidth: 68,
  checkForUpdates: false,
}

export const SettingsPatch = Settings.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatch>
