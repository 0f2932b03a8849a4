import { BrowserWindow, dialog } from 'electron'
import { exportFormatInfo, ExportFormat } from '@shared/export'

/**
 * The desktop app's answer to `export.chooseDestination`: the system's save dialog, for a file
 * (EPUB, archive) or a new folder (Markdown, HTML). Null when the person cancels.
 */
export async function chooseExportPath(request: {
  format: string
  suggestedName: string
}): Promise<string | null> {
  const format = ExportFormat.parse(request.format)
  const info = exportFormatInfo[format]
  const window = BrowserWindow.getFocusedWindow()
  const options: Electron.SaveDialogOptions = {
    title: `Export as ${info.label}`,
    defaultPath: request.suggestedName,
    buttonLabel: 'Export',
    properties: ['createDirectory', 'showOverwriteConfirmation'],
    ...(info.extension
      ? { filters: [{ name: info.label, extensions: [info.extension.split('.').pop()!] }] }
      : {}),
  }
  const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return chosen.canceled || !chosen.filePath ? null : chosen.filePath
}
