import type { JSX } from 'react'
import type { FontFamily, Theme } from '@shared/settings'
import { updateSettings } from '@renderer/store/settings/actions'
import {
  LINE_WIDTHS,
  MAX_FONT_SIZE,
  MIN_FONT_SIZE,
  lineWidthName,
  selectSettings,
  steppedFontSize,
  type LineWidthName,
} from '@renderer/store/settings/selectors'
import { useSettings } from '@renderer/store/settings/store'
import { SegmentedControl } from './SegmentedControl'

const FONTS: { value: FontFamily; label: string }[] = [
  { value: 'serif', label: 'Serif' },
  { value: 'sans', label: 'Sans' },
]

const WIDTHS: { value: LineWidthName; label: string }[] = [
  { value: 'narrow', label: 'Narrow' },
  { value: 'medium', label: 'Medium' },
  { value: 'wide', label: 'Wide' },
]

const THEMES: { value: Theme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
]

export function ReaderSettingsPanel(): JSX.Element {
  const settings = useSettings(selectSettings)

  return (
    <div
      id="reader-settings-panel"
      className="popover settings-panel"
      role="group"
      aria-label="Reader settings"
    >
      <div className="settings-row">
        <span className="settings-label" id="font-size-label">
          Text size
        </span>
        <div className="stepper" role="group" aria-labelledby="font-size-label">
          <button
            type="button"
            className="button"
            disabled={settings.fontSize <= MIN_FONT_SIZE}
            onClick={() => void updateSettings({ fontSize: steppedFontSize(settings.fontSize, -1) })}
          >
            <span aria-hidden="true">A−</span>
            <span className="visually-hidden">Smaller text</span>
          </button>
          <output className="stepper-value" aria-live="polite">
            {settings.fontSize}px
          </output>
          <button
            type="button"
            className="button"
            disabled={settings.fontSize >= MAX_FONT_SIZE}
            onClick={() => void updateSettings({ fontSize: steppedFontSize(settings.fontSize, 1) })}
          >
            <span aria-hidden="true">A+</span>
            <span className="visually-hidden">Larger text</span>
          </button>
        </div>
      </div>
      <SegmentedControl
        label="Font"
        options={FONTS}
        value={settings.fontFamily}
        onChange={(fontFamily) => void updateSettings({ fontFamily })}
      />
      <SegmentedControl
        label="Line width"
        options={WIDTHS}
        value={lineWidthName(settings.lineWidth)}
        onChange={(name) => void updateSettings({ lineWidth: LINE_WIDTHS[name] })}
      />
      <SegmentedControl
        label="Theme"
        options={THEMES}
        value={settings.theme}
        onChange={(theme) => void updateSettings({ theme })}
      />
    </div>
  )
}
