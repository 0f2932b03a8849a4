import { z } from 'zod'
import { Highlight, MAX_NOTE_CHARS, MAX_QUOTE_CHARS } from '@shared/highlights'
import { articleJsonFile } from '../library/article-json-file'
import type { LibraryLayout } from '../library/layout'
import type { LibraryStore } from '../library/library-store'
import { highlightsOf } from './highlight-store'

/**
 * An article's highlights and notes, kept beside its body as well as in library.db (as the
 * person's country edits are, countries/country-edit-files.ts), so that `dateline rebuild` of a
 * damaged database brings back what the person wrote. The database stays the source of truth:
 * the file is rewritten from it after each change.
 */

const MAX_HIGHLIGHTS = 10_000

/** Not a revision's name, so a re-capture's clean-up (removeOtherRevisions) leaves it. */
const highlightsFile = articleJsonFile({
  name: 'highlights.json',
  schema: z.object({ highlights: z.array(Highlight).max(MAX_HIGHLIGHTS) }),
  maxBytes: 64 * 1024 * 1024,
})

export const HIGHLIGHTS_FILE = highlightsFile.name

/**
 * The highlights kept in an article's folder, or [] when there are none or the file is not one
 * Dateline wrote (a link, too large, not this shape, another article's): nothing read back is trusted.
 */
export async function readHighlightsFile(layout: LibraryLayout, articleId: string): Promise<Highlight[]> {
  const file = await highlightsFile.read(layout, articleId)
  return (file?.highlights ?? []).filter((h) => h.articleId === articleId && storable(h))
}

/** What the table's checks accept (schema 15), so one odd entry cannot stop a rebuild. */
function storable(h: Highlight): boolean {
  return (
    h.exact.length >= 1 &&
    h.exact.length <= MAX_QUOTE_CHARS &&
    h.end > h.start &&
    h.note.length <= MAX_NOTE_CHARS
  )
}

/**
 * Keeps each article's highlights file equal to the database, one write at a time per article;
 * a change made while one runs is written by the next, which reads the database afresh. An
 * article not in the library (in the trash, or not yet arrived by sync) has no folder to write in.
 */
export function highlightFiles(
  layout: LibraryLayout,
  highlightsOf: (articleId: string) => Highlight[] | null,
): { save: (articleId: string) => Promise<void> } {
  return {
    save: async (articleId) => {
      const contents = (): { highlights: Highlight[] } | undefined => {
        const highlights = highlightsOf(articleId)
        return highlights ? { highlights } : undefined
      }
      // Best effort, as a leftover file is: the database already holds the change.
      await highlightsFile.save(layout, articleId, contents).catch(() => undefined)
    },
  }
}

const librariesFiles = new WeakMap<LibraryStore, { save: (articleId: string) => Promise<void> }>()

/** The one writer of highlights files of an open library, shared by the services, sync and imports. */
export function highlightFilesOf(library: LibraryStore): { save: (articleId: string) => Promise<void> } {
  let files = librariesFiles.get(library)
  if (!files) {
    files = highlightFiles(library.layout, (id) =>
      library.get(id) ? library.query((db) => highlightsOf(db, id)) : null,
    )
    librariesFiles.set(library, files)
  }
  return files
}
