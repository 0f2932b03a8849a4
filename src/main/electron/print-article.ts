import { writeFile } from 'node:fs/promises'
import { BrowserWindow, dialog } from 'electron'
import { safeFileStem } from '../export/file-names'
import { articleTitleOfWindow } from '@shared/window-title'

/*
 * Printing the article in the reader. The window's print style sheet (reading.css, @media print)
 * leaves only the reader: headline, byline, date and the article's frame, in black on white.
 */

function focusedWindow(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null
}

export function printArticle(): void {
  focusedWindow()?.webContents.print({ printBackground: false })
}

/** Save as PDF: the system's save dialog, then Chromium's own PDF of the print layout. */
export async function saveArticleAsPdf(tell: (message: string) => void): Promise<void> {
  const window = focusedWindow()
  if (!window) return
  const title = articleTitleOfWindow(window.webContents.getTitle())
  const chosen = await dialog.showSaveDialog(window, {
    title: 'Save Article as PDF',
    defaultPath: `${safeFileStem(title ?? 'Article')}.pdf`,
    buttonLabel: 'Save',
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  })
  if (chosen.canceled || !chosen.filePath) return
  try {
    const pdf = await window.webContents.printToPDF({
      printBackground: false,
      pageSize: 'A4',
      generateDocumentOutline: true,
    })
    await writeFile(chosen.filePath, pdf)
  } catch (error) {
    tell(`The PDF could not be saved: ${error instanceof Error ? error.message : String(error)}`)
  }
}
