import { z } from 'zod'
import { ListDate } from './reading'

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
  /**
   * Closing the window keeps the desktop app running in the tray (the menu bar on macOS), where
   * feeds go on refreshing; off, closing the window quits (on macOS the app stays in the Dock).
   */
  keepRunningInTray: z.boolean(),
  /**
   * Following correspondents: their own feeds are looked for and subscribed to, and their new
   * articles are downloaded in full. Off keeps the follows but does neither.
   */
  followCorrespondents: z.boolean(),
  /** A desktop notification (in the browser host, a notice) for a new article by someone followed. */
  notifyFollowed: z.boolean(),
  /** Which date orders the article list: published (saved for undated pages), or saved. */
  listDate: ListDate,
})
export type Settings = z.infer<typeof Settings>

export const defaultSettings: Settings = {
  theme: 'system',
  fontFamily: 'serif',
  fontSize: 18,
  lineWidth: 68,
  checkForUpdates: false,
  keepRunningInTray: false,
  followCorrespondents: true,
  notifyFollowed: true,
  listDate: 'published',
}

export const SettingsPatch = Settings.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatch>
