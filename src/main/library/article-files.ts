import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleSummary, StoredArticleMetadata } from '@shared/article'
import { DatelineError } from '@shared/errors'
import { COUNTRY_EDITS_FILE } from '../countries/country-edit-files'
import { HIGHLIGHTS_FILE } from '../highlights/highlight-files'
import { writeFileAtomic, writeFilesAtomic } from './atomic-file'
import { metadataOf } from './article-rows'
import { assertNoLinkBetween, readRegularFile } from './confined-files'
import {
  articleDir,
  articleHtmlPath,
  articleMetadataPath,
  articleTextPath,
  bodyRevision,
  type BodyRef,
  CORRESPONDENTS_EDIT_FILE,
  type LibraryLayout,
} from './layout'

/** An article's own files: its body (HTML and text) and its metadata, one set per capture. */

export interface ArticleBody {
  html: string
  text: string
}

/** A page is capped at 10 MB when fetched; a body file larger than this was not written by Dateline. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024

/** Writes a capture's files; they are in use only once the database names their revision. */
export async function writeArticleFiles(
  layout: LibraryLayout,
  article: ArticleSummary,
  body: ArticleBody,
): Promise<void> {
  const folder = articleDir(layout, article.id)
  await assertNoLinkBetween(layout.root, folder)
  const revision = bodyRevision(article.updatedAt)
  await writeFilesAtomic(folder, [
    { name: `${revision}.html`, data: body.html },
    { name: `${revision}.txt`, data: body.text },
    { name: `${revision}.json`, data: `${JSON.stringify(metadataOf(article), null, 2)}\n` },
  ])
}

export function writeMetadataFile(
  layout: LibraryLayout,
  metadata: StoredArticleMetadata,
  options: { flush?: boolean } = {},
): Promise<void> {
  return writeFileAtomic(
    articleMetadataPath(layout, metadata),
    `${JSON.stringify(metadata, null, 2)}\n`,
    options,
  )
}

export async function readArticleBody(
  layout: LibraryLayout,
  ref: BodyRef & { title: string },
): Promise<ArticleBody> {
  try {
    const htmlPath = articleHtmlPath(layout, ref)
    await assertNoLinkBetween(layout.root, htmlPath)
    // sanitize-html (with postcss) is loaded with the first article read, not with the library.
    const [html, text, { sanitizeStoredHtml }] = await Promise.all([
      readRegularFile(htmlPath, MAX_BODY_BYTES),
      readRegularFile(articleTextPath(layout, ref), MAX_BODY_BYTES),
      import('../ingest/sanitize'),
    ])
    // Sanitised again on the way out: the folder may have been edited since (see sanitize.ts).
    return { html: sanitizeStoredHtml(html.toString('utf8')), text: text.toString('utf8') }
  } catch (error) {
    if (error instanceof DatelineError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP') {
      throw new DatelineError(
        'LIBRARY_DAMAGED',
        `The text of "${ref.title}" is a link in the library folder; Dateline does not follow links.`,
      )
    }
    if (code !== 'ENOENT') throw error
    throw new DatelineError(
      'LIBRARY_DAMAGED',
      `The text of "${ref.title}" is missing from the library folder. Add the article again to restore it.`,
    )
  }
}

/** The stored text of an article for the index, or '' when it cannot be read (the row still counts). */
export async function readArticleTextForIndex(layout: LibraryLayout, ref: BodyRef): Promise<string> {
  try {
    const path = articleTextPath(layout, ref)
    await assertNoLinkBetween(layout.root, path)
    return (await readRegularFile(path, MAX_BODY_BYTES)).toString('utf8')
  } catch {
    return ''
  }
}

/**
 * After a re-capture is acknowledged, the previous copy's files (and any left by a capture that was
 * killed before its metadata was written) go; the person's country and correspondents edits and highlights stay with
 * the article. Best effort: a leftover costs only disk space.
 */
export async function removeOtherRevisions(layout: LibraryLayout, ref: BodyRef): Promise<void> {
  const folder = articleDir(layout, ref.id)
  const current = bodyRevision(ref.updatedAt)
  const names = await readdir(folder).catch(() => [] as string[])
  const kept = [COUNTRY_EDITS_FILE, CORRESPONDENTS_EDIT_FILE, HIGHLIGHTS_FILE]
  const stale = names.filter((name) => !name.startsWith(`${current}.`) && !kept.includes(name))
  await Promise.all(stale.map((name) => rm(join(folder, name), { force: true }).catch(() => undefined)))
}

/** Removes a deleted article's folder, if it is one of ours and reached through no link. */
export async function removeArticleFolder(layout: LibraryLayout, id: string): Promise<void> {
  const folder = articleDir(layout, id)
  const safe = await assertNoLinkBetween(layout.root, folder).then(
    () => true,
    () => false,
  )
  if (safe) await rm(folder, { recursive: true, force: true })
}
