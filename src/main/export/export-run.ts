import type { Article } from '@shared/article'
import { DatelineError } from '@shared/errors'
import type { LibraryStore } from '../library/library-store'
import type { SelectionWalk } from './export-selection'

/** What every export format is handed: the articles one at a time, and how to report and stop. */
export interface ExportRun {
  library: LibraryStore
  walk: SelectionWalk
  /** The book's or folder's title. */
  title: string
  /** When the export started: the timestamp of every file it writes. */
  startedAt: Date
  signal: AbortSignal
  /** One more article written. */
  advance(): void
  warn(message: string): void
}

/** Thrown when the person cancels; the service removes what was written and answers `cancelled`. */
export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled.')
    this.name = 'ExportCancelled'
  }
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new ExportCancelled()
}

/**
 * The selection's articles, read from the library one at a time (body included) so only the one
 * being written is in memory. An id that has gone since the selection was made is skipped.
 */
export async function* articlesOf(run: ExportRun): AsyncGenerator<Article> {
  for await (const ids of run.walk.pages()) {
    for (const id of ids) {
      throwIfCancelled(run.signal)
      let article: Article
      try {
        article = await run.library.readArticle(id)
      } catch (error) {
        if (
          error instanceof DatelineError &&
          (error.code === 'NOT_FOUND' || error.code === 'LIBRARY_DAMAGED')
        ) {
          run.warn(error.message)
          continue
        }
        throw error
      }
      yield article
    }
  }
}

/** The names of the collections an article is in, for tags. */
export function collectionNamesOf(library: LibraryStore, id: string): string[] {
  return library.query((db) =>
    db
      .all<{ name: string }>(
        `SELECT c.name FROM collection_articles ca JOIN collections c ON c.id = ca.collection
         JOIN articles a ON a.rowid = ca.article WHERE a.id = ? AND c.query IS NULL ORDER BY c.name`,
        [id],
      )
      .map((r) => r.name),
  )
}
