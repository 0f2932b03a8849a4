import { articlesOf, type ExportRun } from './export-run'
import { FileNames, safeFileStem } from './file-names'
import type { FolderResult } from './markdown'
import type { OutputFolder } from './output-folder'
import { inlineImages, standaloneHtml } from './standalone-html'
import { withHighlights } from '../highlights/highlights-export'

/** A folder of self-contained HTML files, one per article, pictures inside each (standalone-html.ts). */
export async function writeHtmlFolder(folder: OutputFolder, run: ExportRun): Promise<FolderResult> {
  const names = new FileNames()
  let articles = 0
  let pictures = 0
  for await (const stored of articlesOf(run)) {
    const article = withHighlights(run.library, stored)
    const body = await inlineImages(article.html, async (path) => {
      const bytes = await run.library.media.read(path)
      if (bytes) pictures++
      return bytes
    })
    await folder.write(names.unique(safeFileStem(article.title), 'html'), standaloneHtml(article, body))
    articles++
    run.advance()
  }
  return { articles, pictures }
}
