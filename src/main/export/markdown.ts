import { dump } from 'js-yaml'
import TurndownService from 'turndown'
import type { Article } from '@shared/article'
import { rewriteStoredImageSources } from '@shared/media'
import { collectionNamesOf, articlesOf, type ExportRun } from './export-run'
import { FileNames, safeFileStem } from './file-names'
import type { OutputFolder } from './output-folder'
import { withHighlights } from '../highlights/highlights-export'

/**
 * A folder of Markdown files, one per article, with YAML front matter and the pictures in a
 * `pictures/` folder beside them, linked relatively: Obsidian, or any Markdown tool, opens it as
 * it is. The HTML becomes Markdown through turndown, one article at a time.
 */

export const PICTURES_FOLDER = 'pictures'

export interface FolderResult {
  articles: number
  pictures: number
}

export async function writeMarkdownFolder(folder: OutputFolder, run: ExportRun): Promise<FolderResult> {
  const turndown = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
  })
  // Highlighted passages as Obsidian's (and many editors') ==highlight==.
  turndown.addRule('highlight', { filter: 'mark', replacement: (content) => `==${content}==` })
  const names = new FileNames()
  const copied = new Set<string>()
  let articles = 0
  for await (const stored of articlesOf(run)) {
    const article = withHighlights(run.library, stored)
    const html = await copyPictures(article, folder, copied, run)
    const markdown = turndown.turndown(html)
    const name = names.unique(safeFileStem(article.title), 'md')
    await folder.write(
      name,
      `${frontMatter(article, collectionNamesOf(run.library, article.id))}\n${markdown}\n`,
    )
    articles++
    run.advance()
  }
  return { articles, pictures: copied.size }
}

/** Each stored picture once, the article's references pointing at the copy; missing ones go. */
async function copyPictures(
  article: Article,
  folder: OutputFolder,
  copied: Set<string>,
  run: ExportRun,
): Promise<string> {
  const paths = new Set<string>()
  rewriteStoredImageSources(article.html, (path) => {
    paths.add(path)
    return null
  })
  const present = new Set<string>()
  for (const path of paths) {
    const name = path.slice(path.lastIndexOf('/') + 1)
    if (copied.has(name)) {
      present.add(path)
      continue
    }
    const bytes = await run.library.media.read(path)
    if (!bytes) {
      run.warn(`A picture of "${article.title}" is missing from the library folder.`)
      continue
    }
    await folder.write(`${PICTURES_FOLDER}/${name}`, bytes, { compress: false })
    copied.add(name)
    present.add(path)
  }
  return rewriteStoredImageSources(article.html, (path) =>
    present.has(path) ? `${PICTURES_FOLDER}/${path.slice(path.lastIndexOf('/') + 1)}` : null,
  )
}

/** Obsidian reads front matter as properties; a tag may not hold spaces, so collections become slugs. */
export function frontMatter(article: Article, collections: string[]): string {
  const properties: Record<string, unknown> = {
    title: article.title,
    url: article.url ?? article.canonicalUrl ?? undefined,
    correspondents: article.correspondents.map((c) => c.name),
    outlet: article.siteName ?? undefined,
    countries: article.countries.map((c) => c.name),
    published: article.publishedAt ?? undefined,
    saved: article.addedAt,
    lang: article.lang ?? undefined,
    tags: [...new Set(collections.map(tagOf).filter(Boolean))],
    collections,
    read: article.read,
    starred: article.starred,
    archived: article.archived,
  }
  const present = Object.fromEntries(
    Object.entries(properties).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  )
  return `---\n${dump(present, { lineWidth: -1, noRefs: true })}---\n`
}

function tagOf(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('und')
    .replace(/[^\p{L}\p{N}_/-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}
